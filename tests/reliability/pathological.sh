#!/bin/sh
# pathological.sh NEWSGRAPH SRCROOT CASE - one pathological input, generated
# at test time, must be handled in bounded time and memory with the right
# exit status and a message naming the file.
#
# Cases that newsgraph should digest (exit 0, a graph):
#   long_line          a 10 MB line without spaces
#   capitalised_words  200 000 capitalised words (one endless "name")
#   quote_marks        100 000 quote marks, straight and curly
#   nested_html        100 000 nested <div> levels
#   nul_bytes          an article with NUL bytes in it
#   utf16_bom          UTF-16LE and UTF-16BE articles with a BOM (same actors as UTF-8)
#   invalid_utf8       invalid bytes: a warning with file and offset, still exit 0
#   html_numeric_reference_overflow
#                      &#9999999999999999999999; inside a name: gumbo's overflowed
#                      character reference must not put invalid UTF-8 into the
#                      text (PCRE2 runs with NO_UTF_CHECK on it: a crash)
# Cases it must refuse (exit 1, stderr names the file):
#   over_max_doc_bytes a file above --max-doc-bytes
#   huge_file          a 1 GB (sparse) file, refused by the default limit without reading it
#   binary_file        bytes 0..255
#   empty_file, empty_dir, missing_path
#   output_is_file     -o naming a regular file (which must stay as it was)
#   malformed_graph    stats and diff on broken graph.json files
# Found here and fixed (b39a1c6), kept as regression tests:
#   formatting_elements 3 900 distinct unclosed <b id=N> each followed by <p>:
#                      57 KB that made gumbo rebuild every open formatting
#                      element in every paragraph (quadratic: ~17 s, ~3 GB);
#                      now refused before gumbo or digested, never a blow-up
#   quiet_refusal      build -q of one empty file: the error must still name
#                      the file (-q drops the warning that did)
#   bad_option_values  --max-doc-bytes -5 (was accepted as a huge size) and
#                      --data /nonexistent (was exit 2): bad usage is exit 1
#   small_stack        extract -j 4 under a 1 MiB stack limit (ulimit -s 1024)
#                      gives the output of -j 1: per-thread memos once lived
#                      in _Thread_local arrays that glibc carves out of every
#                      thread's stack (~1 MiB of them crashed the workers);
#                      skipped under sanitizers, whose stacks are larger
NG=$1
SRC=$2
CASE=$3
. "$(dirname "$0")/lib.sh"

SEED=$SRC/data/seeds/000_25b500673bca9b80.txt
OUT=$WORK/out

# repeat N TEXT: TEXT N times, no separator.
repeat() {
    LC_ALL=C awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}

case $CASE in
long_line)
    f=$WORK/long_line.txt
    { echo "date 2025-01-13"; head -c 10000000 /dev/zero | tr '\0' 'x'; echo; } >"$f"
    run_ng build -q -j 2 -o "$OUT" "$f"
    expect_status 0 "a long line is text"
    expect_no_crash_report
    expect_graph "$OUT"
    ;;
capitalised_words)
    f=$WORK/capitals.txt
    # One sentence of 200 000 words like "Kovu Tesa Bira": one endless name run.
    awk 'BEGIN { srand(7); for (i = 0; i < 200000; i++)
        printf "%c%c%c%c ", 65 + int(rand() * 26), 97 + int(rand() * 26), 97 + int(rand() * 26),
            97 + int(rand() * 26); print "said Peskov." }' >"$f"
    run_ng build -q -j 2 -o "$OUT" "$f"
    expect_status 0 "capitalised words are text"
    expect_no_crash_report
    expect_graph "$OUT"
    ;;
quote_marks)
    f=$WORK/quotes.txt
    {
        echo "Peskov said: $(repeat 25000 '"')"
        echo
        echo "Zelensky said $(repeat 25000 '“ ”')"
        echo
        repeat 25000 "\"a\" said Kim. ‘"
        echo
    } >"$f"
    run_ng build -q -j 2 -o "$OUT" "$f"
    expect_status 0 "quote marks are text"
    expect_no_crash_report
    expect_graph "$OUT"
    ;;
