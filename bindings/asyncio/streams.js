// arun's asyncio streams: CPython's open_connection/start_server with
// StreamReader, StreamWriter and Server (asyncio/streams.py), over the Go
// natives S of streams.go, which own the sockets, the read buffer and the
// write buffer. N is asyncio's core natives, A the asyncio exports built so
// far, H asyncio.js's internal hooks. Reads resolve to Buffers (CPython
// returns bytes).
(function (N, S, A, H) {
  "use strict";

  const { CancelledError, Future, createTask } = A;

  // H is asyncio.js's internal hooks: its error helpers are shared
  const { errorClass, RuntimeError, ValueError } = H;

  // IncompleteReadError(partial, expected): EOF came before readexactly's n
  // bytes (expected) or readuntil's separator (expected null).
  class IncompleteReadError extends Error {
    constructor(partial, expected) {
      if (expected === undefined) expected = null;
      const n = partial ? partial.length : 0;
      super(`${n} bytes read on a total of ${expected === null ? "undefined" : expected} expected bytes`);
      this.partial = partial;
      this.expected = expected;
    }
  }
  Object.defineProperty(IncompleteReadError.prototype, "name", { value: "IncompleteReadError", writable: true, configurable: true });

  // LimitOverrunError(message, consumed): readuntil's chunk would pass the
  // reader's limit; consumed is how many bytes are to be consumed.
  class LimitOverrunError extends Error {
    constructor(message, consumed) {
      super(message === undefined || message === null ? "" : String(message));
      this.consumed = consumed;
    }
  }
  Object.defineProperty(LimitOverrunError.prototype, "name", { value: "LimitOverrunError", writable: true, configurable: true });

  const READ = 0, EXACTLY = 1, UNTIL = 2, LINE = 3;
  const EOL = "\n";
  const PRIVATE = {};

  function limitOf(opts) {
    if (opts === undefined || opts === null || opts.limit === undefined || opts.limit === null) return 65536;
    const l = Number(opts.limit);
    if (!(l > 0) || !Number.isFinite(l)) throw new ValueError("limit must be a positive number");
    return Math.floor(l);
  }

  function handleOf(x) {
    if (x === null || typeof x !== "object" || x._h === undefined) throw new TypeError("not a stream");
    return x._h;
  }

  class StreamReader {
    constructor(key, h) {
      if (key !== PRIVATE) throw new TypeError("StreamReader is made by openConnection and startServer");
      this._h = h;
    }
    // read(n = -1): up to n bytes (at least one unless at EOF); n = -1
    // reads to EOF.
    read(n) {
      return S.read(this._h, READ, n === undefined ? -1 : n);
    }
    // readline(): a line with its "\n", or what is left before EOF.
    readline() {
      return S.read(this._h, LINE, 0, EOL);
    }
    // readexactly(n): n bytes, or IncompleteReadError at EOF.
    readexactly(n) {
      return S.read(this._h, EXACTLY, n);
    }
    // readuntil(sep = "\n"): the bytes up to and including sep.
    readuntil(sep) {
      return S.read(this._h, UNTIL, 0, sep === undefined ? EOL : sep);
    }
    atEof() {
      return S.atEof(this._h);
    }
    exception() {
      return S.exception(this._h);
    }
    // for await (const line of reader): readline until EOF.
    [Symbol.asyncIterator]() {
      const r = this;
      return {
        next() {
          return r.readline().then((line) => (line.length === 0 ? { value: undefined, done: true } : { value: line, done: false }));
        },
        return() {
          return Promise.resolve({ value: undefined, done: true });
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    }
    toString() {
      return `<StreamReader${S.describe(this._h, true)}>`;
    }
  }

  // transport: the part of CPython's transport a writer exposes.
  class Transport {
    constructor(key, h) {
      if (key !== PRIVATE) throw new TypeError("illegal constructor");
      this._h = h;
    }
    getWriteBufferSize() {
      return S.bufferSize(this._h);
    }
    getWriteBufferLimits() {
      return S.limits(this._h);
    }
    setWriteBufferLimits(high, low) {
      S.setLimits(this._h, high, low);
    }
    isClosing() {
      return S.isClosing(this._h);
    }
    close() {
      S.close(this._h);
    }
    abort() {
      S.abort(this._h);
    }
    canWriteEof() {
      return true;
    }
    writeEof() {
      S.writeEof(this._h);
    }
    getExtraInfo(name, dflt) {
      const v = S.extra(this._h, String(name));
      return v === undefined ? dflt : v;
    }
  }

  class StreamWriter {
    constructor(key, h) {
      if (key !== PRIVATE) throw new TypeError("StreamWriter is made by openConnection and startServer");
      this._h = h;
      this.transport = new Transport(PRIVATE, h);
    }
    // write(data): buffers a string (UTF-8) or bytes; await drain() after.
    write(data) {
      S.write(this._h, data);
    }
    writelines(data) {
      for (const d of data) S.write(this._h, d);
    }
    drain() {
      return S.drain(this._h);
    }
    close() {
      S.close(this._h);
    }
    isClosing() {
      return S.isClosing(this._h);
    }
    waitClosed() {
      return S.waitClosed(this._h);
    }
    canWriteEof() {
      return true;
    }
    writeEof() {
      S.writeEof(this._h);
    }
    getExtraInfo(name, dflt) {
      return this.transport.getExtraInfo(name, dflt);
    }
    toString() {
      return `<StreamWriter${S.describe(this._h, false)}>`;
    }
  }

  function pair(h) {
    return [new StreamReader(PRIVATE, h), new StreamWriter(PRIVATE, h)];
  }

  // openConnection(host, port, {limit}?) resolves to [reader, writer].
  async function openConnection(host, port, opts) {
    const limit = limitOf(opts);
    const h = await S.connect(host === undefined || host === null ? "localhost" : String(host), port, limit);
    return pair(h);
  }

  class Server {
    constructor(key) {
      if (key !== PRIVATE) throw new TypeError("Server is made by startServer");
      this._forever = null;
      this._isClosed = false;
    }
    _init(info, cb) {
      this._h = info.handle;
      this._cb = cb;
      const hostname = info.hostname, port = info.port, family = info.family;
      this._address = { hostname, port };
      const sock = {
        family,
        getsockname() {
          return [hostname, port];
        },
        address() {
          return { hostname, port };
        },
        toString() {
          return `<socket ${family} ${hostname}:${port}>`;
        },
      };
      this._sockets = [sock];
    }
    // each connection runs clientConnected(reader, writer) as its own task
    _client(h) {
      const [reader, writer] = pair(h);
      const cb = this._cb;
      const t = createTask(() => cb(reader, writer));
      t.addDoneCallback((t) => {
        if (t.cancelled()) {
          writer.close();
          return;
        }
        const e = t.exception();
        if (e !== null) {
          N.stderr(`asyncio: unhandled exception in client_connected_cb: ${N.cleanStack(e instanceof Error ? String(e.stack || e) : String(e))}\n`);
          writer.close();
        }
      });
    }
    _closed() {
      this._isClosed = true;
      const f = this._forever;
      this._forever = null;
      if (f !== null && !f.done()) f.cancel();
    }
    get sockets() {
      return this._isClosed ? [] : this._sockets.slice();
    }
    address() {
      return Object.assign({}, this._address);
    }
    isServing() {
      return !this._isClosed;
    }
    close() {
      S.serverClose(this._h);
    }
    waitClosed() {
      return S.serverWaitClosed(this._h);
    }
    async startServing() {}
    // serveForever(): settles when the server is closed, by rejecting with
    // CancelledError as CPython's serve_forever does; cancelling the task
    // that awaits it closes the server.
    async serveForever() {
      if (this._forever !== null) throw new RuntimeError(`server ${this} is already being awaited on serveForever()`);
      if (this._isClosed) throw new RuntimeError(`server ${this} is closed`);
      const fut = new Future();
      this._forever = fut;
      try {
        await fut;
      } catch (e) {
        if (e instanceof CancelledError) {
          try {
            this.close();
            await this.waitClosed();
          } catch (e2) {
            // the original cancellation wins
          }
        }
        throw e;
      } finally {
        if (this._forever === fut) this._forever = null;
      }
    }
    getLoop() {
      return A.getRunningLoop();
    }
    toString() {
      return `<Server sockets=(${this.sockets.map(String).join(", ")})>`;
    }
  }

  // startServer(clientConnected, host, port, {limit}?) resolves to a
  // listening Server; port 0 picks a free port (see server.address()).
  async function startServer(clientConnected, host, port, opts) {
    if (typeof clientConnected !== "function") throw new TypeError("clientConnected must be a function");
    const limit = limitOf(opts);
    const srv = new Server(PRIVATE);
    const info = S.listen(
      host === undefined || host === null ? "" : String(host),
      port === undefined || port === null ? 0 : port,
      limit,
      (h) => srv._client(h),
      () => srv._closed(),
    );
    srv._init(info, clientConnected);
    return srv;
  }

  return {
    exports: {
      openConnection,
      startServer,
      StreamReader,
      StreamWriter,
      Server,
      IncompleteReadError,
      LimitOverrunError,
    },
    errors: { RuntimeError, ValueError, IncompleteReadError, LimitOverrunError },
    // for subprocess.js: a child's pipes are streams of their own
    internal: {
      reader: (h) => new StreamReader(PRIVATE, h),
      writer: (h) => new StreamWriter(PRIVATE, h),
      close: (x) => S.close(handleOf(x)),
    },
  };
});
