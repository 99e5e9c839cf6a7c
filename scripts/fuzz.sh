#!/usr/bin/env bash
# Coverage-guided fuzzing of swift-kfp's parsers with libFuzzer (see Fuzz/).
#
#   scripts/fuzz.sh [--minutes N | --seconds N] [--build-only] [TARGET...]
#
# Builds the KFPFuzz binary (-sanitize=fuzzer,address, release) and runs each
# TARGET (default: all) one after another for the budget (default 1 minute each), on one core.
# Seeds are written at fuzz time from the tests and ../shared/kfp-corpus into the cache folder
# ($KFP_FUZZ_CACHE, default ~/.cache/swift-kfp-fuzz), which also keeps the corpus libFuzzer grows
# and the crashing inputs (crashes/TARGET/). Prints executions per target and in total, and the
# crashes found; exits 1 when a target crashed, hung or a sanitizer reported, 2 when the build failed.
set -euo pipefail
cd "$(dirname "$0")/.."

targets_all=(spec v1 package cel api query cron multipart placeholder)
seconds=60
build_only=0
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
    --minutes) seconds=$(( $2 * 60 )); shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --build-only) build_only=1; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${targets_all[@]}")
for target in "${targets[@]}"; do
    [[ " ${targets_all[*]} " == *" $target "* ]] || { echo "fuzz.sh: unknown target '$target' (targets: ${targets_all[*]})" >&2; exit 2; }
done

# The sanitizer build of everything takes long (20-40 min on 2 cores), so it is kept under the cache
# folder and made from a copy of the sources at a fixed path there: only files whose content
# changed are rewritten (and their times), so a fresh clone rebuilds only what changed.
build_cache="${XDG_CACHE_HOME:-$HOME/.cache}/swift-kfp-tests/fuzz-build"
source_copy="$build_cache/source"
scratch="$build_cache/scratch"
mkdir -p "$source_copy"
python3 - "$source_copy" <<'PY'
import filecmp, os, shutil, sys
target = sys.argv[1]
skip = lambda name: name.startswith(('.build', '.git', '.venv')) or name in ('test-artifacts', 'Package.resolved')
wanted = set()
for folder, folders, files in os.walk('.'):
    folders[:] = [f for f in folders if not skip(f)]
    for name in files:
        if skip(name):
            continue
        source = os.path.join(folder, name)
        copy = os.path.normpath(os.path.join(target, source))
        wanted.add(copy)
        if not (os.path.exists(copy) and filecmp.cmp(source, copy, shallow=False)):
            os.makedirs(os.path.dirname(copy), exist_ok=True)
            shutil.copyfile(source, copy)
            shutil.copymode(source, copy)
for folder, folders, files in os.walk(target):
    for name in files:
        path = os.path.join(folder, name)
        if path not in wanted:
            os.remove(path)
PY
# The flags stay in this order: another order is another build configuration, rebuilt from scratch.
build() {
    KFP_FUZZ=1 swift build -c release --package-path "$source_copy" --scratch-path "$scratch" --product KFPFuzz \
        -Xswiftc -sanitize="$1" -Xswiftc -enable-testing 2>&1 | grep -vE "ld.gold: warning: Cannot export local symbol"
    # The build's own status: a binary left by an earlier build must not pass for this one.
    return "${PIPESTATUS[0]}"
}
sanitizers="fuzzer,address"
binary="$scratch/release/KFPFuzz"
if ! build $sanitizers; then
    echo "notice: the address-sanitized build failed; fuzzing without the address sanitizer"
    sanitizers="fuzzer"
    build $sanitizers || { echo "fuzz.sh: the fuzzing build failed (errors above)" >&2; exit 2; }
fi
[ "$build_only" = 1 ] && exit 0

cache="${KFP_FUZZ_CACHE:-$HOME/.cache/swift-kfp-fuzz}"
total=0
failed=0
summary=()
for target in "${targets[@]}"; do
    corpus="$cache/corpus/$target"
    seeds="$cache/seeds/$target"
    crashes="$cache/crashes/$target"
    mkdir -p "$corpus" "$crashes"
    rm -rf "$seeds"
    python3 Fuzz/seeds.py "$target" "$seeds"
    log="$cache/$target.log"
    status=0
    # One process, one core: -jobs/-workers stay at 1. -timeout finds hangs (an input taking over 10 s),
    # -rss_limit_mb runaway memory; crashing inputs go to $crashes.
    KFP_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 "$binary" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        -dict="Fuzz/Dictionaries/$target.dict" -artifact_prefix="$crashes/" "$corpus" "$seeds" >"$log" 2>&1 || status=$?
    runs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1 || true)
    [ -n "$runs" ] || runs=$(grep -oE '^#[0-9]+' "$log" | tr -d '#' | tail -1 || true)
    runs=${runs:-0}
    total=$((total + runs))
    result="ok"
    if [ "$status" != 0 ]; then
        failed=1
        found=$(grep -oE "(crash|timeout|oom|leak|slow-unit)-[0-9a-f]+" "$log" | tail -1 || true)
        reason=$(grep -m1 -E "Swift runtime failure[^*]*|^==[0-9]+==ERROR|deadly signal|Fatal error|ALARM: working on the last Unit|out-of-memory" "$log" || echo "exit $status")
        result="FOUND ${found:-?}: $reason (input in $crashes/${found:-}; log $log)"
    fi
    summary+=("$(printf '%-12s %12d executions  %s' "$target" "$runs" "$result")")
done
echo "fuzzing ($sanitizers, ${seconds}s per target):"
printf '%s\n' "${summary[@]}"
printf '%-12s %12d executions\n' "total" "$total"
exit $failed
