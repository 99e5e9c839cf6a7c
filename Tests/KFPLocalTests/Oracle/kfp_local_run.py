"""Oracle for LocalOracleTests: runs compiled pipelines with kfp.local (kfp==2.17.3, SubprocessRunner)
and prints what kfp.local computed, as one JSON object.

Usage:
    python kfp_local_run.py FILE ARGUMENTS_JSON FOLDER
        runs one pipeline; prints its result.
    python kfp_local_run.py --batch < JOBS_JSON
        JOBS_JSON is a list of {"id": ..., "file": ..., "arguments": {...}, "folder": ...};
        runs them one after another in this process (importing kfp once) and prints
        {"<id>": <result>, ...}.

A result is
    {"outputs": {"parameters": {...}, "artifacts": ["<name>", ...]},
     "tasks": {"<folder relative to the run folder>": {"component": "comp-<name>",
               "parameters": {...}, "conflicts": {...}}},
     "error": "<exception type>: <message>" (only when kfp.local raised),
     "seconds": <wall time>}

How the pipeline is run (the oracle pitfalls of ir-and-execution.md section 7):
* A copy of the file, written to FOLDER, has the KFP pip prelude (the leading `sh -c <pip install ...>`
  command elements) removed, so nothing is pip-installed into this interpreter. Packages a prelude
  installs besides kfp (`packages_to_install`) are installed once with `pip install --target` into a
  cache folder that the task processes get on PYTHONPATH.
* Every root input parameter is passed explicitly: the given arguments, else the declared default
  (kfp.local 2.17.3 ignores defaults of YAML-loaded pipelines).
* `local.init(runner=local.SubprocessRunner(use_venv=False), pipeline_root=FOLDER/root)`; kfp.local's
  log (and the tasks' output) goes to FOLDER/oracle.log, so stdout holds only the JSON.

Task outputs are read back from kfp.local's folders, `<root>/<pipeline>-<timestamp>/<task folder>/`:
the task folder is the component name without `comp-`; ParallelFor iterations nest under
`<loop task>-iteration-<i>/`; nested (non-loop) DAGs share their parent's folder. A task's output
parameters are `executor_output.json`'s `parameterValues`, overridden (kfp.local's precedence) by
the per-parameter files `<task folder>/<name>` of declared output parameters; where both exist and
differ, `conflicts` records the executor-output value (the cluster's precedence keeps that one).
"""
import builtins
import contextlib
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import traceback
import warnings

import yaml

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _is_pip_prelude(command):
    return (isinstance(command, list) and len(command) >= 3 and command[0] == "sh" and command[1] == "-c"
            and isinstance(command[2], str) and "pip install" in command[2] and '"$0" "$@"' in command[2])


def rewrite(source, target):
    """Copies `source` to `target` without pip preludes. Returns the pipeline spec document and
    the packages the dropped preludes installed besides kfp (for example `yapf`)."""
    with open(source) as f:
        documents = [d for d in yaml.safe_load_all(f) if d is not None]
    spec = documents[0]
    extras = set()
    for executor in ((spec.get("deploymentSpec") or {}).get("executors") or {}).values():
        container = executor.get("container") or {}
        command = container.get("command")
        if _is_pip_prelude(command):
            extras.update(_extra_packages(command[2]))
            container["command"] = command[3:]
    with open(target, "w") as f:
        yaml.safe_dump_all(documents, f, sort_keys=False)
    return spec, sorted(extras)


def _extra_packages(prelude):
    """The quoted requirements of a prelude's `pip install` commands, except kfp's own."""
    packages = []
    for requirement in re.findall(r"'([^']*)'", prelude):
        if requirement.startswith(("kfp==", "-", "typing-extensions")):
            continue
        packages.append(requirement)
    return packages


def extras_folder(packages):
    """A folder holding `packages`, installed once with `pip install --target` (never into this
    interpreter's own site-packages) under $KFP_ORACLE_CACHE, else <$XDG_CACHE_HOME or
    ~/.cache>/swift-kfp/oracle-extras (next to the runner's managed environments)."""
    cache_home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    cache = os.environ.get("KFP_ORACLE_CACHE") or os.path.join(cache_home, "swift-kfp", "oracle-extras")
    key = hashlib.sha256("\0".join(packages).encode()).hexdigest()[:24]
    folder = os.path.join(cache, key)
    if not os.path.exists(os.path.join(folder, ".ready")):
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "--target", folder] + packages, check=True, stdout=sys.stderr)
        with open(os.path.join(folder, ".ready"), "w") as f:
            f.write("\n".join(packages))
    return folder


@contextlib.contextmanager
def python_path(folder):
    """Puts `folder` on the task processes' PYTHONPATH (kfp.local passes os.environ on)."""
    saved = os.environ.get("PYTHONPATH")
    if folder:
        os.environ["PYTHONPATH"] = folder + (os.pathsep + saved if saved else "")
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = saved


def root_arguments(spec, given):
    """The given arguments, plus every other root parameter's declared default."""
    arguments = dict(given)
    definitions = ((spec.get("root") or {}).get("inputDefinitions") or {}).get("parameters") or {}
    for name, definition in definitions.items():
        if name not in arguments and "defaultValue" in definition:
            value = definition["defaultValue"]
            if definition.get("parameterType") == "NUMBER_INTEGER" and isinstance(value, float):
                value = int(value)
            arguments[name] = value
    return arguments


