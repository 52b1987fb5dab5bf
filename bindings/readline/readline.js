// arun "readline" and "readline/promises": Node's Interface over a stream
// of text, on the "events" EventEmitter. stdinRead (readline.go) feeds the
// host's stdin when the runtime has no process.stdin stream.
(function (require, stdinRead, g) {
  "use strict";
  const EventEmitter = require("events");
  const nextTick = (fn, ...args) => g.process.nextTick(fn, ...args);
  const kQuestion = Symbol("kQuestion");

  function err(Ctor, code, msg) {
    const e = new Ctor(msg);
    e.code = code;
    return e;
  }
  class AbortError extends Error {
    constructor(message, options) {
      super(message || "The operation was aborted", options);
      this.code = "ABORT_ERR";
      this.name = "AbortError";
    }
  }

  // The host's stdin as a Readable, made once.
  let stdinStream = null;
  function hostStdin() {
    if (g.process && g.process.stdin && typeof g.process.stdin.on === "function") return g.process.stdin;
    if (stdinStream) return stdinStream;
    const { Readable } = require("stream");
    let stop = null;
    stdinStream = new Readable({
      read() {
        // paused: no read in flight (it would hold the run); resume reads
        if (stop || this.isPaused()) return;
        stop = stdinRead((ab, message) => {
          stop = null;
          if (message) this.destroy(new Error(message));
          else if (ab === null) this.push(null);
          else this.push(Buffer.from(ab));
        });
      },
      destroy(e, cb) {
        if (stop) stop();
        stop = null;
        cb(e);
      },
    });
    // a paused stdin does not hold the run
    stdinStream.on("pause", () => {
      if (stop) {
        stop();
        stop = null;
        stdinStream._readableState.reading = false;
      }
    });
    stdinStream.on("resume", () => {
      if (!stop && stdinStream._readableState.reading) stdinStream._read();
    });
    stdinStream.fd = 0;
    stdinStream.isTTY = false;
    return stdinStream;
  }

  function Interface(input, output, completer, terminal) {
    if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
    EventEmitter.call(this);
    // createInterface(options) or createInterface(input, output, ...)
    const opts = input && typeof input === "object" && typeof input.on !== "function" ? input : { input, output, completer, terminal };
    this.input = opts.input === undefined ? hostStdin() : opts.input;
    this.output = opts.output;
    if (!this.input || typeof this.input.on !== "function") {
      throw err(TypeError, "ERR_INVALID_ARG_TYPE", 'The "input" argument must be an instance of EventEmitter. Received ' + String(this.input));
    }
    this.terminal = false;
    this.line = "";
    this.cursor = 0;
    this.history = [];
    this.crlfDelay = opts.crlfDelay === undefined ? 100 : Math.max(100, opts.crlfDelay);
    this.closed = false;
    this.paused = false;
    this._prompt = opts.prompt === undefined ? "> " : String(opts.prompt);
    this._rest = "";
    this._sawCR = false;
    this._decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    this[kQuestion] = null;
    const onData = (chunk) => this._onData(chunk);
    const onEnd = () => {
      const tail = this._decoder.decode();
      if (tail) this._onText(tail);
      if (this._rest.length > 0) {
        const l = this._rest;
        this._rest = "";
        this._onLine(l);
      }
      this.close();
    };
    const onError = (e) => this.emit("error", e);
    this.input.on("data", onData);
    this.input.on("end", onEnd);
    this.input.on("error", onError);
    this._detach = () => {
      this.input.removeListener("data", onData);
      this.input.removeListener("end", onEnd);
      this.input.removeListener("error", onError);
    };
    if (opts.signal) {
      const onAbort = () => this.close();
      if (opts.signal.aborted) nextTick(onAbort);
      else {
        opts.signal.addEventListener("abort", onAbort, { once: true });
        this.once("close", () => opts.signal.removeEventListener("abort", onAbort));
      }
    }
    if (typeof this.input.resume === "function") this.input.resume();
  }
  Object.setPrototypeOf(Interface.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(Interface, EventEmitter);

  Interface.prototype._onData = function (chunk) {
    if (typeof chunk === "string") this._onText(chunk);
    else this._onText(this._decoder.decode(chunk, { stream: true }));
  };
  Interface.prototype._onText = function (s) {
    if (this._sawCR && s[0] === "\n") s = s.slice(1);
    this._sawCR = false;
    let text = this._rest + s;
    const re = /\r\n|\n|\r/g;
    let start = 0, m;
    const lines = [];
    while ((m = re.exec(text)) !== null) {
      if (m[0] === "\r" && m.index === text.length - 1) this._sawCR = true;
      lines.push(text.slice(start, m.index));
      start = re.lastIndex;
    }
    this._rest = text.slice(start);
    for (const l of lines) {
      if (this.closed) break;
      this._onLine(l);
    }
  };
  Interface.prototype._onLine = function (line) {
    const q = this[kQuestion];
    if (q) {
      this[kQuestion] = null;
      q(line);
      return;
    }
    this.emit("line", line);
  };
  Interface.prototype._write = function (s) {
    if (this.output && typeof this.output.write === "function") this.output.write(s);
  };
  Interface.prototype.setPrompt = function (p) { this._prompt = String(p); };
  Interface.prototype.getPrompt = function () { return this._prompt; };
  Interface.prototype.prompt = function () {
    if (this.closed) throw err(Error, "ERR_USE_AFTER_CLOSE", "readline was closed");
    if (this.paused) this.resume();
    this._write(this._prompt);
  };
  Interface.prototype.question = function (query, options, cb) {
    if (typeof options === "function") {
      cb = options;
      options = {};
    }
    options = options || {};
    if (this.closed) throw err(Error, "ERR_USE_AFTER_CLOSE", "readline was closed");
    if (typeof cb !== "function") return;
    if (this[kQuestion]) {
      this.prompt();
      return;
    }
    const signal = options.signal;
    if (signal) {
      if (signal.aborted) return;
      const onAbort = () => { this[kQuestion] = null; };
      signal.addEventListener("abort", onAbort, { once: true });
      const inner = cb;
      cb = (a) => {
        signal.removeEventListener("abort", onAbort);
        inner(a);
      };
    }
    this[kQuestion] = cb;
    if (this.paused) this.resume();
    this._write(String(query));
  };
  Interface.prototype.write = function (data) {
    if (this.closed) throw err(Error, "ERR_USE_AFTER_CLOSE", "readline was closed");
    if (this.paused) this.resume();
    if (data != null) this._onText(String(data));
  };
  Interface.prototype.pause = function () {
    if (this.paused) return this;
    if (typeof this.input.pause === "function") this.input.pause();
    this.paused = true;
    this.emit("pause");
    return this;
  };
  Interface.prototype.resume = function () {
    if (!this.paused) return this;
    if (typeof this.input.resume === "function") this.input.resume();
    this.paused = false;
    this.emit("resume");
    return this;
  };
  Interface.prototype.close = function () {
    if (this.closed) return;
    this.pause();
    this._detach();
    this.closed = true;
    this.emit("close");
  };
  Interface.prototype.getCursorPos = function () { return { rows: 0, cols: this.cursor }; };
  Interface.prototype[Symbol.asyncIterator] = function () {
    const queue = [];
    let waiting = null, done = this.closed, error = null;
    const onLine = (l) => {
      if (waiting) {
        const w = waiting;
        waiting = null;
        w.resolve({ value: l, done: false });
      } else queue.push(l);
    };
    const finish = () => {
      done = true;
      cleanup();
      if (waiting) {
        const w = waiting;
        waiting = null;
        if (error) w.reject(error);
        else w.resolve({ value: undefined, done: true });
      }
    };
    const onError = (e) => {
      error = e;
      finish();
    };
    const cleanup = () => {
      this.removeListener("line", onLine);
      this.removeListener("close", finish);
      this.removeListener("error", onError);
    };
    this.on("line", onLine);
    this.on("close", finish);
    this.on("error", onError);
    const self = this;
    return {
      next() {
        if (queue.length) return Promise.resolve({ value: queue.shift(), done: false });
        if (error) {
          const e = error;
          error = null;
          return Promise.reject(e);
        }
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => { waiting = { resolve, reject }; });
      },
      return() {
        done = true;
        cleanup();
        queue.length = 0;
        self.close();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() { return this; },
    };
  };

  // readline/promises: the same Interface, with question returning a promise.
  function PromisesInterface(input, output, completer, terminal) {
    if (!(this instanceof PromisesInterface)) return new PromisesInterface(input, output, completer, terminal);
    Interface.call(this, input, output, completer, terminal);
  }
  Object.setPrototypeOf(PromisesInterface.prototype, Interface.prototype);
  Object.setPrototypeOf(PromisesInterface, Interface);
  PromisesInterface.prototype.question = function (query, options) {
    options = options || {};
    return new Promise((resolve, reject) => {
      const signal = options.signal;
      if (signal && signal.aborted) return reject(new AbortError(undefined, { cause: signal.reason }));
      if (signal) {
        signal.addEventListener("abort", () => {
          this[kQuestion] = null;
          reject(new AbortError(undefined, { cause: signal.reason }));
        }, { once: true });
      }
      Interface.prototype.question.call(this, query, {}, resolve);
    });
  };

  function createInterface(input, output, completer, terminal) { return new Interface(input, output, completer, terminal); }
  const CSI = "\x1b[";
  const done = (cb) => { if (typeof cb === "function") nextTick(cb, null); return true; };
  function cursorTo(stream, x, y, cb) {
    if (typeof y === "function") { cb = y; y = undefined; }
    if (!stream || typeof stream.write !== "function") return done(cb);
    const data = typeof y !== "number" ? `${CSI}${x + 1}G` : `${CSI}${y + 1};${x + 1}H`;
    return stream.write(data, cb);
  }
  function moveCursor(stream, dx, dy, cb) {
    if (!stream || typeof stream.write !== "function" || (!dx && !dy)) return done(cb);
    let data = "";
    if (dx < 0) data += `${CSI}${-dx}D`; else if (dx > 0) data += `${CSI}${dx}C`;
    if (dy < 0) data += `${CSI}${-dy}A`; else if (dy > 0) data += `${CSI}${dy}B`;
    return stream.write(data, cb);
  }
  function clearLine(stream, dir, cb) {
    if (!stream || typeof stream.write !== "function") return done(cb);
    return stream.write(dir < 0 ? `${CSI}1K` : dir > 0 ? `${CSI}0K` : `${CSI}2K`, cb);
  }
  function clearScreenDown(stream, cb) {
    if (!stream || typeof stream.write !== "function") return done(cb);
    return stream.write(`${CSI}0J`, cb);
  }
  function emitKeypressEvents() {}
  const readline = { Interface, createInterface, cursorTo, moveCursor, clearLine, clearScreenDown, emitKeypressEvents };
  readline.promises = {
    Interface: PromisesInterface,
    createInterface(input, output, completer, terminal) { return new PromisesInterface(input, output, completer, terminal); },
  };
  return { readline, promises: readline.promises };
})
