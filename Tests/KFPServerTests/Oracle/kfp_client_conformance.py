"""Drives the official kfp.Client (kfp 2.17.3) against a `kfp server` and checks every answer.

Usage: python kfp_client_conformance.py HOST WORKDIR
Prints one JSON object: {"passed": n, "total": m, "failures": ["<check>: <why>", ...], "counts": {...}}.
Exit status 0 even when checks fail (the Swift test reads the JSON); 2 when the script itself breaks.
"""
import base64
import contextlib
import io
import json
import os
import tarfile
import urllib.request
import sys
import time
import traceback
import warnings

warnings.simplefilter('ignore')

import kfp  # noqa: E402
from kfp import compiler, dsl  # noqa: E402
from kfp_server_api.exceptions import ApiException  # noqa: E402

HOST, WORKDIR = sys.argv[1], sys.argv[2]
results = {'passed': 0, 'total': 0, 'failures': [], 'counts': {}}


def check(name, condition, detail=''):
    results['total'] += 1
    if condition:
        results['passed'] += 1
    else:
        results['failures'].append(f'{name}: {detail}')


def expect_api_error(name, status, call):
    try:
        call()
    except ApiException as error:
        check(name, error.status == status, f'expected HTTP {status}, got {error.status}: {error.body}')
        return
    check(name, False, f'expected HTTP {status}, the call succeeded')


def by_name(name):
    return json.dumps({'predicates': [{'operation': 1, 'key': 'display_name', 'stringValue': name}]})


@dsl.container_component
def produce(text: str, length: dsl.OutputPath(str), data: dsl.Output[dsl.Dataset]):
    return dsl.ContainerSpec(
        image='alpine:3.19', command=['sh', '-c'],
        args=['mkdir -p "$(dirname "$1")" "$(dirname "$2")" && printf "%s" "$0" | wc -c | tr -d " \\n" > "$1" '
              '&& printf "%s-data" "$0" > "$2"', text, length, data.path])


@dsl.container_component
def consume(length: str, data: dsl.Input[dsl.Dataset], summary: dsl.OutputPath(str)):
    return dsl.ContainerSpec(
        image='alpine:3.19', command=['sh', '-c'],
        args=['mkdir -p "$(dirname "$2")" && printf "%s:%s" "$0" "$(cat "$1")" > "$2"', length, data.path, summary])


@dsl.pipeline(name='two-step', description='passes a parameter and a Dataset')
def two_step(text: str = 'hello'):
    first = produce(text=text)
    consume(length=first.outputs['length'], data=first.outputs['data'])


@dsl.container_component
def nap(seconds: int):
    return dsl.ContainerSpec(image='alpine:3.19', command=['sleep'], args=[seconds])


@dsl.pipeline(name='long-nap')
def long_nap(seconds: int = 300):
    nap(seconds=seconds)


@dsl.container_component
def echo_values(flag: bool, count: int, text: str):
    return dsl.ContainerSpec(image='alpine:3.19', command=['echo'], args=[flag, count, text])


@dsl.pipeline(name='falsy-defaults')
def falsy_defaults(flag: bool = False, count: int = 0, text: str = ''):
    echo_values(flag=flag, count=count, text=text)


def compile_to(func, name):
    path = os.path.join(WORKDIR, name)
    compiler.Compiler().compile(func, path)
    return path


