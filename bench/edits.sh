#!/usr/bin/env bash
# `forge compile` after one edit, for two builds side by side (interleaved, each on its own copy of a generated
# project): a model the static parser reads, a model it does not (parse-rendered), an incremental model, a macro
# that is text and parameters only (safe_divide), a macro with a loop (surrogate_key), and nothing.
#
#   bench/edits.sh REF_FORGE NEW_FORGE [ROUNDS] [MODELS]
#
# REF_FORGE / NEW_FORGE: forge executables (e.g. `dotnet publish src/Runner -c Release -r linux-x64 -o DIR`, DIR/forge).
# Prints one line per run: scenario, build, wall s, user s, sys s, peak KB, and what the compile memo did.
set -eu
ref=$1 new=$2 rounds=${3:-3} models=${4:-10000}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The generator lives beside the repository (../shared/bench, or FORGE_BENCH_GENERATOR); its Dataform half is not needed.
generator=${FORGE_BENCH_GENERATOR:-$here/../../shared/bench/gen_project.py}
[ -f "$generator" ] || { echo "no project generator at $generator (set FORGE_BENCH_GENERATOR)" >&2; exit 2; }
python3 "$generator" "$models" "$work/project" >/dev/null 2>&1
export FORGE_CACHE_TRACE=1
declare -A forge=([ref]=$ref [new]=$new)
for build in ref new; do
  cp -r "$work/project" "$work/$build"
  # A full compile, its inputs dated back past the memo's racy window, then one that records the memo.
  (cd "$work/$build" && "${forge[$build]}" compile >/dev/null 2>&1 \
    && find . -path ./target -prune -o -type f -exec touch -d '-2 min' {} + \
    && "${forge[$build]}" compile >/dev/null 2>&1)
done
cd "$work/project"
static=$(grep -L 'pivot_sum\|surrogate_key\|incremental\|safe_divide\|cents_to_dollars' -r models --include='*.sql' | sort | head -1)
parsed=$(grep -l 'pivot_sum' -r models --include='*.sql' | sort | head -1)
incremental=$(grep -l "materialized='incremental'" -r models --include='*.sql' | sort | head -1)
echo "static: $static; parse-rendered: $parsed; incremental: $incremental; load: $(cut -d' ' -f1-3 /proc/loadavg)"

edit() { # folder scenario mark
  case $2 in
    static) echo "-- $3" >> "$1/$static" ;;
    parse-rendered) echo "-- $3" >> "$1/$parsed" ;;
    incremental) echo "-- $3" >> "$1/$incremental" ;;
    safe_divide) sed -i -E "s#then null(/\*[0-9a-z]*\*/)?#then null/*$3*/#" "$1/macros/safe_divide.sql" ;;
    surrogate_key) sed -i -E "s#'_null_[0-9a-z]*'#'_null_$3'#" "$1/macros/surrogate_key.sql" ;;
    nothing) ;;
  esac
}

for round in $(seq 1 "$rounds"); do
  for scenario in static parse-rendered incremental safe_divide surrogate_key nothing; do
    for build in ref new; do
      edit "$work/$build" "$scenario" "r$round"
      (cd "$work/$build" && /usr/bin/time -f "%e %U %S %M" -o "$work/time" "${forge[$build]}" compile >/dev/null 2>"$work/err")
      memo=$(grep -m1 'compile memo: \(delta\|miss\|hit\)' "$work/err" | cut -c15-80 || true)
      echo "$scenario $build $(cat "$work/time") $memo"
    done
  done
done
