#!/usr/bin/env bash
# Benchmark driver for parplan (issue 7).
#
#   tests/bench/run.sh BUILD_DIR
#
# BUILD_DIR/parplan must be a Release build. Generates the benchmark plans
# into BUILD_DIR/bench-plans/ (kept and reused while genplan.py is unchanged),
# compiles the floor baseline into BUILD_DIR/floor, measures every command
# with hyperfine and /usr/bin/time -v, and prints a Markdown table plus the
# target checks (also written to BUILD_DIR/bench-results/table.md).
#
# Environment knobs:
#   BENCH_SIZES   activity counts to generate (default "12500 25000 50000";
#                 any multiple of 500 works: 50 fields x 10 tasks x N/500)
#   BENCH_BUDGET  seconds of hyperfine time aimed at per command (default 6);
#                 the run count is BUDGET / (one run), clamped to 3..30
#   BENCH_STRICT  1: exit 1 when a target check fails (default: exit 0)
#   PARPLAN       parplan binary (default BUILD_DIR/parplan)
#   PYTHON        python with PyYAML + libyaml for the pyyaml baseline
#   CXX           compiler for floor.cpp (default g++)
set -u -o pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
if [ ! -d "$1" ]; then
  echo "run.sh: build dir $1 does not exist" >&2
  exit 2
fi

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_ROOT=$(cd "$BENCH_DIR/../.." && pwd)
BUILD_DIR=$(cd "$1" && pwd)
PARPLAN=${PARPLAN:-$BUILD_DIR/parplan}
PLANS=$BUILD_DIR/bench-plans
RESULTS=$BUILD_DIR/bench-results
SIZES=${BENCH_SIZES:-12500 25000 50000}
BUDGET=${BENCH_BUDGET:-6}
MONTH=6
SEED=1

for tool in hyperfine python3 /usr/bin/time; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "run.sh: $tool is required (apt-get install hyperfine time python3)" >&2
    exit 2
  fi
done