def wait_for_state(client, run_id, states, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        run = client.get_run(run_id)
        if run.state in states:
            return run
        time.sleep(0.2)
    return client.get_run(run_id)


def main():
    two_step_path = compile_to(two_step, 'two_step.yaml')
    nap_path = compile_to(long_nap, 'long_nap.yaml')
    falsy_path = compile_to(falsy_defaults, 'falsy_defaults.yaml')

    client = kfp.Client(host=HOST)
    check('healthz', client.get_kfp_healthz().multi_user in (False, None))

    # Experiments
    experiments = client.list_experiments()
    names = [e.display_name for e in experiments.experiments or []]
    check('list_experiments has Default', 'Default' in names, names)
    exp_name = 'exp ünïcødé 🚀'
    exp_description = 'déscription with emoji 💡 and "quotes"'
    experiment = client.create_experiment(exp_name, description=exp_description)
    check('create_experiment id', bool(experiment.experiment_id))
    again = client.create_experiment(exp_name)
    check('create_experiment is get-or-create', again.experiment_id == experiment.experiment_id)
    got = client.get_experiment(experiment_name=exp_name)
    check('unicode experiment name round trip', got.display_name == exp_name, repr(got.display_name))
    check('unicode experiment description round trip', got.description == exp_description, repr(got.description))
    check('experiment storage state', got.storage_state == 'AVAILABLE', got.storage_state)
    by_id = client.get_experiment(experiment_id=experiment.experiment_id)
    check('get_experiment by id', by_id.display_name == exp_name)
    expect_api_error('get unknown experiment is 404', 404, lambda: client.get_experiment(experiment_id='no-such-id'))

    # Pipelines and versions
    pipeline_name = 'two-step ✨'
    pipeline = client.upload_pipeline(two_step_path, pipeline_name=pipeline_name, description='uploaded ✓')
    check('upload_pipeline', bool(pipeline.pipeline_id) and pipeline.display_name == pipeline_name, repr(pipeline.display_name))
    expect_api_error('duplicate pipeline name is 409', 409, lambda: client.upload_pipeline(two_step_path, pipeline_name=pipeline_name))
    version = client.upload_pipeline_version(two_step_path, 'v2', pipeline_name=pipeline_name, description='second')
    check('upload_pipeline_version', version.pipeline_id == pipeline.pipeline_id and version.display_name == 'v2')
    listed = client.list_pipelines(filter=by_name(pipeline_name))
    check('list_pipelines by name filter', [p.pipeline_id for p in listed.pipelines or []] == [pipeline.pipeline_id])
    check('get_pipeline_id', client.get_pipeline_id(pipeline_name) == pipeline.pipeline_id)
    check('get_pipeline', client.get_pipeline(pipeline.pipeline_id).description == 'uploaded ✓')
    versions = client.list_pipeline_versions(pipeline.pipeline_id)
    check('list_pipeline_versions', versions.total_size == 2 and len(versions.pipeline_versions) == 2, versions.total_size)
    fetched = client.get_pipeline_version(pipeline.pipeline_id, version.pipeline_version_id)
    check('pipeline version spec', (fetched.pipeline_spec or {}).get('pipelineInfo', {}).get('name') == 'two-step')
    bad = os.path.join(WORKDIR, 'bad.yaml')
    with open(bad, 'w') as f:
        f.write('pipelineInfo: {name: bad}\nroot: {dag: {tasks: {a: {componentRef: {name: comp-missing}, taskInfo: {name: a}}}}}\n')
    expect_api_error('invalid pipeline YAML is 400', 400, lambda: client.upload_pipeline(bad, pipeline_name='bad'))

    # Runs from a package and from a version
    text = 'héllo 👋'
    result = client.create_run_from_pipeline_package(
        two_step_path, arguments={'text': text}, run_name='run ✓ 1', experiment_name=exp_name)
    run = client.wait_for_run_completion(result.run_id, timeout=180, sleep_duration=1)
    check('run SUCCEEDED', run.state == 'SUCCEEDED', f'{run.state} {run.error}')
    run = client.get_run(result.run_id)
    tasks = (run.run_details.task_details if run.run_details else None) or []
    states = {t.display_name: t.state for t in tasks}
    check('every task SUCCEEDED', set(states) == {'produce', 'consume'} and set(states.values()) == {'SUCCEEDED'}, states)
    produce_task = next((t for t in tasks if t.display_name == 'produce'), None)
    outputs = (produce_task.outputs or {}) if produce_task else {}
    check('task outputs carry artifact ids', 'data' in outputs and len(outputs['data'].artifact_ids or []) == 1, outputs)
    check('run parameters round trip', run.runtime_config.parameters == {'text': text}, run.runtime_config.parameters)
    check('run name round trip', run.display_name == 'run ✓ 1', repr(run.display_name))
    check('run experiment', run.experiment_id == experiment.experiment_id)
    check('finished_at set', run.finished_at is not None and run.finished_at.year >= 2024, run.finished_at)
    if produce_task is not None:
        url = f'{HOST}/apis/v2beta1/runs/{run.run_id}/nodes/{produce_task.task_id}/artifacts/data:read'
        body = json.loads(urllib.request.urlopen(url).read())
        with tarfile.open(fileobj=io.BytesIO(base64.b64decode(body['data'])), mode='r:gz') as archive:
            member = archive.getmembers()[0]
            content = archive.extractfile(member).read().decode()
        check('artifact download', content == text + '-data', repr(content))
        log = urllib.request.urlopen(f'{HOST}/apis/v1alpha1/runs/{run.run_id}/nodes/{produce_task.task_id}/log').read()
        check('task log readable', isinstance(log, bytes), type(log))

    by_version = client.run_pipeline(
        experiment.experiment_id, 'run ✓ 2', pipeline_id=pipeline.pipeline_id, version_id=version.pipeline_version_id,
        params={'text': 'second'})
    done = client.wait_for_run_completion(by_version.run_id, timeout=180, sleep_duration=1)
    check('run from a pipeline version SUCCEEDED', done.state == 'SUCCEEDED', f'{done.state} {done.error}')
    check('version reference kept', done.pipeline_version_reference is not None
          and done.pipeline_version_reference.pipeline_version_id == version.pipeline_version_id)

    # Listing runs: filter, sort, two pages
    first_page = client.list_runs(experiment_id=experiment.experiment_id, page_size=1, sort_by='created_at desc')
    check('list_runs page 1', len(first_page.runs or []) == 1 and first_page.runs[0].run_id == by_version.run_id
          and first_page.total_size == 2 and bool(first_page.next_page_token), first_page.total_size)
    second_page = client.list_runs(experiment_id=experiment.experiment_id, page_size=1, sort_by='created_at desc',
                                   page_token=first_page.next_page_token)
    check('list_runs page 2', len(second_page.runs or []) == 1 and second_page.runs[0].run_id == result.run_id
          and not second_page.next_page_token)
    filtered = client.list_runs(filter=by_name('run ✓ 1'))
    check('list_runs with a filter', [r.run_id for r in filtered.runs or []] == [result.run_id])
    by_state = client.list_runs(experiment_id=experiment.experiment_id, filter=json.dumps(
        {'predicates': [{'operation': 'EQUALS', 'key': 'state', 'string_value': 'SUCCEEDED'}]}))
    check('list_runs by state', by_state.total_size == 2, by_state.total_size)
    expect_api_error('bad sort_by is 400', 400, lambda: client.list_runs(sort_by='nonsense desc'))

    # Terminate a long run
    long_run = client.create_run_from_pipeline_package(nap_path, arguments={'seconds': 300}, run_name='long nap')
    running = wait_for_state(client, long_run.run_id, {'RUNNING'}, timeout=60)
    check('long run RUNNING', running.state == 'RUNNING', running.state)
    started = time.time()
    client.terminate_run(long_run.run_id)
    stopped = wait_for_state(client, long_run.run_id, {'CANCELED'}, timeout=60)
    check('terminated run CANCELED', stopped.state == 'CANCELED', stopped.state)
    check('terminate stops it quickly', time.time() - started < 30, time.time() - started)
    expect_api_error('terminating a finished run is 400', 400, lambda: client.terminate_run(result.run_id))

    # Archive, unarchive, delete
    client.archive_run(result.run_id)
    check('archive_run', client.get_run(result.run_id).storage_state == 'ARCHIVED')
    client.unarchive_run(result.run_id)
    check('unarchive_run', client.get_run(result.run_id).storage_state == 'AVAILABLE')
    client.delete_run(long_run.run_id)
    expect_api_error('deleted run is 404', 404, lambda: client.get_run(long_run.run_id))

    # Falsy defaults are kept
    falsy = client.create_run_from_pipeline_package(falsy_path, arguments={}, run_name='falsy')
    falsy_done = client.wait_for_run_completion(falsy.run_id, timeout=120, sleep_duration=1)
    check('falsy defaults run SUCCEEDED', falsy_done.state == 'SUCCEEDED', f'{falsy_done.state} {falsy_done.error}')
    inputs = falsy_done.pipeline_spec['root']['inputDefinitions']['parameters']
    check('false, 0 and "" defaults kept', [inputs[k].get('defaultValue') for k in ('flag', 'count', 'text')] == [False, 0, ''],
          inputs)
    explicit = client.create_run_from_pipeline_package(
        falsy_path, arguments={'flag': False, 'count': 0, 'text': ''}, run_name='falsy explicit')
    explicit_done = client.wait_for_run_completion(explicit.run_id, timeout=120, sleep_duration=1)
    check('false, 0 and "" arguments kept', explicit_done.runtime_config.parameters == {'flag': False, 'count': 0, 'text': ''},
          explicit_done.runtime_config.parameters)

    # Recurring run every second
    recurring = client.create_recurring_run(
        experiment.experiment_id, 'every second ⏱', interval_second=1, pipeline_package_path=two_step_path,
        params={'text': 'tick'}, max_concurrency=2)
    check('recurring run ENABLED', recurring.status == 'ENABLED', recurring.status)
    deadline = time.time() + 60
    fired = []
    while time.time() < deadline:
        fired = [r for r in client.list_runs(experiment_id=experiment.experiment_id, page_size=100).runs or []
                 if r.recurring_run_id == recurring.recurring_run_id]
        if len(fired) >= 2:
            break
        time.sleep(0.5)
    check('recurring run fired at least twice', len(fired) >= 2, len(fired))
    results['counts']['recurring_fired'] = len(fired)
    client.disable_recurring_run(recurring.recurring_run_id)
    check('recurring run DISABLED', client.get_recurring_run(recurring.recurring_run_id).status == 'DISABLED')
    listed_recurring = client.list_recurring_runs(experiment_id=experiment.experiment_id)
    check('list_recurring_runs', [r.recurring_run_id for r in listed_recurring.recurring_runs or []] == [recurring.recurring_run_id])
    client.delete_recurring_run(recurring.recurring_run_id)
    expect_api_error('deleted recurring run is 404', 404, lambda: client.get_recurring_run(recurring.recurring_run_id))

    # Experiments: archive, unarchive, delete; pipeline delete needs cascade
    client.archive_experiment(experiment.experiment_id)
    check('archive_experiment', client.get_experiment(experiment_id=experiment.experiment_id).storage_state == 'ARCHIVED')
    check('archiving an experiment archives its runs', client.get_run(by_version.run_id).storage_state == 'ARCHIVED')
    client.unarchive_experiment(experiment.experiment_id)
    check('unarchive_experiment', client.get_experiment(experiment_id=experiment.experiment_id).storage_state == 'AVAILABLE')
    default_id = client.get_experiment(experiment_name='Default').experiment_id
    expect_api_error('the Default experiment cannot be deleted', 409, lambda: client.delete_experiment(default_id))
    client.delete_experiment(experiment.experiment_id)
    expect_api_error('deleted experiment is 404', 404, lambda: client.get_experiment(experiment_id=experiment.experiment_id))
    expect_api_error('delete_pipeline with versions is 400', 400, lambda: client.delete_pipeline(pipeline.pipeline_id))
    client.delete_pipeline_version(pipeline.pipeline_id, version.pipeline_version_id)
    check('delete_pipeline_version', client.list_pipeline_versions(pipeline.pipeline_id).total_size == 1)
    client.pipelines.pipeline_service_delete_pipeline(pipeline.pipeline_id, cascade=True)
    expect_api_error('deleted pipeline is 404', 404, lambda: client.get_pipeline(pipeline.pipeline_id))


try:
    with contextlib.redirect_stdout(sys.stderr):
        main()
except Exception:  # noqa: BLE001 - report any breakage as a failure with its traceback
    results['failures'].append('script stopped: ' + traceback.format_exc())
print(json.dumps(results))
