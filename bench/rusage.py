#!/usr/bin/python3
"""rusage.py OUTFILE CMD...: run CMD, write "wall_seconds cpu_seconds" to OUTFILE.

CPU is user + system time of CMD and every descendant it waited for, from
wait4(2), in microseconds (GNU time's %U/%S round to 10 ms, too coarse
for the 1 MB runs). Exits with CMD's status. Used by bench/run.sh.
"""
import os
import sys
import time

out, cmd = sys.argv[1], sys.argv[2:]
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(cmd[0], cmd)
    finally:
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - t0
with open(out, "w") as f:
    f.write(f"{wall:.6f} {ru.ru_utime + ru.ru_stime:.6f}\n")
sys.exit(os.waitstatus_to_exitcode(status) & 0xFF if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
