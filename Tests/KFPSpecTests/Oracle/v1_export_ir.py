"""Oracle for the v1 export tests: loads each exported v1 component.yaml text with the KFP SDK
(`kfp.components.load_component_from_text`), compiles it (`kfp.compiler.Compiler().compile`),
and prints the compiled IR, parsed from the written YAML, as one JSON object keyed by case name:

    {"<name>": {"spec": {...}}, "<name>": {"error": "<exception type>: <message>"}, ...}

stdin is a JSON object {"<name>": "<v1 component.yaml text>", ...}; all cases run in one Python
process, as starting Python per case is too slow.
Usage: python v1_export_ir.py < cases.json
"""
import json
import os
import sys
import tempfile
import warnings

import yaml
from kfp import compiler, components


def compile_text(text, folder, index):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            component = components.load_component_from_text(text)
            path = os.path.join(folder, f"case-{index}.yaml")
            compiler.Compiler().compile(component, path)
        with open(path) as handle:
            return {"spec": yaml.safe_load(handle)}
    except Exception as error:  # the test reports the case as refused by KFP
        message = str(error).splitlines()[0] if str(error) else ""
        return {"error": f"{type(error).__name__}: {message}"}


def main():
    cases = json.load(sys.stdin)
    with tempfile.TemporaryDirectory() as folder:
        results = {name: compile_text(text, folder, index) for index, (name, text) in enumerate(sorted(cases.items()))}
    json.dump(results, sys.stdout, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
