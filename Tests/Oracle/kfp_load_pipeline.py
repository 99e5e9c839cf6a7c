"""Oracle: do pipelines load in kfp 2.17.3 and work as components of a Python-compiled pipeline?

Reads a JSON list of IR file paths on stdin. For each file it runs
`kfp.components.load_component_from_file`, then compiles, with `kfp.compiler.Compiler`, an outer
pipeline that runs the loaded component as one task (required parameter inputs get a constant of
their type, required artifact inputs come from a `dsl.importer`), and loads the compiled outer
pipeline back. Prints a JSON object {path: "ok" | "<error>"}.
"""
import json
import os
import sys
import tempfile
import warnings

warnings.simplefilter('ignore')

from kfp import compiler, components, dsl  # noqa: E402
from kfp.dsl import Artifact  # noqa: E402
from kfp.pipeline_spec import pipeline_spec_pb2  # noqa: E402

CONSTANTS = {
    'STRING': 'x', 'NUMBER_INTEGER': 1, 'NUMBER_DOUBLE': 1.5, 'BOOLEAN': True, 'LIST': [], 'STRUCT': {},
}


def check(path, folder):
    component = components.load_component_from_file(path)
    spec = component.pipeline_spec

    @dsl.pipeline(name='outer-pipeline')
    def outer():
        arguments = {}
        root_inputs = spec.root.input_definitions
        for name, definition in root_inputs.parameters.items():
            if definition.is_optional:
                continue
            type_name = pipeline_spec_pb2.ParameterType.ParameterTypeEnum.Name(definition.parameter_type)
            arguments[name] = CONSTANTS.get(type_name, 'x')
        for name, definition in root_inputs.artifacts.items():
            if definition.is_optional:
                continue
            arguments[name] = dsl.importer(artifact_uri='gs://bucket/artifact', artifact_class=Artifact).output
        component(**arguments)

    target = os.path.join(folder, 'outer.yaml')
    compiler.Compiler().compile(outer, target)
    components.load_component_from_file(target)


def main():
    paths = json.load(sys.stdin)
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for path in paths:
            try:
                check(path, folder)
                results[path] = 'ok'
            except Exception as error:  # noqa: BLE001 - every failure is reported by file
                results[path] = f'{type(error).__name__}: {error}'
    print(json.dumps(results))


if __name__ == '__main__':
    main()
