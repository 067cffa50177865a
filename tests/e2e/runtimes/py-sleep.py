# py-sleep.py PERIOD_MS COUNT: Python's plainest poll loop, time.sleep
# (CPython 3.11: an absolute clock_nanosleep on CLOCK_MONOTONIC).
import sys
import time

period = int(sys.argv[1]) / 1000
for _ in range(int(sys.argv[2])):
    time.sleep(period)
