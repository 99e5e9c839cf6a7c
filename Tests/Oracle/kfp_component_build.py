"""Runs KFP 2.17.3's `kfp component build DIR --no-build-image` on a folder of Python components:
the oracle for the files `kfp component build --python` generates (Dockerfile,
runtime-requirements.txt, .dockerignore, kfp_config.ini) and the component specs it writes to
component_metadata/. Usage: python kfp_component_build.py DIR [DIR...]; the files are written into
each DIR. Imports each module of DIR, as KFP does (decorators with `output_component_file` write
that file into the current folder, so it runs in a scratch one)."""
import os
import sys
import tempfile

from kfp.cli import component

os.chdir(tempfile.mkdtemp())
for folder in sys.argv[1:]:
    component.build.main([folder, '--no-build-image'], standalone_mode=False)
