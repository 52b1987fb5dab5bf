// The JavaScript half of arun's fs modules: Node's argument handling and the
// Stats, Dirent and FileHandle classes, over the Go functions in `native`
// (fs.go). Compiled once per process, run once per runtime on first require.
(function (native, Buffer, asyncIteratorSym, asyncDisposeSym) {
  "use strict";
  const constants = native.constants;
  const { S_IFMT, S_IFREG, S_IFDIR, S_IFLNK, S_IFIFO, S_IFSOCK, S_IFCHR, S_IFBLK } = constants;

  function describe(v) {
    if (v === null) return "null";
    if (v === undefined) return "undefined";
    if (typeof v === "function") return `function ${v.name}`;
    if (typeof v === "object") {
      if (v.constructor && v.constructor.name) return `an instance of ${v.constructor.name}`;
      return "an instance of Object";
    }
    let s = String(v);
    if (typeof v === "string") s = `'${s.length > 25 ? s.slice(0, 25) + "..." : s}'`;
    return `type ${typeof v} (${s})`;
  }
  function invalidType(name, expected, v) {
    const e = new TypeError(`The "${name}" argument must be ${expected}. Received ${describe(v)}`);
    e.code = "ERR_INVALID_ARG_TYPE";
    return e;
  }
  function invalidValue(name, v, reason) {
    const e = new TypeError(`The argument '${name}' ${reason || "is invalid"}. Received ${describe(v)}`);
    e.code = "ERR_INVALID_ARG_VALUE";
    return e;
  }
  function toPath(p, name) {
    name = name || "path";
    if (typeof p === "string") {
      if (p.includes("\u0000")) throw invalidValue(name, p, "must be a string, Uint8Array, or URL without null bytes");
      return p;
    }
    if (p instanceof Uint8Array) return toPath(Buffer.from(p.buffer, p.byteOffset, p.byteLength).toString(), name);
    if (p !== null && typeof p === "object" && typeof p.href === "string" && typeof p.protocol === "string") {
      if (p.protocol !== "file:") {
        const e = new TypeError("The URL must be of scheme file");
        e.code = "ERR_INVALID_URL_SCHEME";
        throw e;
      }
      return toPath(decodeURIComponent(p.pathname), name);
    }
    throw invalidType(name, "of type string or an instance of Buffer or URL", p);
  }
  function options(o, defaults) {
    if (o === undefined || o === null) return Object.assign({}, defaults);
    if (typeof o === "string") return Object.assign({}, defaults, { encoding: o });
    if (typeof o !== "object") throw invalidType("options", "of type string or an instance of Object", o);
    const out = Object.assign({}, defaults);
    for (const k of Object.keys(o)) if (o[k] !== undefined) out[k] = o[k];
    return out;
  }
  function encodingOf(enc) {
    if (enc === undefined || enc === null || enc === "buffer") return "";
    const n = native.encoding(String(enc));
    if (!n) throw invalidValue("encoding", enc, "is invalid encoding");
    return n;
  }
  function toBytes(data, encoding, name) {
    if (typeof data === "string") {
      const enc = encodingOf(encoding) || "utf8";
      return enc === "utf8" ? data : native.encode(data, enc);
    }
    if (data instanceof Uint8Array) return data;
    if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (data instanceof ArrayBuffer) return new Uint8Array(data);
    throw invalidType(name || "data", "of type string or an instance of Buffer, TypedArray, or DataView", data);
  }
  function toMode(m, def) {
    if (m === undefined || m === null) return def;
    if (typeof m === "string") {
      if (!/^[0-7]+$/.test(m)) throw invalidValue("mode", m, "must be a 32-bit unsigned integer or an octal string");
      return parseInt(m, 8);
    }
    if (typeof m !== "number" || !Number.isInteger(m) || m < 0) throw invalidType("mode", "of type number", m);
    return m;
  }
  function toFlag(f, def) {
    if (f === undefined || f === null) return def;
    if (typeof f === "string" || typeof f === "number") return f;
    throw invalidValue("flags", f);
  }
  function toCallbackless(fn) {
    // validation errors become rejections, as in Node's async functions
    return function () {
      try {
        return fn.apply(this, arguments);
      } catch (e) {
        return Promise.reject(e);
      }
    };
  }
  function toDate(ms) { return new Date(ms); }

  class Stats {
    isFile() { return (this.mode & S_IFMT) === S_IFREG; }
    isDirectory() { return (this.mode & S_IFMT) === S_IFDIR; }
    isSymbolicLink() { return (this.mode & S_IFMT) === S_IFLNK; }
    isFIFO() { return (this.mode & S_IFMT) === S_IFIFO; }
    isSocket() { return (this.mode & S_IFMT) === S_IFSOCK; }
    isCharacterDevice() { return (this.mode & S_IFMT) === S_IFCHR; }
    isBlockDevice() { return (this.mode & S_IFMT) === S_IFBLK; }
  }
  const statFields = ["dev", "mode", "nlink", "uid", "gid", "rdev", "blksize", "ino", "size", "blocks",
    "atimeMs", "mtimeMs", "ctimeMs", "birthtimeMs"];
  function makeStats(a) {
    const s = new Stats();
    for (let i = 0; i < statFields.length; i++) s[statFields[i]] = a[i];
    s.atime = toDate(s.atimeMs);
    s.mtime = toDate(s.mtimeMs);
    s.ctime = toDate(s.ctimeMs);
    s.birthtime = toDate(s.birthtimeMs);
    return s;
  }

  // Dirent types, as libuv numbers them.
  const DT_FILE = 1, DT_DIR = 2, DT_LINK = 3, DT_FIFO = 4, DT_SOCKET = 5, DT_CHAR = 6, DT_BLOCK = 7;
  const kType = Symbol("type");
  class Dirent {
    constructor(name, type, parentPath) {
      this.name = name;
      this.parentPath = parentPath;
      this.path = parentPath;
      this[kType] = type;
    }
    isFile() { return this[kType] === DT_FILE; }
    isDirectory() { return this[kType] === DT_DIR; }
    isSymbolicLink() { return this[kType] === DT_LINK; }
    isFIFO() { return this[kType] === DT_FIFO; }
    isSocket() { return this[kType] === DT_SOCKET; }
    isCharacterDevice() { return this[kType] === DT_CHAR; }
    isBlockDevice() { return this[kType] === DT_BLOCK; }
  }
  function makeDirent(name, type, parentPath) { return new Dirent(name, type, parentPath); }

  const kFd = Symbol("fd");
  class FileHandle {
    constructor(fd) { this[kFd] = fd; }
    get fd() { return this[kFd]; }
    read(buffer, offset, length, position) {
      let opts = {};
      if (buffer !== undefined && buffer !== null && !ArrayBuffer.isView(buffer) && typeof buffer === "object") {
        opts = buffer;
        buffer = opts.buffer;
      } else if (offset !== null && typeof offset === "object") {
        opts = offset;
        offset = undefined;
      }
      if (buffer === undefined || buffer === null) buffer = Buffer.alloc(16384);
      if (!ArrayBuffer.isView(buffer)) throw invalidType("buffer", "an instance of Buffer, TypedArray, or DataView", buffer);
      if (offset === undefined) offset = opts.offset !== undefined ? opts.offset : 0;
      const view = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      if (length === undefined) length = opts.length !== undefined ? opts.length : view.byteLength - offset;
      if (position === undefined) position = opts.position;
      if (position === undefined || position === null) position = -1;
      if (typeof position === "bigint") position = Number(position);
      if (!Number.isInteger(offset) || offset < 0 || offset > view.byteLength) {
        const e = new RangeError(`The value of "offset" is out of range. It must be >= 0 && <= ${view.byteLength}. Received ${offset}`);
        e.code = "ERR_OUT_OF_RANGE";
        throw e;
      }
      if (!Number.isInteger(length) || length < 0 || offset + length > view.byteLength) {
        const e = new RangeError(`The value of "length" is out of range. It must be >= 0 && <= ${view.byteLength - offset}. Received ${length}`);
        e.code = "ERR_OUT_OF_RANGE";
        throw e;
      }
      return native.fhRead(this[kFd], view, offset, length, position).then((bytesRead) => ({ bytesRead, buffer }));
    }
    write(data, a, b, c) {
      if (typeof data === "string") {
        // write(string, position, encoding)
        const position = a === undefined || a === null ? -1 : a;
        const bytes = toBytes(data, b, "buffer");
        return native.fhWrite(this[kFd], bytes, position).then((bytesWritten) => ({ bytesWritten, buffer: data }));
      }
      if (!ArrayBuffer.isView(data)) throw invalidType("buffer", "of type string or an instance of Buffer, TypedArray, or DataView", data);
      let offset = a, length = b, position = c;
      if (offset !== null && typeof offset === "object") {
        ({ offset, length, position } = offset);
      }
      const view = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (offset === undefined || offset === null) offset = 0;
      if (length === undefined || length === null) length = view.byteLength - offset;
      if (position === undefined || position === null) position = -1;
      return native.fhWrite(this[kFd], view.subarray(offset, offset + length), position)
        .then((bytesWritten) => ({ bytesWritten, buffer: data }));
    }
    readFile(o) {
      o = options(o, {});
      return native.fhReadFile(this[kFd], encodingOf(o.encoding));
    }
    writeFile(data, o) {
      o = options(o, {});
      return native.fhWriteFile(this[kFd], toBytes(data, o.encoding));
    }
    appendFile(data, o) { return this.writeFile(data, o); }
    stat() { return native.fhStat(this[kFd]); }
    truncate(len) { return native.fhTruncate(this[kFd], len === undefined ? 0 : len); }
    sync() { return native.fhSync(this[kFd]); }
    datasync() { return native.fhSync(this[kFd]); }
    chmod(mode) { return native.fhChmod(this[kFd], toMode(mode)); }
    close() {
      const fd = this[kFd];
      if (fd === -1) return Promise.resolve();
      this[kFd] = -1;
      return native.fhClose(fd);
    }
    readLines(o) {
      o = options(o, {});
      const enc = encodingOf(o.encoding) || "utf8";
      const reader = native.linesOpen(this[kFd], o.start === undefined ? -1 : o.start, enc);
      let lines = [], idx = 0, eof = false, busy = null, finished = null;
      const finish = () => {
        if (!finished) {
          native.linesClose(reader);
          // autoClose, as Node's readLines: the handle closes at the end
          finished = o.autoClose === false ? Promise.resolve() : this.close();
        }
        return finished;
      };
      const it = {
        next() {
          if (busy) return busy.then(() => it.next());
          if (idx < lines.length) return Promise.resolve({ value: lines[idx++], done: false });
          if (eof) return Promise.resolve({ value: undefined, done: true });
          busy = native.linesNext(reader).then((r) => {
            busy = null;
            lines = r[0];
            idx = 0;
            eof = r[1];
            if (eof) return finish();
          }, (e) => {
            busy = null;
            eof = true;
            lines = [];
            finish();
            throw e;
          });
          return busy.then(() => it.next());
        },
        return(value) {
          eof = true;
          lines = [];
          return finish().then(() => ({ value, done: true }));
        },
      };
      it[asyncIteratorSym] = function () { return this; };
      return it;
    }
  }
  FileHandle.prototype[asyncDisposeSym] = function () { return this.close(); };
  function makeHandle(fd) { return new FileHandle(fd); }

  // makeOps builds the operations over nat: native (promises) or
  // native.sync (the *Sync forms, whose natives return or throw).
  const makeOps = (nat) => { const native = nat; return {
    readFile(path, o) {
      o = options(o, { flag: "r" });
      if (typeof path === "object" && path instanceof FileHandle) return path.readFile(o);
      return native.readFile(toPath(path), toFlag(o.flag, "r"), encodingOf(o.encoding));
    },
    writeFile(path, data, o) {
      o = options(o, { flag: "w", mode: 0o666 });
      if (typeof path === "object" && path instanceof FileHandle) return path.writeFile(data, o);
      return native.writeFile(toPath(path), toBytes(data, o.encoding), toFlag(o.flag, "w"), toMode(o.mode, 0o666));
    },
    appendFile(path, data, o) {
      o = options(o, { flag: "a", mode: 0o666 });
      if (typeof path === "object" && path instanceof FileHandle) return path.writeFile(data, o);
      return native.writeFile(toPath(path), toBytes(data, o.encoding), toFlag(o.flag, "a"), toMode(o.mode, 0o666));
    },
    readdir(path, o) {
      o = options(o, {});
      return native.readdir(toPath(path), !!o.withFileTypes, !!o.recursive, o.encoding === "buffer" ? "buffer" : "");
    },
    stat(path) { return native.stat(toPath(path), false); },
    lstat(path) { return native.stat(toPath(path), true); },
    mkdir(path, o) {
      if (typeof o === "number" || typeof o === "string") o = { mode: o };
      o = options(o, {});
      return native.mkdir(toPath(path), !!o.recursive, toMode(o.mode, 0o777));
    },
    mkdtemp(prefix, o) {
      if (typeof prefix !== "string") throw invalidType("prefix", "of type string", prefix);
      return native.mkdtemp(toPath(prefix, "prefix"));
    },
    rm(path, o) {
      o = options(o, {});
      return native.rm(toPath(path), !!o.recursive, !!o.force);
    },
    rmdir(path, o) {
      o = options(o, {});
      return native.rmdir(toPath(path), !!o.recursive);
    },
    unlink(path) { return native.unlink(toPath(path)); },
    rename(oldPath, newPath) { return native.rename(toPath(oldPath, "oldPath"), toPath(newPath, "newPath")); },
    copyFile(src, dest, mode) {
      return native.copyFile(toPath(src, "src"), toPath(dest, "dest"), mode === undefined ? 0 : mode);
    },
    access(path, mode) {
      if (mode === undefined) mode = constants.F_OK;
      if (!Number.isInteger(mode) || mode < 0 || mode > 7) throw invalidType("mode", "an integer >= 0 && <= 7", mode);
      return native.access(toPath(path), mode);
    },
    realpath(path) { return native.realpath(toPath(path)); },
    readlink(path) { return native.readlink(toPath(path)); },
    symlink(target, path) { return native.symlink(toPath(target, "target"), toPath(path)); },
    link(existingPath, newPath) { return native.link(toPath(existingPath, "existingPath"), toPath(newPath, "newPath")); },
    chmod(path, mode) { return native.chmod(toPath(path), toMode(mode)); },
    truncate(path, len) { return native.truncate(toPath(path), len === undefined ? 0 : len); },
    utimes(path, atime, mtime) {
      const t = (v) => (v instanceof Date ? v.getTime() : typeof v === "string" ? Number(v) * 1000 : v * 1000);
      return native.utimes(toPath(path), t(atime), t(mtime));
    },
    open(path, flags, mode) {
      return native.open(toPath(path), toFlag(flags, "r"), toMode(mode, 0o666));
    },
  }; };
  const raw = makeOps(native);
  const promises = makeOps(native);
  for (const k of Object.keys(promises)) {
    const f = toCallbackless(promises[k]);
    Object.defineProperty(f, "name", { value: k });
    promises[k] = f;
  }
  promises.constants = constants;

  const fs = {
    promises,
    constants,
    F_OK: constants.F_OK, R_OK: constants.R_OK, W_OK: constants.W_OK, X_OK: constants.X_OK,
    Stats,
    Dirent,
    existsSync(path) {
      try {
        path = toPath(path);
      } catch (e) {
        return false;
      }
      return native.existsSync(path);
    },
  };
  const syncOps = makeOps(native.sync);
  const nextTick = (fn, ...args) => globalThis.process.nextTick(fn, ...args);
  function checkCallback(cb) {
    if (typeof cb !== "function") throw invalidType("cb", "of type function", cb);
    return cb;
  }
  // The fd-based forms: an fd is a number naming an open FileHandle.
  function fdOf(fd) {
    if (!Number.isInteger(fd) || fd < 0) throw invalidType("fd", "of type number", fd);
    return fd;
  }
  function readArgs(buffer, offsetOrOptions, length, position) {
    if (!ArrayBuffer.isView(buffer)) throw invalidType("buffer", "an instance of Buffer, TypedArray, or DataView", buffer);
    let offset = offsetOrOptions;
    if (offset !== null && typeof offset === "object") ({ offset, length, position } = offset);
    const view = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    if (offset === undefined || offset === null) offset = 0;
    if (length === undefined || length === null) length = view.byteLength - offset;
    if (position === undefined || position === null) position = -1;
    if (typeof position === "bigint") position = Number(position);
    if (!Number.isInteger(offset) || offset < 0 || offset > view.byteLength) {
      const e = new RangeError(`The value of "offset" is out of range. It must be >= 0 && <= ${view.byteLength}. Received ${offset}`);
      e.code = "ERR_OUT_OF_RANGE";
      throw e;
    }
    if (!Number.isInteger(length) || length < 0 || offset + length > view.byteLength) {
      const e = new RangeError(`The value of "length" is out of range. It must be >= 0 && <= ${view.byteLength - offset}. Received ${length}`);
      e.code = "ERR_OUT_OF_RANGE";
      throw e;
    }
    return { view, offset, length, position };
  }
  function writeArgs(data, a, b, c) {
    if (typeof data === "string") {
      // write(fd, string, position, encoding)
      return { bytes: toBytes(data, b, "buffer"), position: a === undefined || a === null ? -1 : a };
    }
    if (!ArrayBuffer.isView(data)) throw invalidType("buffer", "of type string or an instance of Buffer, TypedArray, or DataView", data);
    let offset = a, length = b, position = c;
    if (offset !== null && typeof offset === "object") ({ offset, length, position } = offset);
    const view = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (offset === undefined || offset === null) offset = 0;
    if (length === undefined || length === null) length = view.byteLength - offset;
    if (position === undefined || position === null) position = -1;
    return { bytes: view.subarray(offset, offset + length), position };
  }
  const fdOps = (nat) => ({
    open(path, flags, mode) {
      const r = makeOps(nat).open(path, flags, mode);
      return r instanceof FileHandle ? r.fd : r.then((h) => h.fd);
    },
    close(fd) { return nat.fhClose(fdOf(fd)); },
    read(fd, buffer, offset, length, position) {
      const a = readArgs(buffer, offset, length, position);
      return nat.fhRead(fdOf(fd), a.view, a.offset, a.length, a.position);
    },
    write(fd, data, a, b, c) {
      const w = writeArgs(data, a, b, c);
      return nat.fhWrite(fdOf(fd), w.bytes, w.position);
    },
    fstat(fd) { return nat.fhStat(fdOf(fd)); },
    ftruncate(fd, len) { return nat.fhTruncate(fdOf(fd), len === undefined ? 0 : len); },
    fsync(fd) { return nat.fhSync(fdOf(fd)); },
    fdatasync(fd) { return nat.fhSync(fdOf(fd)); },
    fchmod(fd, mode) { return nat.fhChmod(fdOf(fd), toMode(mode)); },
  });
  const fdSync = fdOps(native.sync);
  const fdAsync = fdOps(native);
  // The *Sync forms.
  for (const k of Object.keys(syncOps)) {
    fs[k + "Sync"] = function (...args) { return syncOps[k](...args); };
    Object.defineProperty(fs[k + "Sync"], "name", { value: k + "Sync" });
  }
  for (const k of Object.keys(fdSync)) {
    fs[k + "Sync"] = function (...args) { return fdSync[k](...args); };
    Object.defineProperty(fs[k + "Sync"], "name", { value: k + "Sync" });
  }
  fs.readFileSync = function readFileSync(path, o) {
    o = options(o, { flag: "r" });
    if (Number.isInteger(path)) return native.sync.fhReadFile(path, encodingOf(o.encoding));
    return native.readFileSync(toPath(path), toFlag(o.flag, "r"), encodingOf(o.encoding));
  };
  fs.writeFileSync = function writeFileSync(path, data, o) {
    o = options(o, { flag: "w", mode: 0o666 });
    if (Number.isInteger(path)) return void native.sync.fhWriteFile(path, toBytes(data, o.encoding));
    native.writeFileSync(toPath(path), toBytes(data, o.encoding), toFlag(o.flag, "w"), toMode(o.mode, 0o666));
  };
  fs.appendFileSync = function appendFileSync(path, data, o) {
    o = options(o, { flag: "a", mode: 0o666 });
    if (Number.isInteger(path)) return void native.sync.fhWriteFile(path, toBytes(data, o.encoding));
    native.writeFileSync(toPath(path), toBytes(data, o.encoding), toFlag(o.flag, "a"), toMode(o.mode, 0o666));
  };
  const statSync = fs.statSync, lstatSync = fs.lstatSync;
  const noEntry = (fn) => function (path, o) {
    try {
      return fn(path);
    } catch (e) {
      if (o && o.throwIfNoEntry === false && e && e.code === "ENOENT") return undefined;
      throw e;
    }
  };
  fs.statSync = noEntry(statSync);
  fs.lstatSync = noEntry(lstatSync);
  fs.writeSync = function writeSync(fd, data, a, b, c) { return fdSync.write(fd, data, a, b, c); };
  fs.realpathSync.native = fs.realpathSync;

  // The callback forms: the same operations, the callback called on a later
  // tick (an exception it throws is uncaught, as in Node).
  function callbackForm(name, op, lastArgs) {
    const f = function (...args) {
      const cb = checkCallback(args.pop());
      let p;
      try {
        p = op(...args);
      } catch (e) {
        if (e && (e.code === "ERR_INVALID_ARG_TYPE" || e.code === "ERR_INVALID_ARG_VALUE" || e.code === "ERR_OUT_OF_RANGE")) throw e;
        nextTick(cb, e);
        return;
      }
      Promise.resolve(p).then((v) => {
        if (lastArgs) nextTick(cb, null, ...lastArgs(v, args));
        else if (v === undefined) nextTick(cb, null);
        else nextTick(cb, null, v);
      }, (e) => nextTick(cb, e));
    };
    Object.defineProperty(f, "name", { value: name });
    return f;
  }
  for (const k of Object.keys(raw)) fs[k] = callbackForm(k, raw[k]);
  for (const k of Object.keys(fdAsync)) fs[k] = callbackForm(k, fdAsync[k]);
  fs.readFile = callbackForm("readFile", (path, o) =>
    (Number.isInteger(path) && path >= 0 ? native.fhReadFile(path, encodingOf(options(o, {}).encoding)) : raw.readFile(path, o)));
  fs.read = callbackForm("read", fdAsync.read, (n, args) => [n, args[1]]);
  fs.write = callbackForm("write", fdAsync.write, (n, args) => [n, args[1]]);
  fs.realpath.native = fs.realpath;
  fs.exists = function exists(path, cb) {
    checkCallback(cb);
    let ok;
    try {
      ok = fs.existsSync(path);
    } catch (e) {
      ok = false;
    }
    nextTick(cb, ok);
  };

  // Streams: fs.ReadStream and fs.WriteStream, on the "stream" module.
  let streamClasses = null;
  function classes() {
    if (!streamClasses) streamClasses = makeStreamClasses(native.require("stream"));
    return streamClasses;
  }
  function makeStreamClasses({ Readable, Writable, finished }) {
    const kFs = Symbol("kFs");
    function openFor(stream, flags, mode, cb) {
      fs.open(stream.path, flags, mode, (err, fd) => {
        if (err) return cb(err);
        stream.fd = fd;
        stream.emit("open", fd);
        stream.emit("ready");
        cb();
      });
    }
    function closeFor(stream, err, cb) {
      if (stream.fd === null || stream.fd === undefined || stream[kFs].autoClose === false) return cb(err);
      const fd = stream.fd;
      stream.fd = null;
      fs.close(fd, (er) => cb(er || err));
    }
    class ReadStream extends Readable {
      constructor(path, o) {
        o = options(o, {});
        if (o.highWaterMark === undefined) o.highWaterMark = 64 * 1024;
        super(o);
        this[kFs] = { autoClose: o.autoClose !== false, flags: toFlag(o.flags, "r"), mode: toMode(o.mode, 0o666) };
        this.fd = o.fd === undefined || o.fd === null ? null : (typeof o.fd === "object" ? o.fd.fd : o.fd);
        this.path = this.fd === null ? toPath(path) : path;
        this.start = o.start;
        this.end = o.end === undefined ? Infinity : o.end;
        this.pos = this.start;
        this.bytesRead = 0;
        this.flags = this[kFs].flags;
        this.mode = this[kFs].mode;
        if (this.start !== undefined && (!Number.isInteger(this.start) || this.start < 0)) throw invalidType("start", "of type number", this.start);
        if (this.end !== Infinity && (!Number.isInteger(this.end) || this.end < 0)) throw invalidType("end", "of type number", this.end);
        if (this.start !== undefined && this.start > this.end) {
          const e = new RangeError(`The value of "start" is out of range. It must be <= "end" (here: ${this.end}). Received ${this.start}`);
          e.code = "ERR_OUT_OF_RANGE";
          throw e;
        }
      }
      get pending() { return this.fd === null; }
      _construct(cb) {
        if (this.fd !== null) return cb();
        openFor(this, this[kFs].flags, this[kFs].mode, cb);
      }
      _read(n) {
        if (this.end !== Infinity) {
          const left = this.end - (this.pos === undefined ? this.bytesRead : this.pos) + 1;
          n = Math.min(n, left);
        }
        if (n <= 0) return this.push(null);
        const buf = Buffer.alloc(n);
        fs.read(this.fd, buf, 0, n, this.pos === undefined ? null : this.pos, (err, got) => {
          if (err) return this.destroy(err);
          if (this.pos !== undefined) this.pos += got;
          this.bytesRead += got;
          if (got === 0) this.push(null);
          else this.push(got === n ? buf : buf.subarray(0, got));
        });
      }
      _destroy(err, cb) { closeFor(this, err, cb); }
      close(cb) {
        if (typeof cb === "function") finished(this, cb);
        this.destroy();
      }
    }
    class WriteStream extends Writable {
      constructor(path, o) {
        o = options(o, {});
        super(Object.assign({}, o, { decodeStrings: true }));
        this[kFs] = { autoClose: o.autoClose !== false, flags: toFlag(o.flags, "w"), mode: toMode(o.mode, 0o666) };
        this.fd = o.fd === undefined || o.fd === null ? null : (typeof o.fd === "object" ? o.fd.fd : o.fd);
        this.path = this.fd === null ? toPath(path) : path;
        this.start = o.start;
        this.pos = this.start;
        this.bytesWritten = 0;
        this.flags = this[kFs].flags;
        this.mode = this[kFs].mode;
        if (o.encoding) this.setDefaultEncoding(o.encoding);
      }
      get pending() { return this.fd === null; }
      _construct(cb) {
        if (this.fd !== null) return cb();
        openFor(this, this[kFs].flags, this[kFs].mode, cb);
      }
      _write(chunk, enc, cb) {
        fs.write(this.fd, chunk, 0, chunk.length, this.pos === undefined ? null : this.pos, (err, n) => {
          if (err) return cb(err);
          this.bytesWritten += n;
          if (this.pos !== undefined) this.pos += n;
          cb();
        });
      }
      _destroy(err, cb) { closeFor(this, err, cb); }
      close(cb) {
        if (cb) {
          if (this.closed) return nextTick(cb);
          this.on("close", cb);
        }
        if (!this.writableEnded) this.end();
        else this.destroy();
      }
      destroySoon() { this.end(); }
    }
    return { ReadStream, WriteStream };
  }
  Object.defineProperty(fs, "ReadStream", { enumerable: true, configurable: true, get() { return classes().ReadStream; } });
  Object.defineProperty(fs, "WriteStream", { enumerable: true, configurable: true, get() { return classes().WriteStream; } });
  fs.createReadStream = function createReadStream(path, o) { return new (classes().ReadStream)(path, o); };
  fs.createWriteStream = function createWriteStream(path, o) { return new (classes().WriteStream)(path, o); };

  return { promises, fs, makeStats, makeDirent, makeHandle };
})
