# py-asyncio.py PERIOD_MS COUNT: a coroutine that polls with
# asyncio.sleep (the event loop's epoll_wait, its timeout the time to the
# next callback).
import asyncio
import sys


async def poll(period, count):
    for _ in range(count):
        await asyncio.sleep(period)


asyncio.run(poll(int(sys.argv[1]) / 1000, int(sys.argv[2])))