mkdir -p "$PLANS" "$RESULTS"
rm -f "$RESULTS"/*.json "$RESULTS"/*.time "$RESULTS"/*.out "$RESULTS"/*.err \
      "$RESULTS"/manifest.tsv "$RESULTS"/table.md

log() { echo "[bench] $*" >&2; }

# --- python for the pyyaml baseline --------------------------------------
PY=""
for cand in ${PYTHON:-} python3 /usr/bin/python3; do
  if "$cand" -c 'import yaml; yaml.CSafeLoader' >/dev/null 2>&1; then
    PY=$(command -v "$cand")
    break
  fi
done
[ -n "$PY" ] || log "no python with PyYAML+libyaml (python3-yaml): pyyaml baseline skipped"

# --- plans ----------------------------------------------------------------
GEN_HASH=$(sha256sum "$BENCH_DIR/genplan.py" | cut -c1-16)
PLAN_LABELS=()
declare -A PLAN_DIR PLAN_NEW PLAN_ACTS

if [ -f "$REPO_ROOT/data/plan.yaml" ]; then
  PLAN_LABELS+=(shipped)
  PLAN_DIR[shipped]=$REPO_ROOT/data
  PLAN_NEW[shipped]=$REPO_ROOT/data        # no changed version: self-diff
  # activity ids have two dots (III.1.4); task ids one
  PLAN_ACTS[shipped]=$(cat "$REPO_ROOT"/data/*.yaml |
                       grep -cE '^ *- id: *"?[^ .]+\.[^ .]+\.')
else
  log "no $REPO_ROOT/data/plan.yaml: shipped plan skipped"
fi

for n in $SIZES; do
  if [ $((n % 500)) -ne 0 ] || [ "$n" -lt 500 ]; then
    echo "run.sh: BENCH_SIZES entries must be multiples of 500 (got $n)" >&2
    exit 2
  fi
  per_task=$((n / 500))
  dir=$PLANS/a$n
  stamp="gen=$GEN_HASH seed=$SEED fields=50 tasks=10 activities=$per_task"
  if [ -f "$PLANS/a$n.stamp" ] && [ "$(cat "$PLANS/a$n.stamp")" = "$stamp" ] &&
     [ -f "$dir/plan.yaml" ] && [ -f "$dir-changed/plan.yaml" ]; then
    log "reusing $dir ($stamp)"
  else
    log "generating $dir"
    rm -f "$PLANS/a$n.stamp"
    python3 "$BENCH_DIR/genplan.py" --seed "$SEED" --fields 50 --tasks 10 \
      --activities "$per_task" --out "$dir" --changed-out "$dir-changed" \
      --quiet || { echo "run.sh: genplan.py failed" >&2; exit 2; }
    echo "$stamp" > "$PLANS/a$n.stamp"
  fi
  label=$(awk -v n="$n" 'BEGIN { if (n % 1000) printf "%.1fk", n/1000;
                                 else printf "%dk", n/1000 }')
  PLAN_LABELS+=("$label")
  PLAN_DIR[$label]=$dir
  PLAN_NEW[$label]=$dir-changed
  PLAN_ACTS[$label]=$n
done

# --- floor ------------------------------------------------------------------
FLOOR=$BUILD_DIR/floor
if [ ! -x "$FLOOR" ] || [ "$BENCH_DIR/floor.cpp" -nt "$FLOOR" ]; then
  log "compiling $FLOOR"
  ${CXX:-g++} -std=c++20 -O2 -DNDEBUG "$BENCH_DIR/floor.cpp" -lyaml-cpp \
    -o "$FLOOR" || { echo "run.sh: cannot build floor.cpp" >&2; exit 2; }
fi

LOADFILE=$BUILD_DIR/loadfile
if [ ! -x "$LOADFILE" ] || [ "$BENCH_DIR/loadfile.cpp" -nt "$LOADFILE" ]; then
  log "compiling $LOADFILE"
  ${CXX:-g++} -std=c++20 -O2 -DNDEBUG "$BENCH_DIR/loadfile.cpp" -lyaml-cpp \
    -o "$LOADFILE" || { echo "run.sh: cannot build loadfile.cpp" >&2; exit 2; }
fi

[ -x "$PARPLAN" ] || log "no parplan binary at $PARPLAN: parplan rows will say so"

# --- measuring ----------------------------------------------------------------
yaml_bytes() {  # total bytes of *.yaml in the given dirs
  local total=0 d f s
  for d in "$@"; do
    for f in "$d"/*.yaml; do
      [ -f "$f" ] || continue
      s=$(stat -c %s "$f")
      total=$((total + s))
    done
  done
  echo "$total"
}

MANIFEST=$RESULTS/manifest.tsv
printf 'plan\tactivities\tcmd\tstatus\trc\trss_kb\tprobe_s\tyaml_bytes\truns\tjson\tbase\tcommand\n' \
  > "$MANIFEST"

# measure PLAN_LABEL CMD_NAME OK_CODES YAML_BYTES ARGV...
measure() {
  local plan=$1 name=$2 ok_codes=$3 ybytes=$4
  shift 4
  local base=$RESULTS/$plan-$name
  local cmdline status rc rss probe runs warm json
  cmdline=$(printf '%q ' "$@")
  cmdline=${cmdline% }
  rss=""; probe=""; runs=0; json=""
  if [ ! -x "$1" ]; then
    status=missing; rc=""
  else
    # One run under /usr/bin/time -v: peak RSS, exit code, and a time
    # estimate to size the hyperfine run count. Also warms the page cache.
    /usr/bin/time -v -o "$base.time" "$@" > "$base.out" 2> "$base.err"
    rc=$?
    rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$base.time")
    probe=$(awk '/Elapsed \(wall clock\) time/ {
                   n = split($NF, p, ":"); s = 0
                   for (i = 1; i <= n; i++) s = s * 60 + p[i]
                   print s }' "$base.time")
    if [ -n "$(awk '/Command terminated by signal/' "$base.time")" ]; then
      rc=$(awk '/Command terminated by signal/ {print 128 + $NF}' "$base.time")
    fi
    if [[ " $ok_codes " != *" $rc "* ]]; then
      status=failed
      log "$plan $name: exit $rc (see $base.err)"
    else
      read -r runs warm < <(awk -v t="${probe:-0}" -v b="$BUDGET" 'BEGIN {
          if (t < 0.001) t = 0.001
          r = int(b / t); if (r < 3) r = 3; if (r > 30) r = 30
          w = (t < 0.5) ? 3 : 1
          print r, w }')
      if awk -v t="${probe:-0}" 'BEGIN { exit !(t > 60) }'; then
        # Far too slow for repeated runs: the single timed run is the sample.
        status=ok-single; runs=1
      else
        local ignore=()
        [ "$ok_codes" != "0" ] && ignore=(--ignore-failure)
        log "$plan $name: hyperfine --warmup $warm --runs $runs"
        if hyperfine -N --style none --warmup "$warm" --runs "$runs" \
             "${ignore[@]}" --command-name "$plan $name" \
             --export-json "$base.json" -- "$cmdline" \
             > "$base.hyperfine" 2>&1; then
          status=ok; json=$base.json
        else
          status=hyperfine-failed
          log "$plan $name: hyperfine failed (see $base.hyperfine)"
        fi
      fi
    fi
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
    "$plan" "${PLAN_ACTS[$plan]:-}" "$name" "$status" "$rc" "$rss" "$probe" \
    "$ybytes" "$runs" "$json" "$base" "$cmdline" >> "$MANIFEST"
}

for plan in "${PLAN_LABELS[@]}"; do
  dir=${PLAN_DIR[$plan]}
  new=${PLAN_NEW[$plan]}
  yb=$(yaml_bytes "$dir")
  yb2=$(yaml_bytes "$dir" "$new")
  log "== $plan: $dir ($yb bytes of YAML)"
  measure "$plan" floor 0 "$yb" "$FLOOR" "$dir"
  if [ -n "$PY" ]; then
    measure "$plan" pyyaml 0 "$yb" "$PY" "$BENCH_DIR/pyyaml_due.py" "$dir" --month "$MONTH"
  else
    measure "$plan" pyyaml 0 "$yb" /nonexistent/python-with-pyyaml
  fi
  measure "$plan" validate "0 1" "$yb" "$PARPLAN" validate --plan "$dir"
  measure "$plan" due 0 "$yb" "$PARPLAN" due --plan "$dir" --month "$MONTH" --format json
  measure "$plan" report 0 "$yb" "$PARPLAN" report --plan "$dir" --month "$MONTH"
  measure "$plan" diff 0 "$yb2" "$PARPLAN" diff --plan "$dir" "$dir" "$new"
done

# --- the shipped plan, due against floor and LoadFile side by side (issue 14: <= 1.1 x LoadFile) ---
# At 61 activities a run takes milliseconds and the start of the process is most of it: many runs,
# the two commands measured back to back.
if [ -n "${PLAN_DIR[shipped]:-}" ]; then
  log "shipped plan: hyperfine floor vs due, 200 runs each"
  hyperfine -N --style none --warmup 20 --runs 200 --export-json "$RESULTS/shipped-startup.json" \
    --command-name floor "$FLOOR ${PLAN_DIR[shipped]}" \
    --command-name LoadFile "$LOADFILE ${PLAN_DIR[shipped]}" \
    --command-name due "$PARPLAN due --plan ${PLAN_DIR[shipped]} --month $MONTH --format json" \
    > "$RESULTS/shipped-startup.hyperfine" 2>&1 || log "shipped plan: hyperfine failed"
fi

# --- a plan at a git revision (issue 10) ---------------------------------------
# `diff HEAD` on an unchanged 4,000-file plan reads every file at HEAD through git (one ls-tree,
# one cat-file) and the working tree: target <= 2 x `validate` of the same plan.
GIT_PLAN=$PLANS/git-4000-$GEN_HASH
if [ ! -d "$GIT_PLAN/.git" ]; then
  rm -rf "$GIT_PLAN"
  python3 "$BENCH_DIR/genplan.py" --seed "$SEED" --fields 4000 --tasks 1 --activities 3 \
    --out "$GIT_PLAN/data" > /dev/null
  git -C "$GIT_PLAN" init -q
  git -C "$GIT_PLAN" add -A
  git -C "$GIT_PLAN" -c user.name=bench -c user.email=bench@parplan.invalid commit -q -m plan
fi
log "git revision: hyperfine validate vs diff HEAD (4,000 files)"
hyperfine -N --style none --warmup 2 --runs 10 --export-json "$RESULTS/git-revision.json" \
  --command-name validate "$PARPLAN validate --plan $GIT_PLAN/data" \
  --command-name "diff HEAD" "$PARPLAN diff HEAD --plan $GIT_PLAN/data" \
  > "$RESULTS/git-revision.hyperfine" 2>&1 || log "git revision: hyperfine failed"

# --- import (issue 12): a 10,000-activity .docx against `validate` of the plan it gives ------
IMPORT_DIR=$PLANS/import-10000
if [ ! -f "$IMPORT_DIR/appendix.docx" ]; then
  python3 "$BENCH_DIR/genplan.py" --seed 1 --fields 20 --tasks 10 --activities 50 \
    --out "$IMPORT_DIR/plan" >/dev/null &&
    /usr/bin/python3 "$REPO_ROOT/tests/fixtures/import/appendix_from_plan.py" \
      "$IMPORT_DIR/plan" "$IMPORT_DIR/appendix" --formats docx
fi
if "$PARPLAN" import "$IMPORT_DIR/appendix.docx" --out "$IMPORT_DIR/out" --force 2>/dev/null &&
  hyperfine -N --style none --warmup 1 --runs 10 --export-json "$RESULTS/import.json" \
    "$PARPLAN import $IMPORT_DIR/appendix.docx --out $IMPORT_DIR/out --force" \
    "$PARPLAN validate --plan $IMPORT_DIR/out" >/dev/null 2>&1; then
  python3 - "$RESULTS/import.json" <<'PY' | tee "$RESULTS/import.md"
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"]
imp, val = (statistics.median(x["times"]) for x in r)
print(f"import of a 10,000-activity .docx: median {imp:.3f} s; validate of its plan: "
      f"{val:.3f} s; ratio {imp / val:.2f} (target < 2: {'met' if imp < 2 * val else 'MISSED'})")
PY
else
  log "import bench failed (python3-openpyxl/python3-yaml missing, or import broke)"
fi

# --- history (issue 13): parplan log over 2,000 commits against git log -p ------------------------
# genhistory.py builds the repository with git fast-import (each commit edits one activity of the
# shipped plan); targets: `parplan log` <= 3 x and `parplan log III.1.4` <= 1.5 x the time of
# `git log -p -- data/` in the same run.
HISTORY_REPO=$PLANS/history-2000-$(sha256sum "$BENCH_DIR/genhistory.py" | cut -c1-16)
if [ ! -d "$HISTORY_REPO/.git" ] && [ -f "$REPO_ROOT/data/plan.yaml" ]; then
  rm -rf "$HISTORY_REPO"
  python3 "$BENCH_DIR/genhistory.py" --plan "$REPO_ROOT/data" --out "$HISTORY_REPO" \
    --commits 2000 || log "genhistory.py failed"
fi
if [ -d "$HISTORY_REPO/.git" ] &&
  hyperfine -N --style none --warmup 2 --runs 20 --export-json "$RESULTS/history.json" \
    --command-name "git log -p" "git -C $HISTORY_REPO --no-pager log -p -- data/" \
    --command-name "parplan log" "$PARPLAN log --plan $HISTORY_REPO/data" \
    --command-name "parplan log III.1.4" "$PARPLAN log --plan $HISTORY_REPO/data III.1.4" \
    > "$RESULTS/history.hyperfine" 2>&1; then
  python3 - "$RESULTS/history.json" <<'PY' | tee "$RESULTS/history.md"
import json, statistics, sys
r = {x["command"]: statistics.median(x["times"]) for x in json.load(open(sys.argv[1]))["results"]}
git = r["git log -p"]
for name, target in (("parplan log", 3.0), ("parplan log III.1.4", 1.5)):
    ratio = r[name] / git
    print(f"history, 2,000 commits: {name} {r[name] * 1000:.0f} ms, git log -p {git * 1000:.0f} ms "
          f"(medians): ratio {ratio:.2f} (target <= {target}: {'met' if ratio <= target else 'MISSED'})")
PY
else
  log "history bench failed (see $RESULTS/history.hyperfine)"
fi

# --- table ------------------------------------------------------------------
python3 "$BENCH_DIR/summarize.py" "$MANIFEST" "$RESULTS/table.md"
rc=$?
if [ -f "$RESULTS/git-revision.json" ]; then
  python3 - "$RESULTS/git-revision.json" >> "$RESULTS/table.md" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
ratio = r["diff HEAD"] / r["validate"]
print(f"\ngit revision read, 4,000 files: validate {r['validate']:.3f} s, diff HEAD "
      f"{r['diff HEAD']:.3f} s (medians): ratio {ratio:.2f} "
      f"({'meets' if ratio <= 2 else 'misses'} the target <= 2)")
PY
  tail -1 "$RESULTS/table.md" >&2
fi
if [ -f "$RESULTS/shipped-startup.json" ]; then
  python3 - "$RESULTS/shipped-startup.json" >> "$RESULTS/table.md" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
ratio = r["due"] / r["floor"]
loadfile = r["due"] / r["LoadFile"]
print(f"\nshipped plan side by side, 200 runs each: floor {r['floor'] * 1000:.2f} ms, yaml-cpp "
      f"LoadFile {r['LoadFile'] * 1000:.2f} ms, due {r['due'] * 1000:.2f} ms (medians): "
      f"{ratio:.2f} x floor, {loadfile:.2f} x LoadFile "
      f"({'meets' if loadfile <= 1.1 else 'misses'} the target <= 1.1 x LoadFile)")
PY
  tail -1 "$RESULTS/table.md" >&2
fi
log "results: $RESULTS (table.md, *.json, *.time, *.out, *.err)"
if [ "$rc" -eq 3 ]; then               # some target check failed
  [ "${BENCH_STRICT:-0}" = 1 ] && exit 1
  exit 0
fi
exit "$rc"
