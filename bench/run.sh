#!/bin/bash
# Throughput and memory of newsgraph against a ceiling and a peer.
#
#   bench/run.sh [SIZE_MB ...]          default sizes: 1 10 100
#
# Environment:
#   NG=PATH         newsgraph binary (default: build-bench/newsgraph, then build/newsgraph)
#   REPEAT=N        runs per measurement for sizes of 10 to 99 MB (default 3; median)
#   REPEAT_SMALL=N  runs per measurement for sizes < 10 MB (default 11: a 1 MB run
#                   takes ~50 ms, so one scheduler hiccup would move a median of 3)
#   REPEAT_LARGE=N  runs per measurement for sizes >= 100 MB (default 1)
#   TIMEOUT=S       give up on one run after S seconds (default 1800)
#   OUT=FILE        markdown results (default bench/results.md)
#   NO_COMPROMISE=1 skip the npm peer
#   SNAPSHOT=1      benchmark the committed HEAD: `git archive HEAD` into
#                   bench/out/src, release build there, its own data/ (the
#                   shared working tree's uncommitted edits do not leak in)
#
# For every size it runs, over the same directory of documents and in the
# same session (so the machine's load affects all of them alike):
#   cat          reading the files, the I/O floor
#   pcre2grep    one PCRE2-JIT pass (-r -c '[A-Z][a-z]+'), the ceiling for a scanner
#   extract      newsgraph extract -j 1 and with the default -j, to /dev/null
#                (and extract --stream, when the binary has it)
#   build        newsgraph build --render none -j 1 and default -j
# and once: compromise (npm, temporary prefix) over the first MB, and the
# start-up time of extract on one tiny file. Wall time is measured with
# nanosecond clocks around each run, CPU time from wait4 (bench/rusage.py),
# peak RSS from /usr/bin/time -v ("Maximum resident set size"). The corpus is built by make_corpus.py if
# it is missing. Raw figures go to bench/out/raw.tsv.
set -u
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD

SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1 10 100)
REPEAT=${REPEAT:-3}
REPEAT_SMALL=${REPEAT_SMALL:-11}
REPEAT_LARGE=${REPEAT_LARGE:-1}
TIMEOUT=${TIMEOUT:-1800}
OUT=${OUT:-$ROOT/bench/results.md}
WORK=$ROOT/bench/out
mkdir -p "$WORK"
RAW=$WORK/raw.tsv

COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "${SNAPSHOT:-}" ] && [ -z "${NG:-}" ]; then
    rm -rf "$WORK/src" && mkdir -p "$WORK/src" &&
        git archive HEAD | tar -x -C "$WORK/src" &&
        meson setup "$WORK/src/build" "$WORK/src" --buildtype=release >"$WORK/snapshot-build.log" 2>&1 &&
        ninja -C "$WORK/src/build" newsgraph >>"$WORK/snapshot-build.log" 2>&1 ||
        { echo "run.sh: snapshot build failed, see $WORK/snapshot-build.log" >&2; exit 1; }
    NG=$WORK/src/build/newsgraph
fi
if [ -z "${NG:-}" ]; then
    COMMIT="$COMMIT + working tree"
    for c in build-bench/newsgraph build/newsgraph; do
        [ -x "$c" ] && NG=$ROOT/$c && break
    done
fi
if [ -z "${NG:-}" ] || [ ! -x "$NG" ]; then
    echo "run.sh: no newsgraph binary; build it (ninja -C build-bench) or set NG=" >&2
    exit 1
fi
if [ ! -x /usr/bin/time ]; then
    echo "run.sh: /usr/bin/time missing (apt-get install -y time)" >&2
    exit 1
fi
if ! command -v pcre2grep >/dev/null; then
    echo "run.sh: installing pcre2-utils for pcre2grep" >&2
    apt-get install -y pcre2-utils >/dev/null 2>&1 || echo "run.sh: pcre2grep unavailable" >&2
fi

for mb in "${SIZES[@]}"; do
    if [ ! -d "bench/corpus/${mb}mb" ]; then
        /usr/bin/python3 bench/make_corpus.py "$mb" || exit 1
    fi
done

# ---- measuring -------------------------------------------------------------

