#!/usr/bin/env python3
"""Regenerates the expected output of bindings/asyncio/testdata/cases.txt.

Each case of cases.txt has a JS program (run by the Go test with a small
prelude, see JS_PRELUDE in bindings/asyncio/asyncio_test.go), the equivalent
Python program and the expected output, which this script obtains by running
the Python program with CPython 3.12 (3.13 when the Python source starts with
"# python3.13", for Queue.shutdown) after PY_PRELUDE below.

usage: regen.py [--check] [CASES_FILE]
  CASES_FILE  default cases.txt; testdata/subprocess_cases.txt holds the
              subprocess cases (real I/O: the loop blocks on pipes and
              child processes instead of reporting a deadlock)
  --check  only report cases whose recorded output differs from Python's
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "bindings", "asyncio", "testdata", "cases.txt")
PY312 = os.environ.get("PY312", "/root/.pyenv/versions/3.12.1/bin/python3.12")
PY313 = os.environ.get("PY313", "/root/.pyenv/versions/3.13.0/bin/python3.13")

PY_PRELUDE = r'''
import asyncio, builtins, json
T0 = 0.0
def now():
    return f"{asyncio.get_running_loop().time() - T0:.1f}"
def _fmt(x):
    if x is True: return "true"
    if x is False: return "false"
    if x is None: return "null"
    return x
def print(*a):
    builtins.print(*[_fmt(x) for x in a], flush=True)
def J(x):
    return json.dumps(x, separators=(",", ":"))
def N(e):
    return type(e).__name__
class VirtualLoop(asyncio.SelectorEventLoop):
    """Virtual time, as arun's --virtual-time: the clock jumps to the next
    timer instead of sleeping, so traces are exact and deterministic."""
    def __init__(self):
        super().__init__()
        self._vt = 0.0
        sel = self._selector
        real = sel.select
        def select(timeout=None):
            if timeout is None:
                if len(sel.get_map()) <= 1:  # only the loop's self-pipe
                    raise RuntimeError("deadlock: nothing left to run")
                return real(None)  # a child process or a pipe: real I/O
            if timeout > 0:
                self._vt += timeout
            return real(0)
        sel.select = select
    def time(self):
        return self._vt
_orig_run = asyncio.run
def _run(coro):
    async def _main():
        global T0
        T0 = asyncio.get_running_loop().time()
        return await coro
    return _orig_run(_main(), loop_factory=VirtualLoop)
asyncio.run = _run
'''

def parse(text):
    cases = []
    for block in re.split(r"^### ", text, flags=re.M)[1:]:
        name, _, rest = block.partition("\n")
        parts = re.split(r"^--- (js|py|out)\n", rest, flags=re.M)
        sec = {}
        for i in range(1, len(parts), 2):
            sec[parts[i]] = parts[i + 1]
        cases.append((name.strip(), sec))
    return cases

def run_py(src):
    exe = PY313 if src.startswith("# python3.13") else PY312
    p = subprocess.run([exe, "-c", PY_PRELUDE + "\n" + src], capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        raise SystemExit(f"python failed:\n{src}\n{p.stderr}")
    return p.stdout

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check = "--check" in sys.argv
    path = args[0] if args else DEFAULT
    text = open(path).read()
    m = re.search(r"^### ", text, flags=re.M)
    header = text[: m.start()] if m else text
    out = [header]
    bad = 0
    for name, sec in parse(text):
        got = run_py(sec["py"]).rstrip("\n") + "\n"
        if check and sec.get("out", "").rstrip("\n") + "\n" != got:
            bad += 1
            print(f"{name}: recorded output differs from Python's:\n{got}")
        out.append(f"### {name}\n--- js\n{sec['js'].rstrip()}\n--- py\n{sec['py'].rstrip()}\n--- out\n{got}\n")
    if check:
        sys.exit(1 if bad else 0)
    open(path, "w").write("".join(out).rstrip("\n") + "\n")

main()
