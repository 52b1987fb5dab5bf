// Completes the global process with what Node's has and the runtime's
// lacks: the EventEmitter methods (process.on("exit") listeners are kept,
// as Node's API needs, but the runtime emits no process events),
// emitWarning, hrtime.bigint, memoryUsage and Node's informational fields.
// Nothing already defined is replaced.
(function (p, require, memoryUsage) {
  "use strict";
  const def = (name, value) => {
    if (!(name in p)) Object.defineProperty(p, name, { value, writable: true, configurable: true, enumerable: true });
  };
  let ee;
  const emitter = () => {
    if (!ee) {
      const EventEmitter = require("events");
      ee = new EventEmitter();
    }
    return ee;
  };
  for (const m of ["on", "once", "off", "addListener", "removeListener", "removeAllListeners", "prependListener",
    "prependOnceListener", "emit", "listeners", "rawListeners", "listenerCount", "eventNames", "setMaxListeners",
    "getMaxListeners"]) {
    def(m, function (...args) {
      const r = emitter()[m](...args);
      return r === ee ? p : r;
    });
  }
  def("emitWarning", function emitWarning(warning, type, code, ctor) {
    let detail;
    if (type !== null && typeof type === "object" && !Array.isArray(type)) {
      ctor = type.ctor; code = type.code; detail = type.detail; type = type.type || "Warning";
    } else if (typeof type === "function") { ctor = type; code = undefined; type = "Warning"; }
    if (type !== undefined && typeof type !== "string") {
      const e = new TypeError(`The "type" argument must be of type string.`);
      e.code = "ERR_INVALID_ARG_TYPE";
      throw e;
    }
    if (typeof code === "function") { ctor = code; code = undefined; }
    if (typeof warning === "string") {
      const w = new Error(warning);
      w.name = String(type || "Warning");
      if (code !== undefined) w.code = code;
      if (detail !== undefined) w.detail = detail;
      warning = w;
    } else if (!(warning instanceof Error)) {
      const e = new TypeError(`The "warning" argument must be of type string or an instance of Error.`);
      e.code = "ERR_INVALID_ARG_TYPE";
      throw e;
    }
    if (warning.name === "DeprecationWarning") {
      if (p.noDeprecation) return;
      if (p.throwDeprecation) throw warning;
    }
    p.nextTick(() => {
      if (ee && ee.listenerCount("warning") > 0) ee.emit("warning", warning);
      let msg = `(arun) ${warning.code ? `[${warning.code}] ` : ""}${warning.name}: ${warning.message}\n`;
      if (typeof warning.detail === "string") msg += `${warning.detail}\n`;
      if (p.stderr && typeof p.stderr.write === "function") p.stderr.write(msg);
    });
  });
  if (typeof p.hrtime === "function" && typeof p.hrtime.bigint !== "function") {
    const hr = p.hrtime;
    p.hrtime = function hrtime(prev) {
      const [s, ns] = hr();
      if (Array.isArray(prev)) {
        let ds = s - prev[0], dns = ns - prev[1];
        if (dns < 0) { ds--; dns += 1e9; }
        return [ds, dns];
      }
      return [s, ns];
    };
    p.hrtime.bigint = function bigint() {
      const [s, ns] = hr();
      return BigInt(s) * 1000000000n + BigInt(ns);
    };
  }
  def("memoryUsage", Object.assign(function memoryUsage_() { return memoryUsage(); }, {
    rss() { return memoryUsage().rss; },
  }));
  // the Node API level arun follows (its tests compare with Node 20):
  // packages check it before they run (yargs-parser wants >= 12)
  if (p.versions && typeof p.versions === "object" && !("node" in p.versions)) p.versions.node = "20.18.0";
  def("execArgv", []);
  def("execPath", p.argv && p.argv[0] ? p.argv[0] : "arun");
  def("title", "arun");
  def("release", { name: "arun" });
  def("config", { variables: {} });
  def("features", {});
  def("exitCode", undefined);
  def("umask", function umask() { return 0o22; });
  def("emit", p.emit);
  def("binding", function binding(name) {
    const e = new Error(`No such module: ${name}`);
    e.code = "ERR_INVALID_MODULE";
    throw e;
  });
  // util.promisify(setTimeout) and setImmediate: timers/promises, as in Node
  const custom = Symbol.for("nodejs.util.promisify.custom");
  for (const name of ["setTimeout", "setImmediate"]) {
    const f = globalThis[name];
    if (typeof f === "function" && !Object.prototype.hasOwnProperty.call(f, custom)) {
      Object.defineProperty(f, custom, { configurable: true, get() { return require("timers/promises")[name]; } });
    }
  }
})
