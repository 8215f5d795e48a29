#!/bin/bash
# Throughput and memory of newsgraph against a ceiling and a peer.
#
#   bench/run.sh [SIZE_MB ...]          default sizes: 1 10 100
#
# Environment:
#   NG=PATH         newsgraph binary (default: build-bench/newsgraph, then build/newsgraph)
#   REPEAT=N        runs per measurement for sizes < 100 MB (default 3; median wall time)
#   REPEAT_LARGE=N  runs per measurement for sizes >= 100 MB (default 1)
#   TIMEOUT=S       give up on one run after S seconds (default 1800)
#   OUT=FILE        markdown results (default bench/results.md)
#   NO_COMPROMISE=1 skip the npm peer
#
# For every size it runs, over the same directory of documents and in the
# same session (so the machine's load affects all of them alike):
#   cat          reading the files, the I/O floor
#   pcre2grep    one PCRE2-JIT pass (-r -c '[A-Z][a-z]+'), the ceiling for a scanner
#   extract      newsgraph extract -j 1 and with the default -j, to /dev/null
#   build        newsgraph build --render none -j 1 and default -j
# and once: compromise (npm, temporary prefix) over the first MB, and the
# start-up time of extract on one tiny file. Wall time is measured with
# nanosecond clocks around each run; peak RSS comes from /usr/bin/time -v
# ("Maximum resident set size"). The corpus is built by make_corpus.py if
# it is missing. Raw figures go to bench/out/raw.tsv.
set -u
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD

SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1 10 100)
REPEAT=${REPEAT:-3}
REPEAT_LARGE=${REPEAT_LARGE:-1}
TIMEOUT=${TIMEOUT:-1800}
OUT=${OUT:-$ROOT/bench/results.md}
WORK=$ROOT/bench/out
mkdir -p "$WORK"
RAW=$WORK/raw.tsv

