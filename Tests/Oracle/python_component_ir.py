"""Oracle for PythonComponent: compiles Python function components with kfp 2.17.3.

Reads a JSON list of cases from stdin, each
  {"id": str, "source": str, "function": str, "options": {dsl.component keyword arguments}}
and an output folder as the only argument. For every case it writes the source to
<folder>/<id>.py, executes it in a namespace that already holds KFP's own program header names
(`import kfp`, `from kfp import dsl`, `from kfp.dsl import *`, `from typing import *`, plus
`import typing`), applies `kfp.dsl.component(func, **options)` (unless the source already decorated
it) and compiles it with `kfp.compiler.Compiler().compile(component, <folder>/<id>.yaml)`.
Prints (what the sources print goes to stderr) a JSON object {id: {"path": yaml path} | {"error": message}}.
"""
import contextlib
import json
import sys
import warnings

warnings.simplefilter('ignore')

import kfp  # noqa: E402
from kfp import compiler  # noqa: E402
from kfp import dsl  # noqa: E402
from kfp.dsl import base_component  # noqa: E402


def compile_case(case, folder):
    path = f"{folder}/{case['id']}.py"
    with open(path, 'w') as f:
        f.write(case['source'])
    namespace = {'__name__': f"oracle_{case['id']}", '__file__': path}
    exec('import kfp\nfrom kfp import dsl\nfrom kfp.dsl import *\nfrom typing import *\nimport typing\n',
         namespace)
    exec(compile(case['source'], path, 'exec'), namespace)
    target = namespace[case['function']]
    if not isinstance(target, base_component.BaseComponent):
        target = dsl.component(target, **case.get('options', {}))
    out = f"{folder}/{case['id']}.yaml"
    compiler.Compiler().compile(target, out)
    return {'path': out}


def main():
    folder = sys.argv[1]
    cases = json.load(sys.stdin)
    answers = {}
    for case in cases:
        try:
            with contextlib.redirect_stdout(sys.stderr):
                answers[case['id']] = compile_case(case, folder)
        except Exception as error:  # the error is the answer
            answers[case['id']] = {'error': f'{type(error).__name__}: {error}'}
    json.dump(answers, sys.stdout)


if __name__ == '__main__':
    main()
