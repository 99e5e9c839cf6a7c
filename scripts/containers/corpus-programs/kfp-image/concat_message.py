# The module of the corpus's containerized_python_component (KFP's test data): a Python component
# built into `kfp-image` as `kfp component build` lays it out (kfp_config.ini in the WORKDIR).
from kfp import dsl


@dsl.component(base_image='python:3.11', target_image='kfp-image')
def concat_message(message1: str, message2: str) -> str:
    return message1 + message2