# measure NAME SIZE JOBS REPEATS CMD...: runs CMD (stdout to /dev/null) REPEATS
# times, appends "name size jobs median_wall max_rss_kb status median_cpu" to
# RAW. CPU = user + system seconds of the process and its children: on a
# machine shared with other jobs it is steadier than wall time, and for
# -j 1 it is what the run would take on an idle core. Wall and CPU come
# from bench/rusage.py (wait4, microseconds; it also enforces TIMEOUT, so
# no timeout(1) start-up is counted); peak RSS from /usr/bin/time -v, as
# wait4's own figure would include the forked Python before the exec.
# time(1) itself adds about 0.5 ms of CPU to each run, counted as ours.
measure() {
    local name=$1 size=$2 jobs=$3 reps=$4
    shift 4
    local walls=() cpus=() rss=0 status=ok i rc r
    for ((i = 0; i < reps; i++)); do
        /usr/bin/python3 bench/rusage.py "$WORK/rusage.txt" "$TIMEOUT" \
            /usr/bin/time -v -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt"
        rc=$?
        if [ $rc -ne 0 ]; then
            status="exit $rc"
            echo "run.sh: $name ${size}MB -j$jobs failed (exit $rc):" >&2
            tail -3 "$WORK/stderr.txt" >&2
            break
        fi
        walls+=($(awk '{printf "%.0f", $1 * 1e9}' "$WORK/rusage.txt"))
        cpus+=($(awk '{printf "%.0f", $2 * 1e9}' "$WORK/rusage.txt"))
        r=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
        [ "${r:-0}" -gt "$rss" ] && rss=$r
    done
    local med=NA cpu=NA
    if [ ${#walls[@]} -gt 0 ]; then
        med=$(printf '%s\n' "${walls[@]}" | sort -n |
              awk '{a[NR]=$1} END {printf "%.4f", a[int((NR+1)/2)]/1e9}')
        cpu=$(printf '%s\n' "${cpus[@]}" | sort -n |
              awk '{a[NR]=$1} END {printf "%.4f", a[int((NR+1)/2)]/1e9}')
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$size" "$jobs" "$med" "$rss" "$status" "$cpu" >>"$RAW"
    echo "run.sh: $name ${size}MB -j$jobs: wall ${med}s cpu ${cpu}s rss ${rss}kB $status" >&2
}

NPROC=$(nproc)
# `extract --stream` (flat memory, ids per document) where the binary has it
HAS_STREAM=
"$NG" extract --help 2>/dev/null | grep -q -- '--stream' && HAS_STREAM=1
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$RAW"
BUILD_OUT=$WORK/build
declare -A DOCS BYTES

for mb in "${SIZES[@]}"; do
    dir=$ROOT/bench/corpus/${mb}mb
    DOCS[$mb]=$(find "$dir" -type f -name '*.txt' | wc -l)
    BYTES[$mb]=$(find "$dir" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
    reps=$REPEAT
    [ "$mb" -lt 10 ] && reps=$REPEAT_SMALL
    [ "$mb" -ge 100 ] && reps=$REPEAT_LARGE
    # Warm the page cache so that every tool reads from memory.
    find "$dir" -type f -name '*.txt' -print0 | xargs -0 cat >/dev/null

    measure cat "$mb" 1 "$reps" sh -c "find '$dir' -type f -name '*.txt' -print0 | xargs -0 cat"
    if command -v pcre2grep >/dev/null; then
        # JIT is pcre2grep's default (it has --no-jit, no --jit); options first.
        measure pcre2grep "$mb" 1 "$reps" pcre2grep -r -c '[A-Z][a-z]+' "$dir"
    fi
    measure extract "$mb" 1 "$reps" "$NG" extract -j 1 "$dir"
    measure extract "$mb" "$NPROC" "$reps" "$NG" extract "$dir"
    if [ -n "$HAS_STREAM" ]; then
        measure extract-stream "$mb" 1 "$reps" "$NG" extract --stream -j 1 "$dir"
        measure extract-stream "$mb" "$NPROC" "$reps" "$NG" extract --stream "$dir"
    fi
    rm -rf "$BUILD_OUT"
    measure build "$mb" 1 "$reps" "$NG" build --render none -j 1 -o "$BUILD_OUT" "$dir"
    rm -rf "$BUILD_OUT"
    measure build "$mb" "$NPROC" "$reps" "$NG" build --render none -o "$BUILD_OUT" "$dir"
done

# Same bytes out with one worker and with all of them (issue 6 asks for it).
FIRST=${SIZES[0]}
SAME="not checked"
if "$NG" extract -j 1 "bench/corpus/${FIRST}mb" >"$WORK/x1.jsonl" 2>/dev/null &&
   "$NG" extract -j "$NPROC" "bench/corpus/${FIRST}mb" >"$WORK/xn.jsonl" 2>/dev/null; then
    if cmp -s "$WORK/x1.jsonl" "$WORK/xn.jsonl"; then SAME="identical"; else SAME="DIFFERENT"; fi
fi

# Start-up: one tiny document, so the time is loading the models.
printf 'date 2025-01-13\n\nThe minister said "we will act," Reuters reported.\n' >"$WORK/tiny.txt"
STARTUP=NA
if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs 30 --export-json "$WORK/startup.json" \
        "$NG extract -j 1 $WORK/tiny.txt" >/dev/null 2>&1 &&
        STARTUP=$(/usr/bin/python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f ± %.1f ms" % (r["mean"]*1e3, r["stddev"]*1e3))' "$WORK/startup.json")
fi
measure startup 0 1 "$REPEAT_SMALL" "$NG" extract -j 1 "$WORK/tiny.txt"

# Peer: compromise over the first MB. Processing time only (the script
# excludes reading and require()), best of the runs by CPU time.
COMP_LINE=""
if [ -z "${NO_COMPROMISE:-}" ] && command -v npm >/dev/null && [ -d bench/corpus/1mb ]; then
    prefix=$(mktemp -d)
    if npm install --prefix "$prefix" compromise >/dev/null 2>&1; then
        COMP_VERSION=$(node -p "require('$prefix/node_modules/compromise/package.json').version")
        best="" COMP_RSS=0
        for ((i = 0; i < REPEAT; i++)); do
            line=$(/usr/bin/time -v -o "$WORK/time.txt" env NODE_PATH="$prefix/node_modules" \
                   node bench/compromise.js bench/corpus/1mb) || break
            r=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
            [ "${r:-0}" -gt "$COMP_RSS" ] && COMP_RSS=$r
            s=$(echo "$line" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["cpu_seconds"])')
            if [ -z "$best" ] || awk "BEGIN {exit !($s < $best)}"; then best=$s; COMP_LINE=$line; fi
        done
    else
        echo "run.sh: npm install compromise failed; peer skipped" >&2
    fi
    rm -rf "$prefix"
fi

# ---- report ------------------------------------------------------------------

export NPROC SAME STARTUP REPEAT REPEAT_SMALL REPEAT_LARGE NG RAW OUT
export CPU_MODEL="$(awk -F': ' '/^model name/ {m=$2} /^cpu family/ {f=$2} /^model\t/ {n=$2}
    /^cpu MHz/ {h=$2} END {printf "%s, family %s model %s, %.0f MHz", m, f, n, h}' /proc/cpuinfo)$(
    command -v lscpu >/dev/null && lscpu | awk -F': *' '/^L2 cache/ {l2=$2} /^L3 cache/ {l3=$2}
    /^Hypervisor vendor/ {hv=$2} END {if (l2) printf ", L2 %s, L3 %s", l2, l3; if (hv) printf ", %s guest", hv}')"
export MEM_TOTAL=$(awk '/^MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
export COMMIT
export CC_VERSION=$(cc --version 2>/dev/null | head -1)
export KERNEL=$(uname -sr)
export NODE_VERSION=$(node --version 2>/dev/null)
export COMP_LINE=${COMP_LINE:-} COMP_VERSION=${COMP_VERSION:-} COMP_RSS=${COMP_RSS:-0}
export LOAD_START LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
export CORPUS=$(for mb in "${SIZES[@]}"; do printf '%s:%s:%s ' "$mb" "${DOCS[$mb]}" "${BYTES[$mb]}"; done)
/usr/bin/python3 bench/report.py
