// arun's asyncio subprocesses: CPython's create_subprocess_exec and
// create_subprocess_shell with Process (asyncio/subprocess.py), over the Go
// natives P of subprocess.go, which start and reap the child. A, the
// asyncio exports; H, asyncio.js's hooks; R, streams.js's internals (the
// pipes are StreamReaders and a StreamWriter over streams.go).
(function (P, A, H, R) {
  "use strict";

  const { CancelledError } = A;
  const { ValueError } = H;

  // CPython's subprocess.PIPE, STDOUT and DEVNULL
  const PIPE = -1, STDOUT = -2, DEVNULL = -3;
  const PRIVATE = {};

  function mode(v, name) {
    if (v === undefined || v === null) return null;
    if (v === PIPE || v === DEVNULL || (v === STDOUT && name === "stderr")) return v;
    if (v === STDOUT) throw new ValueError("STDOUT can only be used for stderr");
    throw new ValueError(`invalid ${name}: ${String(v)} (use asyncio.subprocess.PIPE, DEVNULL, STDOUT or null to inherit)`);
  }

  function isOptions(x) {
    return x !== null && typeof x === "object" && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
  }

  class Process {
    constructor(key, info) {
      if (key !== PRIVATE) throw new TypeError("Process is made by createSubprocessExec and createSubprocessShell");
      this._h = info.handle;
      this.pid = info.pid;
      this.stdin = info.stdin === null ? null : R.writer(info.stdin);
      this.stdout = info.stdout === null ? null : R.reader(info.stdout);
      this.stderr = info.stderr === null ? null : R.reader(info.stderr);
    }
    // returncode: null while the child runs; its exit status, or minus the
    // signal that killed it.
    get returncode() {
      return P.returncode(this._h);
    }
    // wait(): the return code, once the child has exited and its piped
    // output is read to its end (as CPython). Cancelling the task that
    // awaits it kills the child.
    wait() {
      return P.wait(this._h);
    }
    sendSignal(sig) {
      P.signal(this._h, sig);
    }
    terminate() {
      P.signal(this._h, 15);
    }
    kill() {
      P.signal(this._h, 9);
    }
    async _feedStdin(input) {
      try {
        if (input !== undefined && input !== null) this.stdin.write(input);
        await this.stdin.drain();
      } catch (e) {
        // as CPython, communicate() ignores a child that does not read
        if (!(e && (e.code === "EPIPE" || e.code === "ECONNRESET"))) throw e;
      }
      this.stdin.close();
    }
    async _readStream(stream) {
      const out = await stream.read();
      R.close(stream);
      return out;
    }
    // communicate(input?): writes input to stdin and closes it, reads
    // stdout and stderr to their end concurrently (no pipe fills up), waits
    // for the child and resolves to [stdout, stderr] (Buffers, or null for
    // a stream not piped). Cancelled, it kills the child.
    async communicate(input) {
      if (input !== undefined && input !== null && this.stdin === null) {
        throw new ValueError("communicate() got input but stdin is not asyncio.subprocess.PIPE");
      }
      const noop = async () => null;
      try {
        const [, out, err] = await A.gather(
          this.stdin !== null ? () => this._feedStdin(input) : noop,
          this.stdout !== null ? () => this._readStream(this.stdout) : noop,
          this.stderr !== null ? () => this._readStream(this.stderr) : noop,
        );
        await this.wait();
        return [out, err];
      } catch (e) {
        if (e instanceof CancelledError && this.returncode === null) P.cancelKill(this._h);
        throw e;
      }
    }
    toString() {
      return `<Process ${this.pid}>`;
    }
  }

  function start(program, args, argv0, opts, verbatim) {
    opts = opts || {};
    const limit = opts.limit === undefined || opts.limit === null ? 65536 : Number(opts.limit);
    if (!(limit > 0) || !Number.isFinite(limit)) throw new ValueError("limit must be a positive number");
    const env = opts.env === undefined || opts.env === null ? null : opts.env;
    if (env !== null && typeof env !== "object") throw new TypeError("env must be an object of strings");
    const cwd = opts.cwd === undefined || opts.cwd === null ? null : String(opts.cwd);
    const info = P.spawn(
      program,
      args,
      argv0,
      mode(opts.stdin, "stdin"),
      mode(opts.stdout, "stdout"),
      mode(opts.stderr, "stderr"),
      cwd,
      env,
      Math.floor(limit),
      !!verbatim,
    );
    return new Process(PRIVATE, info);
  }

  function checkArg(a, what) {
    if (typeof a === "string") return a;
    if (a instanceof URL) return a.pathname;
    const t = a === null ? "null" : typeof a === "object" && a.constructor ? a.constructor.name : typeof a;
    throw new TypeError(`${what} must be a string, not ${t}`);
  }

  // createSubprocessExec(program, ...args, {stdin, stdout, stderr, cwd, env,
  // limit, argv0}?) resolves to a Process; a program that cannot be
  // started rejects (code ENOENT, EACCES), as does a denied run permission.
  async function createSubprocessExec(program, ...rest) {
    const opts = rest.length > 0 && isOptions(rest[rest.length - 1]) ? rest.pop() : {};
    program = checkArg(program, "program");
    const args = rest.map((a) => checkArg(a, "argument"));
    return start(program, args, opts.argv0 === undefined ? null : String(opts.argv0), opts);
  }

  // createSubprocessShell(cmd, opts?): /bin/sh -c cmd; on Windows, as
  // CPython, %COMSPEC% /c "cmd" (else cmd.exe), the command line as it is.
  async function createSubprocessShell(cmd, opts) {
    if (typeof cmd !== "string") throw new TypeError("cmd must be a string");
    if (process.platform === "win32") {
      let shell = "cmd.exe";
      try {
        shell = process.env.COMSPEC || process.env.ComSpec || shell;
      } catch (e) {
        // no env permission: cmd.exe
      }
      return start(shell, ["/c", `"${cmd}"`], null, opts, true);
    }
    return start("/bin/sh", ["-c", cmd], null, opts);
  }

  const subprocess = Object.freeze({ PIPE, STDOUT, DEVNULL, Process });

  // toThread(fn, ...args): a blocking host (Go) function run off the loop
  // (CPython's to_thread); JavaScript functions go to toWorker.
  function toThread(fn, ...args) {
    return P.toThread(fn, ...args);
  }
  // loop.runInExecutor(executor, fn, ...args): the default executor (null)
  // is toThread's.
  const loop = A.getEventLoop();
  if (loop && typeof loop.runInExecutor !== "function") {
    loop.runInExecutor = function runInExecutor(executor, fn, ...args) {
      if (executor !== undefined && executor !== null) throw new TypeError("runInExecutor: only the default executor (null) is supported");
      return P.toThread(fn, ...args);
    };
  }

  return { createSubprocessExec, createSubprocessShell, subprocess, Process, toThread };
});
