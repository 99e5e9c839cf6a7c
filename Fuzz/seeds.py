"""Writes the seed inputs of one fuzz target into a folder (scripts/fuzz.sh calls it at fuzz time).

Seeds come from the repository's tests (string literals of the tests of that parser) and from
../shared/kfp-corpus when it is present; nothing here is committed as a corpus.
Usage: python3 Fuzz/seeds.py TARGET FOLDER
"""
import glob
import hashlib
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "kfp-corpus")
API_MESSAGES = 17  # the number of message types of APIHarness


def files(*patterns):
    found = []
    for pattern in patterns:
        found += glob.glob(os.path.join(ROOT, pattern), recursive=True)
        found += glob.glob(os.path.join(CORPUS, pattern), recursive=True)
    return sorted(set(f for f in found if os.path.isfile(f)))


def swift_strings(*patterns):
    """Single-line and multi-line string literals of Swift test files."""
    texts = []
    for path in files(*patterns):
        source = open(path, encoding="utf-8").read()
        for block in re.findall(r'"""\n(.*?)\n\s*"""', source, re.S):
            lines = block.split("\n")
            indent = min((len(l) - len(l.lstrip()) for l in lines if l.strip()), default=0)
            texts.append("\n".join(l[indent:] for l in lines))
        for literal in re.findall(r'(?<!")"((?:[^"\\\n]|\\.)+)"(?!")', source):
            try:
                texts.append(json.loads('"' + literal.replace("\\(", "(") + '"'))
            except ValueError:
                texts.append(literal)
    return texts


def seeds(target):
    if target in ("spec", "v1", "package"):
        folder = "components-v1/**/*.yaml" if target == "v1" else "**/*.*"
        paths = files(folder) if target == "v1" else files("pipelines/**/*.yaml", "pipelines/**/*.json", "pipelines/**/*.zip", "components-v1/**/*.yaml", "Examples/**/*.yaml")
        out = [open(p, "rb").read() for p in paths if os.path.getsize(p) <= 200_000]
        blocks = swift_strings("Tests/KFPSpecTests/*.swift", "Tests/KFPLocalTests/Runner*.swift")
        out += [b.encode() for b in blocks if "\n" in b and ":" in b]
        return out
    if target == "cel":
        return [s.encode() for s in swift_strings("Tests/KFPCELTests/CEL*.swift") if s.strip()]
    if target == "cron":
        return [s.encode() for s in swift_strings("Tests/KFPServerTests/CronExpressionTests.swift", "Tests/KFPServerTests/Recurring*.swift") if len(s) < 80]
    if target == "query":
        texts = swift_strings("Tests/KFPAPITests/FilterParsingTests.swift", "Tests/KFPAPITests/ListQueryTests.swift", "Tests/KFPAPITests/QueryParametersTests.swift")
        out = [t.encode() for t in texts if "=" in t or "{" in t]
        from urllib.parse import quote
        out += [("filter=" + quote(t) + "&sort_by=name%20desc&page_size=5").encode() for t in texts if t.lstrip().startswith("{")]
        return out
    if target == "api":
        out = []
        for text in swift_strings("Tests/KFPAPITests/*.swift", "Tests/KFPServerTests/ServerInputErrorTests.swift"):
            try:
                json.loads(text)
            except ValueError:
                continue
            for index in range(API_MESSAGES):
                out.append(bytes([index]) + text.encode())
        return out
    if target == "multipart":
        body = (b"--XyZ\r\nContent-Disposition: form-data; name=\"uploadfile\"; filename=\"p.yaml\"\r\n"
                b"Content-Type: application/octet-stream\r\n\r\npipelineInfo: {name: p}\r\n--XyZ--\r\n")
        return [b"multipart/form-data; boundary=XyZ\n" + body, b"multipart/form-data; boundary=\"XyZ\"\n" + body]
    if target == "placeholder":
        out = []
        for text in swift_strings("Tests/KFPLocalTests/RunnerPlaceholderTests.swift", "Tests/KFPLocalTests/Runner*.swift"):
            found = re.findall(r"\{\{\$[^}]*\}\}", text)
            if found:
                out.append("\n".join(found).encode())
        out.append(b"{\"Concat\": [\"a\", \"{{$.inputs.parameters['text']}}\"]}\n{\"IfPresent\": {\"InputName\": \"count\", \"Then\": [\"--n\", \"{{$.inputs.parameters['count']}}\"]}}")
        return out
    raise SystemExit(f"unknown target {target}")


def main(target, folder):
    os.makedirs(folder, exist_ok=True)
    written = 0
    for data in seeds(target):
        name = hashlib.sha1(data).hexdigest()
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(data)
        written += 1
    print(f"{target}: {written} seeds", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
