#!/bin/bash
# Where `newsgraph extract -j 1` spends its time on the 10 MB corpus.
#
#   bench/profile.sh [SIZE_MB] [COMMAND]     default: 10 extract
#
# Builds a release binary with frame pointers and debug info in
# build-bench-prof/ (same optimisation as the benchmark, so the profile is
# of the code that was measured), then samples it with `perf record -g`
# (cpu-clock, which works in VMs without hardware counters; DWARF call
# graphs, so time inside libc is charged to its callers) and prints the
# functions by self time, by inclusive time, and the pipeline's stages. Falls back to
# `valgrind --tool=callgrind` when perf cannot record. Output under
# bench/out/profile/. SRC=DIR profiles the sources in DIR instead of the
# working tree (e.g. SRC=bench/out/src, the snapshot `SNAPSHOT=1 run.sh`
# benchmarked).
set -u
cd "$(dirname "$0")/.." || exit 2
SIZE=${1:-10}
CMD=${2:-extract}
OUTDIR=bench/out/profile
mkdir -p "$OUTDIR"
SRC=${SRC:-.}
BUILD=build-bench-prof
[ "$SRC" != . ] && BUILD=$SRC/build-prof

if [ ! -d "$BUILD" ]; then
    meson setup "$BUILD" "$SRC" --buildtype=release \
        -Dc_args='-g -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer' >/dev/null || exit 1
fi
ninja -C "$BUILD" newsgraph >/dev/null || { echo "profile.sh: build failed" >&2; exit 1; }
NG=$BUILD/newsgraph
[ -d "bench/corpus/${SIZE}mb" ] || /usr/bin/python3 bench/make_corpus.py "$SIZE" || exit 1
if [ "$CMD" = build ]; then
    args=(build --render none -j 1 -q -o "$OUTDIR/build" "bench/corpus/${SIZE}mb")
else
    args=(extract -j 1 -q "bench/corpus/${SIZE}mb")
fi

if perf record -e cpu-clock -F 999 --call-graph dwarf,16384 -o "$OUTDIR/perf.data" -- "$NG" "${args[@]}" >/dev/null 2>"$OUTDIR/perf-record.log"; then
    perf report -i "$OUTDIR/perf.data" --stdio --no-children --percent-limit 0.7 \
        --sort symbol -g none 2>/dev/null | grep -v '^$' >"$OUTDIR/self.txt"
    perf report -i "$OUTDIR/perf.data" --stdio --children --percent-limit 2 \
        --sort symbol -g none 2>/dev/null | grep -v '^$' >"$OUTDIR/children.txt"
    perf report -i "$OUTDIR/perf.data" --stdio --no-children --percent-limit 2 \
        --sort symbol -g caller,0.5,callee,function,percent 2>/dev/null >"$OUTDIR/callers.txt"
    echo "== self time (perf, $CMD -j 1, ${SIZE} MB) =="
    grep -v '^#' "$OUTDIR/self.txt" | head -40
    echo "== inclusive time =="
    grep -v '^#' "$OUTDIR/children.txt" | head -40
    echo "== stages (inclusive) =="
    perf report -i "$OUTDIR/perf.data" --stdio --children --sort symbol -g none 2>/dev/null |
        grep -E '\] (ng_doc_load|ng_text_analyze|ng_mentions_find|ng_coref_document|ng_statements_find|ng_resolver_add|ng_resolver_finish|ng_corpus_write_extract|ng_corpus_build_graph|ng_graph_compute_stats|ng_export_all|ng_models_load|ng_furniture_load|asm_exc_page_fault)  '

    echo "(call chains: $OUTDIR/callers.txt)"
else
    echo "profile.sh: perf record failed ($(tail -1 "$OUTDIR/perf-record.log")); using callgrind" >&2
    valgrind --tool=callgrind --callgrind-out-file="$OUTDIR/callgrind.out" \
        "$NG" "${args[@]}" >/dev/null 2>"$OUTDIR/callgrind.log"
    callgrind_annotate --inclusive=no "$OUTDIR/callgrind.out" | head -60
    callgrind_annotate --inclusive=yes "$OUTDIR/callgrind.out" | head -60 >"$OUTDIR/inclusive.txt"
fi