nested_html)
    f=$WORK/nested.html
    {
        printf '<html><head><title>Nested</title></head><body>'
        repeat 100000 '<div>'
        printf '<p>Kremlin spokesman Dmitry Peskov said "no comment" to Volodymyr Zelensky.</p>'
        repeat 100000 '</div>'
        printf '</body></html>\n'
    } >"$f"
    run_ng build -j 2 -o "$OUT" "$f"
    expect_no_crash_report
    # Digested (exit 0) or refused as too deep (exit 1 naming the file); never a crash.
    if [ "$status" -eq 0 ]; then
        expect_graph "$OUT"
    else
        expect_status 1 "deep HTML digested or refused clearly"
        expect_stderr_names "$f"
    fi
    ;;
formatting_elements)
    f=$WORK/formatting.html
    {
        printf '<html><body>'
        awk 'BEGIN { for (i = 0; i < 3900; i++) printf "<b id=%d>x<p>", i }'
        printf '</body></html>\n'
    } >"$f"
    NG_TIME_LIMIT=$((NG_TIME_LIMIT / 3))
    [ -z "$NG_MEM_LIMIT" ] || NG_MEM_LIMIT=1048576
    run_ng build -j 2 -o "$OUT" "$f"
    expect_no_crash_report
    # Digested quickly or refused clearly; never minutes and gigabytes.
    if [ "$status" -ne 0 ]; then
        expect_status 1 "many open formatting elements digested or refused clearly"
        expect_stderr_names "$f"
    fi
    ;;
quiet_refusal)
    f=$WORK/empty-and-quiet.txt
    : >"$f"
    run_ng build -q -j 2 -o "$OUT" "$f"
    expect_status 1 "build -q of an empty file"
    expect_stderr_names "$f"
    ;;
bad_option_values)
    for opt in "--max-doc-bytes=-5" "--max-doc-bytes=1e3" "-j=2x" "--data=$WORK/no-such-data-dir"; do
        run_ng build -q -o "$OUT" "$opt" "$SEED"
        expect_status 1 "build $opt"
        expect_no_crash_report
    done
    [ ! -e "$OUT/graph.json" ] || fail "a build with a bad option wrote a graph"
    ;;
small_stack)
    case ${NG_SANITIZED:-} in '' | none) ;; *) echo "skipped under sanitizers"; exit 77 ;; esac
    "$NG" extract -q -j 1 "$SRC/data/seeds" >"$WORK/one.jsonl" 2>"$WORK/stderr" ||
        fail "extract -j 1 of the seeds failed"
    (ulimit -s 1024 && exec "$NG" extract -q -j 4 "$SRC/data/seeds") >"$WORK/four.jsonl" 2>"$WORK/stderr"
    status=$?
    expect_status 0 "extract -j 4 with a 1 MiB stack"
    cmp -s "$WORK/one.jsonl" "$WORK/four.jsonl" || fail "-j 4 with a 1 MiB stack differs from -j 1"
    (ulimit -s 1024 && exec "$NG" extract --stream -q -j 4 "$SRC/data/seeds") >/dev/null 2>"$WORK/stderr"
    status=$?
    expect_status 0 "extract --stream -j 4 with a 1 MiB stack"
    ;;
nul_bytes)
    f=$WORK/nul.txt
    # NUL bytes where three spaces were: "stray NUL bytes become spaces" (ingest.h).
    /usr/bin/python3 - "$SEED" "$f" <<'EOF'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
