#!/usr/bin/python3
"""rusage.py OUTFILE TIMEOUT CMD...: run CMD, write "wall_seconds cpu_seconds max_rss_kb"
to OUTFILE (max_rss_kb includes this forked Python's own size before the exec:
bench/run.sh takes peak RSS from /usr/bin/time -v instead).

CPU is user + system time of CMD and every descendant it waited for, from
wait4(2), in microseconds (GNU time's %U/%S round to 10 ms, too coarse for
the 1 MB runs); max RSS is wait4's ru_maxrss (the largest of CMD and its
descendants, in KiB). CMD is not run through timeout(1), so its start-up
is not counted as CMD's: after TIMEOUT seconds CMD is killed (exit 124, as
timeout(1) does).
Exits with CMD's status. Used by bench/run.sh.
"""
import os
import signal
import sys
import time

out, limit, cmd = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(cmd[0], cmd)
    finally:
        os._exit(127)
timed_out = False


def kill(signum, frame):
    global timed_out
    timed_out = True
    os.kill(pid, signal.SIGKILL)


signal.signal(signal.SIGALRM, kill)
signal.setitimer(signal.ITIMER_REAL, limit)
while True:
    try:
        _, status, ru = os.wait4(pid, 0)
        break
    except InterruptedError:
        continue
signal.setitimer(signal.ITIMER_REAL, 0)
wall = time.perf_counter() - t0
with open(out, "w") as f:
    f.write(f"{wall:.6f} {ru.ru_utime + ru.ru_stime:.6f} {ru.ru_maxrss}\n")
if timed_out:
    sys.exit(124)
sys.exit(os.waitstatus_to_exitcode(status) & 0xFF if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
