#!/bin/sh
# valgrind.sh NEWSGRAPH SRCROOT SANITIZE - memcheck on the seed run.
# Skipped (77) when valgrind is missing or the build uses sanitizers
# (ASan and valgrind cannot share a process). Fails on any memcheck
# error, and on definitely or indirectly lost memory. valgrind.supp
# holds the only suppression (PCRE2 JIT read-ahead) and says why.
NG=$1
SRC=$2
SANITIZE=${3:-none}
if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind not installed: skipped"
    exit 77
fi
if [ "$SANITIZE" != none ]; then
    echo "built with -Db_sanitize=$SANITIZE: skipped"
    exit 77
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ng-valgrind.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT

rc=0
for cmd in build extract; do
    if [ "$cmd" = build ]; then
        set -- build -q -j 2 -o "$WORK/out" "$SRC/data/seeds"
    else
        set -- extract -q -j 2 "$SRC/data/seeds"
    fi
    valgrind --tool=memcheck --error-exitcode=99 --suppressions="$(dirname "$0")/valgrind.supp" --leak-check=full \
        --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
        --track-origins=yes --num-callers=30 --log-file="$WORK/valgrind-$cmd.log" \
        "$NG" "$@" >"$WORK/stdout" 2>"$WORK/stderr"
    status=$?
    grep -E 'ERROR SUMMARY|definitely lost|indirectly lost' "$WORK/valgrind-$cmd.log"
    if [ "$status" -ne 0 ]; then
        echo "FAIL: newsgraph $cmd under memcheck exited $status" >&2
        cat "$WORK/stderr" >&2
        grep -v '^==[0-9]*== *$' "$WORK/valgrind-$cmd.log" | head -150 >&2
        rc=1
    fi
done
exit $rc