spaces = [i for i, b in enumerate(data) if b == 0x20]
for i in (spaces[5], spaces[len(spaces) // 2], spaces[-1]):
    data[i] = 0
open(sys.argv[2], "wb").write(bytes(data))
EOF
    run_ng build -j 2 -o "$OUT" "$f"
    expect_status 0 "a few NUL bytes in an article"
    expect_no_crash_report
    expect_graph "$OUT"
    ;;
utf16_bom)
    mkdir -p "$WORK/utf8" "$WORK/le" "$WORK/be"
    cp "$SEED" "$WORK/utf8/article.txt"
    /usr/bin/python3 - "$SEED" "$WORK" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2] + "/le/article.txt", "wb").write(b"\xff\xfe" + text.encode("utf-16-le"))
open(sys.argv[2] + "/be/article.txt", "wb").write(b"\xfe\xff" + text.encode("utf-16-be"))
EOF
    for enc in utf8 le be; do
        run_ng build -q -j 2 -o "$WORK/out-$enc" "$WORK/$enc/article.txt"
        expect_status 0 "$enc article with a BOM"
        expect_no_crash_report
        expect_graph "$WORK/out-$enc"
    done
    # The same article gives the same actors whatever its encoding.
    for enc in le be; do
        if ! /usr/bin/python3 - "$WORK/out-utf8/graph.json" "$WORK/out-$enc/graph.json" <<'EOF'
import json, sys
ids = [sorted(n["id"] for n in json.load(open(p, encoding="utf-8"))["nodes"]) for p in sys.argv[1:]]
if ids[0] != ids[1]:
    print("utf-8 nodes:", ids[0], "\nutf-16 nodes:", ids[1], file=sys.stderr)
    sys.exit(1)
EOF
        then
            fail "UTF-16 ($enc) article does not give the actors of its UTF-8 form"
        fi
    done
    ;;
invalid_utf8)
    f=$WORK/invalid.txt
    # 0xFF at byte offset 1000: the warning must name the file and the offset.
    { head -c 1000 "$SEED"; printf '\377'; tail -c +1001 "$SEED"; } >"$f"
    run_ng build -j 2 -o "$OUT" "$f"
    expect_status 0 "invalid UTF-8 is repaired with a warning"
    expect_no_crash_report
    expect_stderr_names "$f"
    if ! grep -E -q '(^|[^0-9])1000([^0-9]|$)' "$WORK/stderr"; then
        fail "the warning does not give the offset 1000"
    fi
    expect_graph "$OUT"
    ;;
html_numeric_reference_overflow)
    f=$WORK/entity.html
    printf '%s' '<html><body><p>President Vladimir Put&#9999999999999999999999;in said &quot;we will win&quot;' \
        ' about Volodymyr Zelensky.</p><p>Putin&#x80000000; told reporters &#4294967295; that' \
        ' Zelensky lost.</p></body></html>' >"$f"
    run_ng build -j 2 -o "$OUT" "$f"
    expect_status 0 "character references beyond Unicode are text"
    expect_no_crash_report
    expect_graph "$OUT"
    run_ng extract -j 2 "$f"
    expect_status 0 "extract of character references beyond Unicode"
    if ! /usr/bin/python3 -c 'import sys; sys.stdin.buffer.read().decode("utf-8")' <"$WORK/stdout"; then
        fail "extract output is not valid UTF-8"
    fi
    ;;
over_max_doc_bytes)
    f=$WORK/big.txt
    cp "$SEED" "$f"
    run_ng build -j 2 --max-doc-bytes 1000 -o "$OUT" "$f"
    expect_status 1 "a document above --max-doc-bytes"
    expect_no_crash_report
    expect_stderr_names "$f"
    [ ! -e "$OUT/graph.json" ] || fail "a graph was written from no document"
    ;;
huge_file)
    f=$WORK/huge.txt
    if ! dd if=/dev/null of="$f" bs=1 count=0 seek=1073741824 2>/dev/null; then
        echo "cannot create a sparse file here; skipping"
        exit 77
    fi
    run_ng build -j 2 -o "$OUT" "$f"
    expect_status 1 "a 1 GB document (default limit 64 MiB)"
    expect_no_crash_report
    expect_stderr_names "$f"
    ;;
