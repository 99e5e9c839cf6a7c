"""The 20-task container pipeline of the container benchmark, compiled and run by kfp.local.

python kfp_local_docker.py OUT.yaml TASKS [--compile-only]

Compiles TASKS independent container components (each makes its output folder and writes its input to an output parameter
in python:3.11) to OUT.yaml with kfp 2.17.3, then, unless --compile-only, runs the pipeline with
kfp.local's DockerRunner (docker-py against $DOCKER_HOST, containers on the host's network as ours
are) and prints {"seconds": S, "succeeded": N} on the last line, N counting the tasks whose
output file holds their input.
"""
import json
import os
import sys
import tempfile
import time

from kfp import compiler, dsl, local

out, count = sys.argv[1], int(sys.argv[2])


@dsl.container_component
def step(x: str, out: dsl.OutputPath(str)):
    return dsl.ContainerSpec(image='python:3.11', command=['sh', '-c', 'mkdir -p "$(dirname "$1")" && printf %s "$0" > "$1"'], args=[x, out])


@dsl.pipeline(name=f'containers-{count}')
def fan_out():
    for index in range(count):
        step(x=str(index)).set_caching_options(False)


compiler.Compiler().compile(fan_out, out)
if '--compile-only' in sys.argv:
    sys.exit(0)
root = tempfile.mkdtemp(prefix='kfp-local-docker-')
local.init(runner=local.DockerRunner(network_mode='host'), pipeline_root=root, raise_on_error=False)
started = time.monotonic()
fan_out()
elapsed = time.monotonic() - started
succeeded = 0
for folder, _, files in os.walk(root):
    if 'out' in files:
        with open(os.path.join(folder, 'out')) as handle:
            text = handle.read()
        task = os.path.basename(folder)
        index = int(task.rsplit('-', 1)[1]) - 1 if task != 'step' else 0
        succeeded += text == str(index)
print(json.dumps({'seconds': elapsed, 'succeeded': succeeded}))