def _json_safe(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    return repr(value)


def _read_parameter_file(path, parameter_type):
    """A per-parameter output file as kfp.local reads it."""
    with open(path) as f:
        text = f.read()
    if parameter_type == "STRING":
        return text
    if parameter_type == "BOOLEAN":
        return json.loads(text.lower())
    return json.loads(text)


def read_tasks(spec, run_folder):
    components = spec.get("components") or {}
    tasks = {}
    for folder, _, files in os.walk(run_folder):
        relative = os.path.relpath(folder, run_folder)
        if relative == ".":
            continue
        component = "comp-" + os.path.basename(folder)
        definitions = ((components.get(component) or {}).get("outputDefinitions") or {}).get("parameters") or {}
        if "executor_output.json" not in files and not any(name in files for name in definitions):
            continue
        parameters = {}
        if "executor_output.json" in files:
            with open(os.path.join(folder, "executor_output.json")) as f:
                text = f.read()
            parameters = dict((json.loads(text) if text.strip() else {}).get("parameterValues") or {})
        conflicts = {}
        for name, definition in definitions.items():
            if name not in files:
                continue
            try:
                value = _read_parameter_file(os.path.join(folder, name), definition.get("parameterType"))
            except Exception as error:  # kfp.local would fail the task; report what happened
                value = f"<unreadable: {type(error).__name__}: {error}>"
            if name in parameters and parameters[name] != value:
                conflicts[name] = parameters[name]
            parameters[name] = value
        for name, definition in definitions.items():
            if definition.get("parameterType") == "NUMBER_INTEGER" and isinstance(parameters.get(name), float):
                parameters[name] = int(parameters[name])
        entry = {"component": component, "parameters": parameters}
        if conflicts:
            entry["conflicts"] = conflicts
        tasks[relative] = entry
    return tasks


@contextlib.contextmanager
def stdout_to(path):
    """Sends everything written to fd 1 (kfp.local's log lines, the task processes' output) to
    `path`, and undoes kfp.local's leaked `print` wrappers afterwards: its `indented_print`
    replaces `builtins.print` without locking, so concurrent ParallelFor iterations leave nested
    wrappers behind that would indent every later line further (quadratic output)."""
    original_print = builtins.print
    sys.stdout.flush()
    saved = os.dup(1)
    log = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(log, 1)
    os.close(log)
    try:
        yield
    finally:
        builtins.print = original_print
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def run(path, given, folder):
    """Runs one pipeline with kfp.local; kfp.local's log goes to FOLDER/oracle.log."""
    started = time.time()
    result = {"outputs": {"parameters": {}, "artifacts": []}, "tasks": {}}
    os.makedirs(folder, exist_ok=True)
    root = os.path.join(folder, "root")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(root)
    copy = os.path.join(folder, "pipeline.yaml")
    try:
        spec, extras = rewrite(path, copy)
        extras_path = extras_folder(extras) if extras else None
    except Exception as error:  # noqa: BLE001
        result["error"] = f"oracle setup: {type(error).__name__}: {error}"
        return result
    with stdout_to(os.path.join(folder, "oracle.log")), python_path(extras_path):
        try:
            _run_local(spec, copy, root_arguments(spec, given), root, result)
        except Exception as error:  # noqa: BLE001 - the test compares failures too
            message = _ANSI.sub("", str(error)).strip()
            result["error"] = f"{type(error).__name__}: {message}"
            if not message:
                result["error"] += " " + traceback.format_exc(limit=3)
    for run_folder in sorted(os.listdir(root)):
        if os.path.isdir(os.path.join(root, run_folder)) and not run_folder.startswith("."):
            try:
                result["tasks"].update(read_tasks(spec, os.path.join(root, run_folder)))
            except Exception as error:  # noqa: BLE001
                result.setdefault("read_errors", []).append(f"{type(error).__name__}: {error}")
    result["seconds"] = round(time.time() - started, 3)
    return result


def _run_local(spec, copy, arguments, root, result):
    from kfp import components, local

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        local.init(runner=local.SubprocessRunner(use_venv=False), pipeline_root=root)
        pipeline = components.load_component_from_file(copy)
        task = pipeline(**arguments)
    output_definitions = (spec.get("root") or {}).get("outputDefinitions") or {}
    parameter_names = set((output_definitions.get("parameters") or {}).keys())
    for name, value in dict(task.outputs).items():
        if name in parameter_names:
            result["outputs"]["parameters"][name] = _json_safe(value)
        else:
            result["outputs"]["artifacts"].append(name)
    result["outputs"]["artifacts"].sort()


def main(argv):
    if argv[1:2] == ["--batch"]:
        jobs = json.load(sys.stdin)
        results = {}
        for job in jobs:
            results[job["id"]] = run(job["file"], job.get("arguments") or {}, job["folder"])
        json.dump(results, sys.stdout, sort_keys=True)
    elif len(argv) == 4:
        json.dump(run(argv[1], json.loads(argv[2]), argv[3]), sys.stdout, sort_keys=True)
    else:
        sys.stderr.write(__doc__)
        return 2
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
