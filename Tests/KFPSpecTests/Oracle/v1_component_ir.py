"""Oracle for V1ConversionOracleTests: loads each v1 component file with the KFP SDK and prints
its single-component IR (`load_component_from_file(f).pipeline_spec`, rendered with
`json_format.MessageToDict`) as one JSON object keyed by file path:

    {"<path>": {"spec": {...}}, "<path>": {"error": "<exception type>: <message>"}, ...}

All files are handled in one Python process; starting Python per file is too slow.
Usage: python v1_component_ir.py FILE...
"""
import json
import sys
import warnings

from google.protobuf import json_format
from kfp import components


def convert(path):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            component = components.load_component_from_file(path)
            spec = component.pipeline_spec
        return {"spec": json_format.MessageToDict(spec)}
    except Exception as error:  # the test reports these files as not loadable
        message = str(error).splitlines()[0] if str(error) else ""
        return {"error": f"{type(error).__name__}: {message}"}


def main(paths):
    results = {path: convert(path) for path in paths}
    json.dump(results, sys.stdout, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
