"""Runs a Python program on a virtual-time asyncio loop, as arun's
--virtual-time does: whenever nothing is ready to run and no I/O is
waiting, the loop's clock jumps to the next timer instead of sleeping.
The clock counts the time spent running Python code (a blocking
time.sleep() included) plus the time skipped, but not the time spent
waiting in the selector for loopback I/O: a program prints what it prints
in real time, without the jitter of a busy machine, and a minute of sleeps
takes milliseconds.

    python3 virtualtime.py fetch_data.py     # virtual time
    python3 fetch_data.py                    # the same program, real time

scripts_test.go -record uses it to record the .out files.
"""
import asyncio
import runpy
import selectors
import sys
import time


WAKEUP_LATENCY = 0.0002  # seconds


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__(selectors.DefaultSelector())
        self._offset = 0.0  # virtual minus real
        real = self._selector.select

        def waited(timeout):
            t0 = time.monotonic()
            try:
                return real(timeout)
            finally:
                self._offset -= time.monotonic() - t0  # waiting for I/O takes no time

        def select(timeout=None):
            events = real(0)
            if events or timeout == 0:
                return events
            if timeout is None:  # only I/O can wake the loop: wait for it
                return waited(None)
            events = waited(min(timeout, 0.002))  # let loopback I/O in flight arrive
            if not events:
                # jump to the next timer, and a little past it, as a real
                # loop wakes up late: timers set a few microseconds apart
                # (in one burst of callbacks) then fire in the same turn,
                # as they do in real time
                self._offset += timeout + WAKEUP_LATENCY
            return events

        self._selector.select = select

    def time(self):
        return time.monotonic() + self._offset


class VirtualTimePolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return VirtualTimeLoop()


def install():
    asyncio.set_event_loop_policy(VirtualTimePolicy())


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python3 virtualtime.py PROGRAM.py [ARGS...]")
    install()
    sys.argv = sys.argv[1:]
    runpy.run_path(sys.argv[0], run_name="__main__")