if [ -z "${NG:-}" ]; then
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
# times, appends "name size jobs median_wall max_rss_kb status" to RAW.
measure() {
    local name=$1 size=$2 jobs=$3 reps=$4
    shift 4
    local walls=() rss=0 status=ok i t0 t1 rc r
    for ((i = 0; i < reps; i++)); do
        t0=$(date +%s%N)
        timeout "$TIMEOUT" /usr/bin/time -v -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt"
        rc=$?
        t1=$(date +%s%N)
        if [ $rc -ne 0 ]; then
            status="exit $rc"
            echo "run.sh: $name ${size}MB -j$jobs failed (exit $rc):" >&2
            tail -3 "$WORK/stderr.txt" >&2
            break
        fi
        walls+=($(( t1 - t0 )))
        r=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
        [ "${r:-0}" -gt "$rss" ] && rss=$r
    done
    local med=NA
    if [ ${#walls[@]} -gt 0 ]; then
        med=$(printf '%s\n' "${walls[@]}" | sort -n |
              awk '{a[NR]=$1} END {printf "%.4f", a[int((NR+1)/2)]/1e9}')
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$size" "$jobs" "$med" "$rss" "$status" >>"$RAW"
    echo "run.sh: $name ${size}MB -j$jobs: ${med}s rss ${rss}kB $status" >&2
}

NPROC=$(nproc)
: >"$RAW"
BUILD_OUT=$WORK/build
declare -A DOCS BYTES

for mb in "${SIZES[@]}"; do
    dir=$ROOT/bench/corpus/${mb}mb
    DOCS[$mb]=$(find "$dir" -type f -name '*.txt' | wc -l)
    BYTES[$mb]=$(find "$dir" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
    reps=$REPEAT
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
measure startup 0 1 1 "$NG" extract -j 1 "$WORK/tiny.txt"

# Peer: compromise over the first MB. Processing time only (the script
# excludes reading and require()), best of the runs.
COMP_LINE=""
if [ -z "${NO_COMPROMISE:-}" ] && command -v npm >/dev/null && [ -d bench/corpus/1mb ]; then
    prefix=$(mktemp -d)
    if npm install --prefix "$prefix" compromise >/dev/null 2>&1; then
        COMP_VERSION=$(node -p "require('$prefix/node_modules/compromise/package.json').version")
        best=""
        for ((i = 0; i < REPEAT; i++)); do
            line=$(NODE_PATH=$prefix/node_modules node bench/compromise.js bench/corpus/1mb) || break
            s=$(echo "$line" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["seconds"])')
            if [ -z "$best" ] || awk "BEGIN {exit !($s < $best)}"; then best=$s; COMP_LINE=$line; fi
        done
        /usr/bin/time -v -o "$WORK/time.txt" env NODE_PATH="$prefix/node_modules" \
            node bench/compromise.js bench/corpus/1mb >/dev/null 2>&1
        COMP_RSS=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
    else
        echo "run.sh: npm install compromise failed; peer skipped" >&2
    fi
    rm -rf "$prefix"
fi

# ---- report ------------------------------------------------------------------

CPU=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
MEM=$(awk '/^MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
CC_VERSION=$(cc --version 2>/dev/null | head -1)

/usr/bin/python3 - "$RAW" "$OUT" "$NPROC" "$CPU" "$MEM" "$COMMIT" "$CC_VERSION" \
    "$SAME" "$STARTUP" "${COMP_LINE:-}" "${COMP_VERSION:-}" "${COMP_RSS:-}" \
    "$REPEAT" "$REPEAT_LARGE" "$(uname -sr)" "$NG" \
    "$(for mb in "${SIZES[@]}"; do printf '%s:%s:%s ' "$mb" "${DOCS[$mb]}" "${BYTES[$mb]}"; done)" <<'EOF'
import json, sys, datetime
(raw, out, nproc, cpu, mem, commit, ccv, same, startup, comp_line, comp_ver,
 comp_rss, rep, rep_large, kernel, ng, sizes) = sys.argv[1:18]
corpus = {}
for item in sizes.split():
    mb, docs, nbytes = item.split(":")
    corpus[mb] = (int(docs), int(nbytes))
rows = [l.rstrip("\n").split("\t") for l in open(raw) if l.strip()]
res = {}
for name, size, jobs, wall, rss, status in rows:
    res[(name, size, jobs)] = (None if wall == "NA" else float(wall), int(rss), status)

def mbs(size, wall):
    return corpus[size][1] / 1e6 / wall if wall else None

def f(x, fmt="%.1f"):
    return "—" if x is None else fmt % x

L = []
L.append("# newsgraph benchmark\n")
L.append(f"Measured {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC by `bench/run.sh` "
         f"at commit `{commit}` (`{ng}`).\n")
L.append(f"Machine: {nproc} online CPUs, {cpu}, {mem} RAM, {kernel}; {ccv}; "
         "meson `--buildtype=release`. The CPUs were shared with other jobs "
         "during the run, so compare rows of the same run (ratios), not runs.\n")
L.append(f"Wall time: median of {rep} runs ({rep_large} for 100 MB and more), page "
         "cache warm, stdout to /dev/null (build writes its files to bench/out/build). "
         "Peak RSS: largest `Maximum resident set size` of `/usr/bin/time -v` over the runs.\n")
L.append("| size | docs | tool | -j | wall s | MB/s | docs/s | peak RSS MiB | ÷ pcre2grep |")
L.append("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for size in corpus:
    docs, nbytes = corpus[size]
    pg = res.get(("pcre2grep", size, "1"), (None, 0, ""))[0]
    for (name, s, jobs), (wall, rss, status) in res.items():
        if s != size:
            continue
        label = {"extract": "newsgraph extract", "build": "newsgraph build --render none"}.get(name, name)
        if status != "ok":
            label += f" (**{status}**)"
        ratio = f(pg / wall, "%.3f") if (pg and wall) else "—"
        L.append(f"| {size} MB | {docs} | {label} | {jobs} | {f(wall, '%.3f')} | "
                 f"{f(mbs(size, wall))} | {f(docs / wall if wall else None, '%.0f')} | "
                 f"{rss / 1024:.1f} | {ratio} |")
L.append("")
comp = json.loads(comp_line) if comp_line else None
if comp:
    cmbs = comp["bytes"] / 1e6 / comp["seconds"]
    L.append(f"Peer: compromise {comp_ver} (node {__import__('subprocess').run(['node','--version'],capture_output=True,text=True).stdout.strip()}), "
             f"people/places/organizations/quotations per document over the first MB "
             f"({comp['documents']} docs): {comp['seconds']:.2f} s processing, "
             f"**{cmbs:.3f} MB/s**, {comp['documents'] / comp['seconds']:.0f} docs/s, "
             f"peak RSS {int(comp_rss or 0) / 1024:.0f} MiB (best of {rep}; reading files and loading the library not counted).\n")
x1 = res.get(("extract", "1", "1"))
if x1 and x1[0]:
    L.append(f"Start-up (`extract` on one tiny document: loading models): {startup}, "
             f"peak RSS {res.get(('startup', '0', '1'), (0, 0, ''))[1] / 1024:.1f} MiB.\n")
L.append(f"`extract -j 1` and `extract -j {nproc}` on the first size: output {same}.\n")

# Targets of issue 6.
L.append("## Targets (issue 6)\n")
L.append("| target | measured | met |")
L.append("| --- | --- | --- |")
def row(what, val, ok):
    L.append(f"| {what} | {val} | {'yes' if ok else 'no'} |")
big = max(corpus, key=lambda s: int(s))
for size in corpus:
    w = res.get(("extract", size, "1"), (None,))[0]
    if w:
        row(f"extract ≥ 30 MB/s, -j 1, {size} MB", f"{mbs(size, w):.1f} MB/s", mbs(size, w) >= 30)
for size in corpus:
    w = res.get(("build", size, "1"), (None,))[0]
    if w:
        row(f"build ≥ 20 MB/s, -j 1, {size} MB", f"{mbs(size, w):.1f} MB/s", mbs(size, w) >= 20)
if comp and x1 and x1[0] and "1" in corpus:
    r = mbs("1", x1[0]) / cmbs
    row("extract -j 1 ≥ 100x compromise, first MB", f"{r:.0f}x", r >= 100)
a = res.get(("extract", "1", "1")); b = res.get(("extract", big, "1"))
if a and b and a[1] and b[1] and big != "1":
    r = b[1] / a[1]
    row(f"extract RSS {big} MB ÷ 1 MB ≤ 2", f"{b[1] / 1024:.1f} ÷ {a[1] / 1024:.1f} MiB = {r:.2f}", r <= 2)
open(out, "w").write("\n".join(L) + "\n")
print("\n".join(L))
EOF
