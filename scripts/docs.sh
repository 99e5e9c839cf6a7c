#!/usr/bin/env bash
# Builds the DocC documentation of the public libraries (swift-docc-plugin) into
# .build/plugins/Swift-DocC/outputs/*.doccarchive, and fails when a documentation link does not
# resolve (a symbol or article that does not exist, or an ambiguous one), so the docs cannot drift.
# The code blocks of the articles are type-checked by the tests (DocumentationSnippetTests).
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(KFP KFPLocal KFPServer KFPClient)
args=()
for target in "${targets[@]}"; do args+=(--target "$target"); done
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! swift package --disable-sandbox generate-documentation "${args[@]}" >"$log" 2>&1; then
    cat "$log"
    echo "error: generating the documentation failed" >&2
    exit 1
fi
if grep -E "^warning: .*(doesn't exist|is ambiguous)" -A2 "$log"; then
    echo "error: the documentation has links that do not resolve (above)" >&2
    exit 1
fi
echo "documentation built for ${targets[*]}: $(ls -d .build/plugins/Swift-DocC/outputs/*.doccarchive | wc -l) archives"