binary_file)
    f=$WORK/binary.txt
    LC_ALL=C awk 'BEGIN { for (k = 0; k < 40; k++) for (i = 0; i < 256; i++) printf "%c", i }' >"$f"
    # awk may not print NUL with %c: make sure there are some.
    head -c 512 /dev/zero >>"$f"
    run_ng build -j 2 -o "$OUT" "$f"
    expect_status 1 "binary input"
    expect_no_crash_report
    expect_stderr_names "$f"
    ;;
empty_file)
    f=$WORK/empty.txt
    : >"$f"
    run_ng build -j 2 -o "$OUT" "$f"
    expect_status 1 "an empty file"
    expect_no_crash_report
    expect_stderr_names "$f"
    ;;
empty_dir)
    d=$WORK/nothing-here
    mkdir "$d"
    run_ng build -j 2 -o "$OUT" "$d"
    expect_status 1 "a directory without articles"
    expect_no_crash_report
    expect_stderr_names "$d"
    ;;
missing_path)
    f=$WORK/does-not-exist.txt
    run_ng build -j 2 -o "$OUT" "$f"
    expect_status 1 "a missing input"
    expect_no_crash_report
    expect_stderr_names "$f"
    ;;
output_is_file)
    o=$WORK/regular-file
    echo "precious" >"$o"
    run_ng build -j 2 -o "$o" "$SEED"
    expect_status 1 "-o names a regular file"
    expect_no_crash_report
    expect_stderr_names "$o"
    [ "$(cat "$o")" = "precious" ] || fail "the regular file given as -o was changed"
    ;;
malformed_graph)
    /usr/bin/python3 - "$WORK" <<'EOF'
import os, sys
w = sys.argv[1]
good = ('{"format": "newsgraph", "version": 1, "documents": [], "nodes": ['
        '{"id": "a", "label": "A", "type": "person", "aliases": [], "mentions": 1, "documents": []},'
        '{"id": "b", "label": "B", "type": "person", "aliases": [], "mentions": 1, "documents": []}],'
        ' "edges": [{"source": "a", "target": "b", "relation": "said", "weight": 1, "evidence": []}]}')
cases = {
    "good": good,
    "truncated": good[: len(good) // 2],
    "not_json": "digraph { a -> b }\n",
    "empty": "",
    "edge_to_unknown_node": good.replace('"target": "b"', '"target": "nobody"'),
    "nodes_not_array": good.replace('"nodes": [', '"nodes": {"x": [').replace('}], "edges"', '}]}, "edges"'),
    "binary": "\x00\x01\x02\xff",
}
for name, text in cases.items():
    with open(os.path.join(w, name + ".json"), "wb") as f:
        f.write(text.encode("utf-8", "surrogateescape") if name != "binary" else bytes([0, 1, 2, 255]))
EOF
    run_ng stats "$WORK/good.json"
    expect_status 0 "stats on a good graph.json (control)"
    for bad in truncated not_json empty edge_to_unknown_node nodes_not_array binary; do
        run_ng stats "$WORK/$bad.json"
        expect_status 1 "stats on $bad.json"
        expect_no_crash_report
        expect_stderr_names "$WORK/$bad.json"
    done
    run_ng stats "$WORK/no-such-graph.json"
    expect_status 1 "stats on a missing graph.json"
    expect_stderr_names "$WORK/no-such-graph.json"
    for bad in truncated not_json edge_to_unknown_node; do
        run_ng diff -o "$WORK/diff-out" "$WORK/good.json" "$WORK/$bad.json"
        expect_status 1 "diff good $bad.json"
        expect_no_crash_report
        expect_stderr_names "$WORK/$bad.json"
        run_ng diff -o "$WORK/diff-out" "$WORK/$bad.json" "$WORK/good.json"
        expect_status 1 "diff $bad.json good"
        expect_stderr_names "$WORK/$bad.json"
    done
    ;;
*)
    echo "unknown case $CASE" >&2
    exit 2
    ;;
esac
finish
