# py-event.py PERIOD_MS COUNT: a worker's poll loop that a
# threading.Event would end early, never set here (a futex wait with an
# absolute CLOCK_MONOTONIC timeout).
import sys
import threading

period = int(sys.argv[1]) / 1000
stop = threading.Event()
for _ in range(int(sys.argv[2])):
    stop.wait(period)
