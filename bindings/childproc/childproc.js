// arun's child_process: Node's API over the natives N of childproc.go (which
// start, signal and reap the child and move bytes through its pipes), with
// EventEmitter from the events module. The stdio streams are a small part
// of Node's stream.Readable and stream.Writable: what scripts use on a
// child's pipes ('data', 'end', 'close', 'error', setEncoding, pause,
// resume, pipe, for await; write with its callback and 'drain', end,
// 'finish').
(function (N, events) {
  "use strict";

  const EventEmitter = events.EventEmitter || events;
  const kCustomPromisify = Symbol.for("nodejs.util.promisify.custom");

  function codeError(Ctor, code, message) {
    const e = new Ctor(message);
    e.code = code;
    return e;
  }
  function typeName(v) {
    if (v === null) return "null";
    if (typeof v === "function") return `function ${v.name}`;
    if (typeof v === "object") return v.constructor && v.constructor.name ? `an instance of ${v.constructor.name}` : "object";
    if (typeof v === "string") return `type string ('${v}')`;
    return `type ${typeof v} (${String(v)})`;
  }
  function invalidArg(name, expected, v) {
    return codeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "${name}" argument must be ${expected}. Received ${typeName(v)}`);
  }
  function abortError(signal) {
    const e = new Error("The operation was aborted");
    e.name = "AbortError";
    e.code = "ABORT_ERR";
    if (signal && signal.reason !== undefined) e.cause = signal.reason;
    return e;
  }

  function decode(buf, encoding) {
    if (encoding === undefined || encoding === null || encoding === "buffer") return buf;
    return buf.toString(encoding);
  }

  // ---- streams ----------------------------------------------------------

  const HWM_READ = 65536, HWM_WRITE = 16384;

  // Readable: a child's stdout or stderr (a null handle is already at its
  // end). It reads ahead up to its high-water mark while paused, as Node's
  // pipes do; 'end' comes once the data has been consumed.
  class Readable extends EventEmitter {
    constructor(h) {
      super();
      this._h = h;
      this._buf = [];
      this._len = 0;
      this._reading = false;
      this._eof = h === null;
      this._decoder = null;
      this._encoding = null;
      this.readableFlowing = null;
      this.readableEnded = false;
      this.destroyed = false;
      this.closed = false;
      this.readable = true;
      this._used = false;
      this._pipes = [];
      process.nextTick(() => this._pull());
    }
    get readableLength() {
      return this._len;
    }
    get readableHighWaterMark() {
      return HWM_READ;
    }
    get readableEncoding() {
      return this._encoding;
    }
    on(ev, fn) {
      super.on(ev, fn);
      if (ev === "data") {
        this._used = true;
        if (this.readableFlowing !== false) this.resume();
      }
      return this;
    }
    addListener(ev, fn) {
      return this.on(ev, fn);
    }
    setEncoding(enc) {
      this._encoding = enc === undefined ? "utf8" : String(enc).toLowerCase();
      this._decoder = this._encoding === "utf8" || this._encoding === "utf-8" ? new TextDecoder("utf-8") : null;
      return this;
    }
    _decode(buf) {
      if (this._decoder !== null) return this._decoder.decode(buf, { stream: true });
      return this._encoding === null ? buf : buf.toString(this._encoding);
    }
    resume() {
      this._used = true;
      this.readableFlowing = true;
      process.nextTick(() => this._flow());
      return this;
    }
    pause() {
      this.readableFlowing = false;
      return this;
    }
    isPaused() {
      return this.readableFlowing === false;
    }
    _flow() {
      while (this.readableFlowing && this._buf.length > 0 && !this.destroyed) {
        const b = this._buf.shift();
        this._len -= b.length;
        this.emit("data", this._decode(b));
      }
      this._maybeEnd();
      this._pull();
    }
    _pull() {
      if (this._reading || this._eof || this.destroyed) return;
      if (!this.readableFlowing && this._len >= HWM_READ) return;
      this._reading = true;
      N.read(this._h, (chunk, err) => {
        this._reading = false;
        if (this.destroyed) return;
        if (err !== null && err !== undefined) {
          this.destroy(err);
          return;
        }
        if (chunk === null) {
          this._eof = true;
          N.closePipe(this._h);
        } else {
          this._buf.push(chunk);
          this._len += chunk.length;
        }
        if (this.readableFlowing) this._flow();
        else {
          this._maybeEnd();
          this._pull();
        }
      });
    }
    _maybeEnd() {
      if (!this._eof || this._buf.length > 0 || this.readableEnded || this.destroyed) return;
      if (!this.readableFlowing && this._used) return;
      if (!this._used && !this.readableFlowing) return;
      this.readableEnded = true;
      this.readable = false;
      if (this._decoder !== null) {
        const rest = this._decoder.decode();
        if (rest) this.emit("data", rest);
      }
      this.emit("end");
      for (const d of this._pipes) if (d.end && d !== process.stdout && d !== process.stderr) d.end();
      this._close();
    }
    _close() {
      if (this.closed) return;
      this.closed = true;
      process.nextTick(() => this.emit("close"));
    }
    read() {
      this._used = true;
      if (this._buf.length === 0) {
        this._pull();
        return null;
      }
      const all = Buffer.concat(this._buf);
      this._buf = [];
      this._len = 0;
      process.nextTick(() => {
        this._maybeEnd();
        this._pull();
      });
      return this._decode(all);
    }
    destroy(err) {
      if (this.destroyed) return this;
      this.destroyed = true;
      this.readable = false;
      if (this._h !== null) N.closePipe(this._h);
      if (err) process.nextTick(() => this.emit("error", err));
      this._close();
      return this;
    }
    pipe(dest, opts) {
      this._pipes.push(dest);
      if (opts && opts.end === false) dest = Object.assign(Object.create(dest), { end() {} });
      this.on("data", (chunk) => {
        if (dest.write(chunk) === false && dest.once) {
          this.pause();
          dest.once("drain", () => this.resume());
        }
      });
      return dest;
    }
    unpipe() {
      this._pipes = [];
      this.removeAllListeners("data");
      return this;
    }
    [Symbol.asyncIterator]() {
      const r = this;
      r._used = true;
      const queue = [];
      let waiting = null, done = false, failure = null;
      const settle = () => {
        if (waiting === null) return;
        const w = waiting;
        if (queue.length > 0) {
          waiting = null;
          w.resolve({ value: queue.shift(), done: false });
        } else if (failure !== null) {
          waiting = null;
          w.reject(failure);
        } else if (done) {
          waiting = null;
          w.resolve({ value: undefined, done: true });
        }
      };
      r.on("data", (c) => {
        queue.push(c);
        r.pause();
        settle();
      });
      r.once("end", () => {
        done = true;
        settle();
      });
      r.once("error", (e) => {
        failure = e;
        settle();
      });
      r.once("close", () => {
        done = true;
        settle();
      });
      return {
        next() {
          return new Promise((resolve, reject) => {
            waiting = { resolve, reject };
            settle();
            if (waiting !== null) r.resume();
          });
        },
        return() {
          r.destroy();
          return Promise.resolve({ value: undefined, done: true });
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    }
  }

  // Writable: a child's stdin. Writes go out one at a time in order;
  // write() returns false past the high-water mark, and 'drain' follows.
  class Writable extends EventEmitter {
    constructor(h) {
      super();
      this._h = h;
      this._queue = [];
      this._pending = 0;
      this._busy = false;
      this._needDrain = false;
      this._ending = false;
      this.writable = h !== null;
      this.writableEnded = false;
      this.writableFinished = false;
      this.destroyed = false;
      this.closed = false;
    }
    get writableLength() {
      return this._pending;
    }
    get writableHighWaterMark() {
      return HWM_WRITE;
    }
    write(chunk, encoding, cb) {
      if (typeof encoding === "function") {
        cb = encoding;
        encoding = undefined;
      }
      if (this.writableEnded || this.destroyed) {
        const e = codeError(Error, this.destroyed ? "ERR_STREAM_DESTROYED" : "ERR_STREAM_WRITE_AFTER_END", this.destroyed ? "Cannot call write after a stream was destroyed" : "write after end");
        process.nextTick(() => {
          if (cb) cb(e);
          if (!this.destroyed) this.emit("error", e);
        });
        return false;
      }
      if (typeof chunk === "string") chunk = Buffer.from(chunk, encoding || "utf8");
      else if (!(chunk instanceof Uint8Array)) throw invalidArg("chunk", "of type string or an instance of Buffer or Uint8Array", chunk);
      this._queue.push({ chunk, cb });
      this._pending += chunk.length;
      this._next();
      const ok = this._pending < HWM_WRITE;
      if (!ok) this._needDrain = true;
      return ok;
    }
    _next() {
      if (this._busy || this.destroyed) return;
      if (this._queue.length === 0) {
        if (this._ending && !this.writableFinished) this._finish();
        return;
      }
      const { chunk, cb } = this._queue.shift();
      this._busy = true;
      N.write(this._h, chunk, (err) => {
        this._busy = false;
        this._pending -= chunk.length;
        if (err !== null && err !== undefined) {
          if (cb) cb(err);
          for (const q of this._queue) if (q.cb) q.cb(err);
          this._queue = [];
          this.destroy(err);
          return;
        }
        if (cb) cb(null);
        if (this._needDrain && this._pending < HWM_WRITE && !this._ending) {
          this._needDrain = false;
          this.emit("drain");
        }
        this._next();
      });
    }
    end(chunk, encoding, cb) {
      if (typeof chunk === "function") {
        cb = chunk;
        chunk = undefined;
      } else if (typeof encoding === "function") {
        cb = encoding;
        encoding = undefined;
      }
      if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
      if (cb) this.once("finish", cb);
      if (this.writableEnded) return this;
      this.writableEnded = true;
      this._ending = true;
      this._next();
      return this;
    }
    _finish() {
      this.writableFinished = true;
      this.writable = false;
      if (this._h !== null) N.closePipe(this._h);
      process.nextTick(() => {
        this.emit("finish");
        this._close();
      });
    }
    _close() {
      if (this.closed) return;
      this.closed = true;
      process.nextTick(() => this.emit("close"));
    }
    destroy(err) {
      if (this.destroyed) return this;
      this.destroyed = true;
      this.writable = false;
      if (this._h !== null) N.closePipe(this._h);
      if (err) process.nextTick(() => this.emit("error", err));
      this._close();
      return this;
    }
    cork() {}
    uncork() {}
    setDefaultEncoding() {
      return this;
    }
  }

  // ---- ChildProcess -----------------------------------------------------

  const STDIO = ["pipe", "inherit", "ignore"];

  function normalizeStdio(stdio) {
    if (stdio === undefined || stdio === null) return ["pipe", "pipe", "pipe"];
    if (typeof stdio === "string") {
      if (!STDIO.includes(stdio) && stdio !== "overlapped") {
        throw codeError(TypeError, "ERR_INVALID_ARG_VALUE", `The argument 'stdio' is invalid. Received '${stdio}'`);
      }
      return [stdio, stdio, stdio];
    }
    if (!Array.isArray(stdio)) throw codeError(TypeError, "ERR_INVALID_ARG_VALUE", `The argument 'stdio' is invalid. Received ${typeName(stdio)}`);
    const out = [];
    for (let i = 0; i < Math.max(3, stdio.length); i++) {
      let s = stdio[i];
      if (s === undefined || s === null) s = i < 3 ? "pipe" : "ignore";
      else if (s === i || (typeof process !== "undefined" && s === [process.stdin, process.stdout, process.stderr][i])) s = "inherit";
      if (i >= 3) {
        if (s === "ignore") continue;
        throw codeError(TypeError, "ERR_INVALID_ARG_VALUE", `child_process: stdio[${i}] (${String(s)}) is not supported; only stdin, stdout and stderr`);
      }
      if (typeof s !== "string" || (!STDIO.includes(s) && s !== "overlapped")) {
        throw codeError(TypeError, "ERR_INVALID_ARG_VALUE", `The argument 'stdio' is invalid. Received ${typeName(s)}`);
      }
      out.push(s);
    }
    return out;
  }

  function defaultEnv() {
    try {
      const env = process.env;
      Object.keys(env);
      return env;
    } catch (e) {
      return null; // no env permission: the child gets the host's environment
    }
  }

  // normalizeSpawnArgs is Node's: (file, args?, options?) with the shell
  // option turning the command line into /bin/sh -c (Windows: cmd.exe
  // /d /s /c "...", verbatim).
  function normalizeSpawnArgs(file, args, options) {
    if (typeof file !== "string") throw invalidArg("file", "of type string", file);
    if (file.length === 0) throw codeError(TypeError, "ERR_INVALID_ARG_VALUE", "The argument 'file' cannot be empty. Received ''");
    if (Array.isArray(args)) args = args.slice();
    else if (args === undefined || args === null) args = [];
    else if (typeof args === "object") {
      options = args;
      args = [];
    } else throw invalidArg("args", "an instance of Array", args);
    for (const a of args) if (typeof a !== "string") throw invalidArg("args", "an array of strings", a);
    if (options === undefined || options === null) options = {};
    else if (typeof options !== "object") throw invalidArg("options", "of type object", options);
    if (options.cwd !== undefined && options.cwd !== null) {
      if (options.cwd instanceof URL) options = Object.assign({}, options, { cwd: options.cwd.pathname });
      else if (typeof options.cwd !== "string") throw invalidArg("options.cwd", "of type string or an instance of URL", options.cwd);
    }
    let spawnfile = file, spawnargs;
    let windowsVerbatimArguments = !!options.windowsVerbatimArguments;
    if (options.shell) {
      const command = [file, ...args].join(" ");
      if (process.platform === "win32") {
        // Node's: %ComSpec% or cmd.exe, which takes the command line as it is
        spawnfile = typeof options.shell === "string" ? options.shell : comspec();
        if (/^(?:.*\\)?cmd(?:\.exe)?$/i.test(spawnfile)) {
          spawnargs = [spawnfile, "/d", "/s", "/c", `"${command}"`];
          windowsVerbatimArguments = true;
        } else {
          spawnargs = [spawnfile, "-c", command];
        }
      } else {
        spawnfile = typeof options.shell === "string" ? options.shell : "/bin/sh";
        spawnargs = [spawnfile, "-c", command];
      }
    } else {
      spawnargs = [file, ...args];
    }
    const argv0 = typeof options.argv0 === "string" ? options.argv0 : spawnargs[0];
    return { options, file: spawnfile, args: spawnargs.slice(1), spawnargs, argv0, windowsVerbatimArguments };
  }

  // comspec is Windows's command interpreter: %ComSpec%, else cmd.exe.
  function comspec() {
    try {
      return process.env.comspec || process.env.ComSpec || process.env.COMSPEC || "cmd.exe";
    } catch (e) {
      return "cmd.exe"; // no env permission
    }
  }

  class ChildProcess extends EventEmitter {
    constructor() {
      super();
      this.pid = undefined;
      this.exitCode = null;
      this.signalCode = null;
      this.killed = false;
      this.connected = false;
      this.stdin = null;
      this.stdout = null;
      this.stderr = null;
      this.stdio = [null, null, null];
      this.spawnfile = undefined;
      this.spawnargs = [];
      this._h = null;
      this._closesNeeded = 1;
      this._closesGot = 0;
    }
    // spawn({file, args, argv0, cwd, env, stdio, detached,
    // windowsVerbatimArguments}): Node's
    // internal ChildProcess.prototype.spawn.
    spawn(o) {
      const stdio = normalizeStdio(o.stdio);
      this.spawnfile = o.file;
      this.spawnargs = [o.argv0].concat(o.args);
      const env = o.env === undefined || o.env === null ? defaultEnv() : o.env;
      const r = N.spawn({ file: o.file, args: o.args, argv0: o.argv0, cwd: o.cwd, env, stdio, detached: !!o.detached, windowsVerbatimArguments: !!o.windowsVerbatimArguments });
      if (r.error !== undefined) {
        const err = r.error;
        err.spawnargs = o.args;
        for (let i = 0; i < 3; i++) {
          if (stdio[i] === "pipe") this.stdio[i] = i === 0 ? new Writable(null) : new Readable(null);
        }
        [this.stdin, this.stdout, this.stderr] = this.stdio;
        process.nextTick(() => {
          this.emit("error", err);
          this.emit("close", err.errno, null);
        });
        return err;
      }
      this._h = r.handle;
      this.pid = r.pid;
      for (let i = 0; i < 3; i++) {
        const h = r.pipes[i];
        if (h === null) continue;
        const s = i === 0 ? new Writable(h) : new Readable(h);
        this.stdio[i] = s;
        if (i > 0) {
          this._closesNeeded++;
          s.on("close", () => this._maybeClose());
        }
      }
      [this.stdin, this.stdout, this.stderr] = this.stdio;
      N.wait(this._h, (code, signal) => this._exited(code, signal));
      process.nextTick(() => this.emit("spawn"));
      return undefined;
    }
    _exited(code, signal) {
      this.exitCode = code;
      this.signalCode = signal;
      if (this.stdin && !this.stdin.destroyed) this.stdin.destroy();
      this.emit("exit", code, signal);
      // as Node's flushStdio: output nobody reads is drained, so 'close'
      // comes
      for (const s of [this.stdout, this.stderr]) if (s && !s._used && !s.destroyed) s.resume();
      this._maybeClose();
    }
    _maybeClose() {
      this._closesGot++;
      if (this._closesGot === this._closesNeeded) process.nextTick(() => this.emit("close", this.exitCode, this.signalCode));
    }
    // kill(signal = "SIGTERM"): true if the signal was sent.
    kill(sig) {
      if (this._h === null) return false;
      const ok = N.kill(this._h, sig === undefined ? "SIGTERM" : sig);
      if (ok) this.killed = true;
      return ok;
    }
    // ref and unref: a running child always keeps arun's loop alive here.
    ref() {}
    unref() {}
    disconnect() {}
    [Symbol.dispose]() {
      if (this.exitCode === null && this.signalCode === null) this.kill();
    }
  }

  // abortable wires options.signal and options.timeout to a child.
  function abortable(child, options, onAbort) {
    const killSignal = options.killSignal === undefined ? "SIGTERM" : options.killSignal;
    const signal = options.signal;
    if (signal !== undefined && signal !== null) {
      if (typeof signal !== "object" || !("aborted" in signal)) throw invalidArg("options.signal", "an instance of AbortSignal", signal);
      const abort = () => {
        if (child.exitCode === null && child.signalCode === null) child.kill(killSignal);
        (onAbort || ((e) => child.emit("error", e)))(abortError(signal));
      };
      if (signal.aborted) process.nextTick(abort);
      else {
        signal.addEventListener("abort", abort, { once: true });
        child.once("exit", () => signal.removeEventListener("abort", abort));
      }
    }
    const timeout = options.timeout;
    if (timeout !== undefined && timeout !== null && timeout !== 0) {
      if (typeof timeout !== "number" || !(timeout >= 0) || !Number.isInteger(timeout)) {
        throw codeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "timeout" is out of range. It must be an unsigned integer. Received ${String(timeout)}`);
      }
      const t = setTimeout(() => child.kill(killSignal), timeout);
      child.once("exit", () => clearTimeout(t));
    }
  }

  // spawn(command, args?, options?) starts a child and returns its
  // ChildProcess; a program that cannot start emits 'error'.
  function spawn(file, args, options) {
    const o = normalizeSpawnArgs(file, args, options);
    const opts = o.options;
    const child = new ChildProcess();
    child.spawn({ file: o.file, args: o.args, argv0: o.argv0, cwd: opts.cwd, env: opts.env, stdio: opts.stdio, detached: opts.detached, windowsVerbatimArguments: o.windowsVerbatimArguments });
    abortable(child, opts);
    return child;
  }

  // execFile(file, args?, options?, callback?): collects the output;
  // callback(error, stdout, stderr).
  function execFile(file, args, options, callback) {
    if (typeof args === "function") {
      callback = args;
      args = [];
      options = undefined;
    } else if (typeof options === "function") {
      callback = options;
      options = undefined;
    }
    if (args !== undefined && args !== null && !Array.isArray(args) && typeof args === "object") {
      options = args;
      args = [];
    }
    if (callback !== undefined && callback !== null && typeof callback !== "function") throw invalidArg("callback", "of type function", callback);
    options = Object.assign({ encoding: "utf8", timeout: 0, maxBuffer: 1024 * 1024, killSignal: "SIGTERM", shell: false }, options || {});
    const maxBuffer = options.maxBuffer;
    const o = normalizeSpawnArgs(file, args, { shell: options.shell, argv0: options.argv0 });
    const child = new ChildProcess();
    child.spawn({ file: o.file, args: o.args, argv0: o.argv0, cwd: options.cwd, env: options.env, stdio: ["pipe", "pipe", "pipe"] });
    const cmd = options.shell ? [file, ...(args || [])].join(" ") : [file, ...(args || [])].join(" ");
    const encoding = options.encoding;
    const out = { stdout: [], stderr: [] };
    const len = { stdout: 0, stderr: 0 };
    let ex = null, killed = false, called = false;
    const finish = (code, signal) => {
      if (called) return;
      called = true;
      if (!callback) return;
      const stdout = decode(Buffer.concat(out.stdout), encoding);
      const stderr = decode(Buffer.concat(out.stderr), encoding);
      if (ex === null && code === 0 && signal === null) {
        callback(null, stdout, stderr);
        return;
      }
      if (ex === null) {
        ex = new Error(`Command failed: ${cmd}\n${stderr}`);
        ex.code = code === null ? null : code;
        ex.killed = child.killed || killed;
        ex.signal = signal;
      }
      ex.cmd = cmd;
      callback(ex, stdout, stderr);
    };
    const kill = () => {
      // as Node: the output ends here (a grandchild may keep the pipes)
      if (child.stdout) child.stdout.destroy();
      if (child.stderr) child.stderr.destroy();
      killed = true;
      try {
        child.kill(options.killSignal);
      } catch (e) {
        ex = e;
        finish(null, null);
      }
    };
    for (const name of ["stdout", "stderr"]) {
      const s = child[name];
      s.on("data", (chunk) => {
        if (ex !== null) return;
        const room = maxBuffer - len[name];
        if (chunk.length > room) {
          if (room > 0) out[name].push(chunk.subarray(0, room));
          len[name] = maxBuffer;
          ex = codeError(RangeError, "ERR_CHILD_PROCESS_STDIO_MAXBUFFER", `${name} maxBuffer length exceeded`);
          kill();
          return;
        }
        out[name].push(chunk);
        len[name] += chunk.length;
      });
    }
    child.on("close", (code, signal) => finish(code, signal));
    child.on("error", (e) => {
      ex = e;
      if (child.stdout) child.stdout.destroy();
      if (child.stderr) child.stderr.destroy();
      finish(null, null);
    });
    abortable(child, { signal: options.signal, killSignal: options.killSignal }, (e) => child.emit("error", e));
    if (options.timeout > 0) {
      const t = setTimeout(() => kill(), options.timeout);
      child.once("exit", () => clearTimeout(t));
    }
    return child;
  }

  // exec(command, options?, callback?): execFile through the shell.
  function exec(command, options, callback) {
    if (typeof options === "function") {
      callback = options;
      options = undefined;
    }
    if (typeof command !== "string") throw invalidArg("command", "of type string", command);
    options = Object.assign({}, options || {});
    options.shell = typeof options.shell === "string" ? options.shell : true;
    return execFile(command, [], options, callback);
  }

  // the util.promisify forms: resolve to {stdout, stderr}; reject with the
  // error carrying them; the promise has .child
  function promisified(fn) {
    return function (...args) {
      let child;
      const p = new Promise((resolve, reject) => {
        child = fn(...args, (err, stdout, stderr) => {
          if (err) {
            err.stdout = stdout;
            err.stderr = stderr;
            reject(err);
          } else resolve({ stdout, stderr });
        });
      });
      p.child = child;
      return p;
    };
  }
  Object.defineProperty(exec, kCustomPromisify, { value: promisified(exec), enumerable: false });
  Object.defineProperty(execFile, kCustomPromisify, { value: promisified(execFile), enumerable: false });

  // ---- the Sync functions (they block the loop until the child ends) ----

  function spawnSync(file, args, options) {
    const o = normalizeSpawnArgs(file, args, options);
    const opts = o.options;
    const stdio = normalizeStdio(opts.stdio);
    let input = opts.input;
    if (input !== undefined && input !== null && typeof input !== "string" && !(input instanceof Uint8Array)) {
      throw invalidArg("options.input", "of type string or an instance of Buffer, TypedArray, or DataView", input);
    }
    const env = opts.env === undefined || opts.env === null ? defaultEnv() : opts.env;
    const r = N.spawnSync({
      file: o.file, args: o.args, argv0: o.argv0, cwd: opts.cwd, env, stdio, detached: !!opts.detached,
      windowsVerbatimArguments: o.windowsVerbatimArguments,
      input, timeout: opts.timeout, maxBuffer: opts.maxBuffer === undefined ? 1024 * 1024 : opts.maxBuffer,
      killSignal: opts.killSignal,
    });
    const res = { pid: r.pid, output: r.output, stdout: r.stdout, stderr: r.stderr, status: r.status, signal: r.signal };
    if (r.error !== undefined) {
      res.error = r.error;
      res.error.spawnargs = o.args;
    }
    const enc = opts.encoding;
    if (enc && enc !== "buffer" && res.output) {
      res.output = res.output.map((x) => (x === null ? null : x.toString(enc)));
      res.stdout = res.output[1];
      res.stderr = res.output[2];
    }
    return res;
  }

  function checkSync(res, cmd) {
    let err = res.error;
    if (!err && res.status === 0) return;
    if (!err) {
      let msg = `Command failed: ${cmd}`;
      if (res.stderr && res.stderr.length > 0) msg += `\n${res.stderr.toString()}`;
      err = new Error(msg);
    }
    Object.assign(err, { status: res.status, signal: res.signal, output: res.output, pid: res.pid, stdout: res.stdout, stderr: res.stderr });
    throw err;
  }

  function syncOptions(options) {
    options = Object.assign({}, options || {});
    if (options.stdio === undefined) options.stdio = ["pipe", "pipe", "inherit"];
    return options;
  }

  // execFileSync(file, args?, options?): stdout (a Buffer, or a string
  // with an encoding); throws if the child failed.
  function execFileSync(file, args, options) {
    if (args !== undefined && args !== null && !Array.isArray(args) && typeof args === "object") {
      options = args;
      args = [];
    }
    options = syncOptions(options);
    const res = spawnSync(file, args, options);
    checkSync(res, [file, ...(args || [])].join(" "));
    return res.stdout;
  }

  // execSync(command, options?): execFileSync through the shell.
  function execSync(command, options) {
    if (typeof command !== "string") throw invalidArg("command", "of type string", command);
    options = syncOptions(options);
    options.shell = typeof options.shell === "string" ? options.shell : true;
    const res = spawnSync(command, [], options);
    checkSync(res, command);
    return res.stdout;
  }

  function fork() {
    throw codeError(Error, "ERR_NOT_SUPPORTED", "child_process.fork is not supported by arun (no IPC channel); use spawn, or asyncio.toWorker for JS work");
  }

  return { ChildProcess, spawn, exec, execFile, spawnSync, execSync, execFileSync, fork, _forkChild: undefined };
});
