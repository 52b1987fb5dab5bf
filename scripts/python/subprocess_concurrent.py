# Running commands concurrently (Python docs: asyncio subprocesses): a
# Semaphore(2) bounds the children, communicate() collects their output, a
# command that takes too long is cancelled by wait_for. arun's port:
# scripts/subprocess_concurrent.js
import asyncio
import re
from asyncio.subprocess import PIPE

commands = [  # (command, timeout in seconds or None)
    ("echo hello from $0", None),
    ("printf 'one\\ntwo\\nthree\\n' | sort -r", None),
    ("echo to stderr >&2; exit 3", None),
    ("seq 1 100000 | tail -n 1", None),
    ("exec sleep 30", 0.5),
    ("no-such-command-xyz", None),
]

running = most = 0


async def run(sem, cmd, timeout):
    global running, most
    async with sem:
        running += 1
        most = max(most, running)
        try:
            p = await asyncio.create_subprocess_shell(cmd, stdout=PIPE, stderr=PIPE)
            try:
                out, err = await asyncio.wait_for(p.communicate(), timeout)
                return dict(cmd=cmd, code=p.returncode, out=out.decode().strip(), err=err.decode().strip())
            except asyncio.TimeoutError:
                # CPython leaves the child running: kill it as arun's waitFor does
                p.kill()
                return dict(cmd=cmd, code=await p.wait(), out="", err="timed out, killed")
        finally:
            running -= 1


async def main():
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*(run(sem, c, t) for c, t in commands), return_exceptions=True)
    for r in results:
        print(f"$ {r['cmd']}")
        if r["out"]:
            print("  stdout: " + " | ".join(r["out"].split("\n")))
        if r["err"]:
            print("  stderr: " + re.sub(r"^.*: (\d+: )?", "", r["err"], count=1))
        print(f"  exit status {r['code']}")
    print(f"at most {most} commands ran at once")


asyncio.run(main())
