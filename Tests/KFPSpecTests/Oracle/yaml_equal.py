"""Compares YAML texts the way PyYAML reads them.

Reads a JSON list of {"original": PATH, "printed": TEXT} on stdin. For each pair, parses the
original file (the single member of a .zip) and the printed text with yaml.safe_load_all and
compares the documents: numbers by value, booleans only with booleans, everything else equal.
Prints a JSON list of {"original": PATH, "equal": bool, "difference": str}.
"""
import json
import sys
import zipfile

import yaml


def read_original(path):
    if path.endswith('.zip'):
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if not n.endswith('/')]
            return archive.read(names[0]).decode('utf-8')
    with open(path, encoding='utf-8') as handle:
        return handle.read()


def difference(a, b, path='(document)'):
    if isinstance(a, bool) or isinstance(b, bool):
        return None if (type(a) is type(b) and a == b) else f'{path}: {a!r} != {b!r}'
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return None if a == b else f'{path}: {a!r} != {b!r}'
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b), key=str):
            if key not in a or key not in b:
                return f'{path}.{key}: present in only one ({key in a}, {key in b})'
            found = difference(a[key], b[key], f'{path}.{key}')
            if found:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f'{path}: list lengths {len(a)} != {len(b)}'
        for index, (x, y) in enumerate(zip(a, b)):
            found = difference(x, y, f'{path}[{index}]')
            if found:
                return found
        return None
    return None if (type(a) is type(b) and a == b) else f'{path}: {a!r} != {b!r}'


def main():
    pairs = json.load(sys.stdin)
    results = []
    for pair in pairs:
        try:
            original = [d for d in yaml.safe_load_all(read_original(pair['original'])) if d is not None]
            printed = [d for d in yaml.safe_load_all(pair['printed']) if d is not None]
            found = difference(original, printed)
        except Exception as error:  # reported, not raised: the test names the file
            found = f'{type(error).__name__}: {error}'
        results.append({'original': pair['original'], 'equal': found is None, 'difference': found or ''})
    json.dump(results, sys.stdout)


if __name__ == '__main__':
    main()
