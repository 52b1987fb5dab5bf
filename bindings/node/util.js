// arun "util" module: Node's util. inspect and format are package
// console's formatter (the one console.log uses); the rest is here.
(function (g, I, N, require) {
  "use strict";
  const { nodeError, invalidArgType, validateFunction, validateString, validateObject, validateBoolean } = I;
  const customInspect = Symbol.for("nodejs.util.inspect.custom");
  const customPromisify = Symbol.for("nodejs.util.promisify.custom");

  // ------------------------------------------------------------ inspect
  const defaultOptions = {
    showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false,
    maxArrayLength: 100, maxStringLength: 10000, breakLength: 128, compact: 3, sorted: false,
    getters: false, numericSeparator: false,
  };
  // Go's formatter has Node's defaults; only what the script changed in
  // inspect.defaultOptions is passed on (breakLength is 128 here and 80
  // for console.log in Node too).
  const goDefaults = { ...defaultOptions, breakLength: 80 };
  function withDefaults(opts) {
    let out;
    for (const k of Object.keys(defaultOptions)) {
      if (defaultOptions[k] !== goDefaults[k] && k !== "breakLength") (out ||= {})[k] = defaultOptions[k];
    }
    if (defaultOptions.breakLength !== 128) (out ||= {}).breakLength = defaultOptions.breakLength;
    if (opts) out = Object.assign(out || {}, opts);
    return out;
  }
  function inspect(value, opts) {
    let o;
    if (typeof opts === "object" && opts !== null) o = opts;
    else if (arguments.length > 1) {
      // legacy: inspect(value, showHidden, depth, colors)
      o = {};
      if (arguments[1] !== undefined) o.showHidden = arguments[1];
      if (arguments.length > 2 && arguments[2] !== undefined) o.depth = arguments[2];
      if (arguments.length > 3 && arguments[3] !== undefined) o.colors = arguments[3];
    }
    return N.inspect(value, withDefaults(o));
  }
  inspect.custom = customInspect;
  N.setInspect(inspect);
  Object.defineProperty(inspect, "defaultOptions", {
    get() { return defaultOptions; },
    set(options) {
      validateObject(options, "options");
      Object.assign(defaultOptions, options);
    },
  });
  const colors = Object.assign(Object.create(null), {
    reset: [0, 0], bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24], blink: [5, 25],
    inverse: [7, 27], hidden: [8, 28], strikethrough: [9, 29], doubleunderline: [21, 24],
    black: [30, 39], red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39], magenta: [35, 39],
    cyan: [36, 39], white: [37, 39], bgBlack: [40, 49], bgRed: [41, 49], bgGreen: [42, 49],
    bgYellow: [43, 49], bgBlue: [44, 49], bgMagenta: [45, 49], bgCyan: [46, 49], bgWhite: [47, 49],
    framed: [51, 54], overlined: [53, 55], gray: [90, 39], redBright: [91, 39], greenBright: [92, 39],
    yellowBright: [93, 39], blueBright: [94, 39], magentaBright: [95, 39], cyanBright: [96, 39],
    whiteBright: [97, 39], bgGray: [100, 49], bgRedBright: [101, 49], bgGreenBright: [102, 49],
    bgYellowBright: [103, 49], bgBlueBright: [104, 49], bgMagentaBright: [105, 49],
    bgCyanBright: [106, 49], bgWhiteBright: [107, 49],
  });
  const alias = (a, b) => Object.defineProperty(colors, a, {
    get() { return this[b]; }, set(v) { this[b] = v; }, configurable: true, enumerable: false,
  });
  alias("grey", "gray"); alias("blackBright", "gray"); alias("bgGrey", "bgGray"); alias("bgBlackBright", "bgGray");
  alias("faint", "dim"); alias("crossedout", "strikethrough"); alias("strikeThrough", "strikethrough");
  alias("crossedOut", "strikethrough"); alias("conceal", "hidden"); alias("swapColors", "inverse");
  alias("swapcolors", "inverse"); alias("doubleUnderline", "doubleunderline");
  inspect.colors = colors;
  inspect.styles = Object.assign(Object.create(null), {
    special: "cyan", number: "yellow", bigint: "yellow", boolean: "yellow", undefined: "grey",
    null: "bold", string: "green", symbol: "green", date: "magenta", regexp: "red", module: "underline",
  });

  function format(...args) { return N.formatWithOptions(withDefaults(), ...args); }
  function formatWithOptions(inspectOptions, ...args) {
    validateObject(inspectOptions, "inspectOptions");
    return N.formatWithOptions(withDefaults(inspectOptions), ...args);
  }

  // ------------------------------------------------------------ styleText
  function shouldColorize(stream) {
    const env = g.process && g.process.env;
    try {
      if (env && env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
      if (env && (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined)) return false;
    } catch (e) { /* env denied: no colors */ return false; }
    return !!(stream && stream.isTTY && (typeof stream.hasColors !== "function" || stream.hasColors()));
  }
  function styleText(format, text, { validateStream = true, stream = g.process && g.process.stdout } = {}) {
    validateString(text, "text");
    validateBoolean(validateStream, "options.validateStream");
    const skip = validateStream && !shouldColorize(stream);
    let left = "", right = "";
    for (const key of Array.isArray(format) ? format : [format]) {
      const codes = colors[key];
      if (codes == null) {
        const allowed = Object.keys(colors).map((k) => `'${k}'`).join(", ");
        throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The argument 'format' must be one of: ${allowed}. Received ${inspect(key)}`);
      }
      left += `\u001b[${codes[0]}m`;
      right = `\u001b[${codes[1]}m${right}`;
    }
    return skip ? text : `${left}${text}${right}`;
  }
  function stripVTControlCharacters(str) {
    validateString(str, "str");
    // eslint-disable-next-line no-control-regex
    return str.replace(/[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g, "");
  }

  // ------------------------------------------------------------ promisify
  function promisify(original) {
    validateFunction(original, "original");
    if (original[customPromisify]) {
      const fn = original[customPromisify];
      validateFunction(fn, "util.promisify.custom");
      return Object.defineProperty(fn, customPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
    }
    const argumentNames = original[Symbol.for("arun.promisify.argumentNames")];
    function fn(...args) {
      return new Promise((resolve, reject) => {
        Reflect.apply(original, this, [...args, (err, ...values) => {
          if (err) return reject(err);
          if (argumentNames !== undefined && values.length > 1) {
            const obj = {};
            for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
            resolve(obj);
          } else resolve(values[0]);
        }]);
      });
    }
    Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
    Object.defineProperty(fn, customPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
    // as Node: every own property of original, length and name included
    return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
  }
  promisify.custom = customPromisify;

  function callbackify(original) {
    validateFunction(original, "original");
    function callbackified(...args) {
      const cb = args.pop();
      validateFunction(cb, "last argument");
      const onOk = (v) => g.process.nextTick(cb, null, v);
      const onErr = (reason) => {
        if (!reason) {
          const e = nodeError(Error, "ERR_FALSY_VALUE_REJECTION", "Promise was rejected with falsy value");
          e.reason = reason;
          reason = e;
        }
        g.process.nextTick(cb, reason);
      };
      Reflect.apply(original, this, args).then(onOk, onErr);
    }
    Object.setPrototypeOf(callbackified, Object.getPrototypeOf(original));
    Object.defineProperties(callbackified, Object.getOwnPropertyDescriptors(original));
    return callbackified;
  }

  // ------------------------------------------------------------ deprecate
  const codesWarned = new Set();
  function deprecate(fn, msg, code) {
    validateFunction(fn, "fn");
    if (code !== undefined) validateString(code, "code");
    let warned = false;
    function deprecated(...args) {
      const p = g.process;
      if (!warned && !(p && p.noDeprecation)) {
        warned = true;
        if (code === undefined || !codesWarned.has(code)) {
          if (code !== undefined) codesWarned.add(code);
          if (p && p.throwDeprecation) {
            const e = new Error(msg);
            e.name = "DeprecationWarning";
            if (code !== undefined) e.code = code;
            throw e;
          }
          if (p && typeof p.emitWarning === "function") p.emitWarning(msg, "DeprecationWarning", code, deprecated);
        }
      }
      return new.target ? Reflect.construct(fn, args, new.target) : Reflect.apply(fn, this, args);
    }
    Object.setPrototypeOf(deprecated, fn);
    if (fn.prototype) deprecated.prototype = fn.prototype;
    return deprecated;
  }

  // ------------------------------------------------------------ inherits
  function inherits(ctor, superCtor) {
    if (ctor === undefined || ctor === null) throw invalidArgType("ctor", "of type function", ctor);
    if (superCtor === undefined || superCtor === null) throw invalidArgType("superCtor", "of type function", superCtor);
    if (superCtor.prototype === undefined) throw invalidArgType("superCtor.prototype", "of type object", superCtor.prototype);
    Object.defineProperty(ctor, "super_", { value: superCtor, writable: true, configurable: true });
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  }

  // ------------------------------------------------------------ types
  const kind = (v) => N.typeName(v);
  const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
  const tagOf = (v) => (typeof v === "object" && v !== null ? typedArrayTag.call(v) : undefined);
  const boxed = (proto) => (v) => {
    if (typeof v !== "object" || v === null || !proto) return false;
    try { proto.valueOf.call(v); return true; } catch (e) { return false; }
  };
  const isNumberObject = boxed(Number.prototype), isStringObject = boxed(String.prototype);
  const isBooleanObject = boxed(Boolean.prototype), isSymbolObject = boxed(Symbol.prototype);
  const isBigIntObject = boxed(typeof BigInt === "function" ? BigInt.prototype : null);
  const types = {
    isAnyArrayBuffer: (v) => kind(v) === "ArrayBuffer" || (typeof SharedArrayBuffer !== "undefined" && v instanceof SharedArrayBuffer),
    isArrayBuffer: (v) => kind(v) === "ArrayBuffer",
    isSharedArrayBuffer: (v) => typeof SharedArrayBuffer !== "undefined" && v instanceof SharedArrayBuffer,
    isArrayBufferView: (v) => ArrayBuffer.isView(v),
    isArgumentsObject: (v) => kind(v) === "Arguments",
    isAsyncFunction: (v) => kind(v) === "AsyncFunction",
    isGeneratorFunction: (v) => kind(v) === "GeneratorFunction",
    isGeneratorObject: (v) => Object.prototype.toString.call(v) === "[object Generator]",
    isBooleanObject, isNumberObject, isStringObject, isSymbolObject, isBigIntObject,
    isBoxedPrimitive: (v) => isNumberObject(v) || isStringObject(v) || isBooleanObject(v) || isSymbolObject(v) || isBigIntObject(v),
    isDataView: (v) => kind(v) === "DataView",
    isDate: (v) => kind(v) === "Date",
    isExternal: () => false,
    isMap: (v) => kind(v) === "Map",
    isSet: (v) => kind(v) === "Set",
    isWeakMap: (v) => kind(v) === "WeakMap",
    isWeakSet: (v) => kind(v) === "WeakSet",
    isMapIterator: (v) => kind(v) === "MapIterator",
    isSetIterator: (v) => kind(v) === "SetIterator",
    isModuleNamespaceObject: (v) => typeof v === "object" && v !== null && Object.getPrototypeOf(v) === null &&
      v[Symbol.toStringTag] === "Module",
    isNativeError: (v) => kind(v) === "Error",
    isPromise: (v) => kind(v) === "Promise",
    isProxy: (v) => kind(v) === "Proxy",
    isRegExp: (v) => kind(v) === "RegExp",
    isTypedArray: (v) => tagOf(v) !== undefined,
    isKeyObject: () => false,
    isCryptoKey: (v) => typeof g.CryptoKey === "function" && v instanceof g.CryptoKey,
  };
  for (const t of ["Uint8Array", "Uint8ClampedArray", "Uint16Array", "Uint32Array", "Int8Array", "Int16Array",
    "Int32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"]) {
    types[`is${t}`] = (v) => tagOf(v) === t;
  }

  // ------------------------------------------------------------ parseArgs
  function parseArgs(config = {}) {
    validateObject(config, "config");
    const args = config.args !== undefined ? config.args : g.process.argv.slice(2);
    const strict = config.strict !== undefined ? config.strict : true;
    const allowPositionals = config.allowPositionals !== undefined ? config.allowPositionals : !strict;
    const returnTokens = config.tokens !== undefined ? config.tokens : false;
    const allowNegative = config.allowNegative !== undefined ? config.allowNegative : false;
    const options = config.options !== undefined ? config.options : {};
    if (!Array.isArray(args)) throw invalidArgType("args", "an instance of Array", args);
    validateBoolean(strict, "strict");
    validateBoolean(allowPositionals, "allowPositionals");
    validateBoolean(returnTokens, "tokens");
    validateBoolean(allowNegative, "allowNegative");
    validateObject(options, "options");
    for (const [name, opt] of Object.entries(options)) {
      validateObject(opt, `options.${name}`);
      const type = opt.type;
      if (type !== "string" && type !== "boolean") {
        throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE",
          `The property 'options.${name}.type' must be one of: 'string', 'boolean'. Received ${inspect(type)}`);
      }
      if (opt.short !== undefined) {
        validateString(opt.short, `options.${name}.short`);
        if (opt.short.length !== 1) {
          throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE",
            `The property 'options.${name}.short' must be a single character. Received ${inspect(opt.short)}`);
        }
      }
      if (opt.multiple !== undefined) validateBoolean(opt.multiple, `options.${name}.multiple`);
      if (opt.default !== undefined) {
        const d = opt.default, want = type === "string" ? "string" : "boolean";
        const ok = opt.multiple ? Array.isArray(d) && d.every((x) => typeof x === want) : typeof d === want;
        if (!ok) {
          throw invalidArgType(`options.${name}.default`, opt.multiple ? `an instance of Array` : `of type ${want}`, d);
        }
      }
    }
    const shortToLong = (c) => {
      for (const [name, o] of Object.entries(options)) if (o.short === c) return name;
      return c;
    };
    const optType = (name) => (Object.prototype.hasOwnProperty.call(options, name) ? options[name].type : undefined);
    const tokens = [];
    let index = -1, groupCount = 0;
    const rest = args.slice();
    while (rest.length > 0) {
      const arg = rest.shift();
      const next = rest[0];
      if (groupCount > 0) groupCount--; else index++;
      if (arg === "--") {
        tokens.push({ kind: "option-terminator", index });
        for (const a of rest) tokens.push({ kind: "positional", index: ++index, value: a });
        break;
      }
      if (arg.length === 2 && arg[0] === "-" && arg[1] !== "-") {
        // -f
        const name = shortToLong(arg[1]);
        let value, inlineValue;
        if (optType(name) === "string" && next !== undefined) {
          value = rest.shift();
          inlineValue = false;
        }
        tokens.push({ kind: "option", name, rawName: arg, index, value, inlineValue });
        if (value != null) ++index;
        continue;
      }
      if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
        const first = shortToLong(arg[1]);
        if (optType(first) === "string") {
          // -fVALUE
          tokens.push({ kind: "option", name: first, rawName: `-${arg[1]}`, index, value: arg.slice(2), inlineValue: true });
          continue;
        }
        // -abc: a group of short options
        const expanded = [];
        for (let i = 1; i < arg.length; i++) {
          const c = arg[i];
          const name = shortToLong(c);
          if (optType(name) !== "string" || i === arg.length - 1) expanded.push(`-${c}`);
          else { expanded.push(`-${arg.slice(i)}`); break; }
        }
        rest.unshift(...expanded);
        groupCount = expanded.length;
        continue;
      }
      if (arg.startsWith("--") && arg.length > 2) {
        const eq = arg.indexOf("=");
        if (eq !== -1) {
          tokens.push({ kind: "option", name: arg.slice(2, eq), rawName: arg.slice(0, eq), index, value: arg.slice(eq + 1), inlineValue: true });
          continue;
        }
        const name = arg.slice(2);
        let value, inlineValue;
        if (optType(name) === "string" && next !== undefined) {
          value = rest.shift();
          inlineValue = false;
        }
        tokens.push({ kind: "option", name, rawName: arg, index, value, inlineValue });
        if (value != null) ++index;
        continue;
      }
      tokens.push({ kind: "positional", index, value: arg });
    }
    const values = Object.create(null);
    const positionals = [];
    for (const t of tokens) {
      if (t.kind === "option") {
        let name = t.name;
        let negative = false;
        if (allowNegative && name.startsWith("no-") && optType(name.slice(3)) === "boolean" && t.value === undefined) {
          name = name.slice(3);
          negative = true;
        }
        if (strict) {
          const known = Object.prototype.hasOwnProperty.call(options, name);
          if (!known) {
            throw nodeError(TypeError, "ERR_PARSE_ARGS_UNKNOWN_OPTION",
              allowPositionals
                ? `Unknown option '${t.rawName}'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- ${JSON.stringify(t.rawName)}`
                : `Unknown option '${t.rawName}'`);
          }
          const o = options[name];
          const short = o.short ? `-${o.short}, ` : "";
          if (o.type === "string" && typeof t.value !== "string") {
            throw nodeError(TypeError, "ERR_PARSE_ARGS_INVALID_OPTION_VALUE", `Option '${short}--${name} <value>' argument missing`);
          }
          if (o.type === "boolean" && t.value != null) {
            throw nodeError(TypeError, "ERR_PARSE_ARGS_INVALID_OPTION_VALUE", `Option '${short}--${name}' does not take an argument`);
          }
        }
        const o = Object.prototype.hasOwnProperty.call(options, name) ? options[name] : undefined;
        let value = t.value === undefined ? !negative : t.value;
        if (o && o.type === "boolean" && t.value === undefined) value = !negative;
        if (o && o.multiple) {
          if (values[name] === undefined) values[name] = [];
          values[name].push(value);
        } else values[name] = value;
      } else if (t.kind === "positional") {
        if (!allowPositionals) {
          throw nodeError(TypeError, "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL",
            `Unexpected argument '${t.value}'. This command does not take positional arguments`);
        }
        positionals.push(t.value);
      }
    }
    for (const [name, o] of Object.entries(options)) {
      if (o.default !== undefined && values[name] === undefined) values[name] = Array.isArray(o.default) ? o.default.slice() : o.default;
    }
    const result = { values, positionals };
    if (returnTokens) result.tokens = tokens;
    return result;
  }

  // ------------------------------------------------------------ the rest
  function isDeepStrictEqual(a, b) {
    try {
      require("assert").deepStrictEqual(a, b);
      return true;
    } catch (e) {
      if (e && e.code === "ERR_ASSERTION") return false;
      throw e;
    }
  }
  const debugs = Object.create(null);
  function debuglog(set, cb) {
    let enabled;
    const test = () => {
      if (enabled !== undefined) return enabled;
      let env = "";
      try { env = (g.process && g.process.env && g.process.env.NODE_DEBUG) || ""; } catch (e) { env = ""; }
      const re = new RegExp(`^(${env.replace(/[|\\{}()[\]^$+?.]/g, "\\$&").replace(/\*/g, ".*").replace(/,/g, "$|^")})$`, "i");
      enabled = env !== "" && re.test(set);
      return enabled;
    };
    const name = set.toUpperCase();
    function debug(...args) {
      if (!test()) return;
      if (cb) { const c = cb; cb = undefined; c(debug); }
      g.process.stderr.write(`${name} ${g.process.pid}: ${format(...args)}\n`);
    }
    Object.defineProperty(debug, "enabled", { get: test, enumerable: true, configurable: true });
    debugs[set] = debug;
    return debug;
  }
  function toUSVString(s) { return String(s).toWellFormed ? String(s).toWellFormed() : String(s).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"); }
  function aborted(signal, resource) {
    if (signal === undefined || signal === null || typeof signal.aborted !== "boolean") throw invalidArgType("signal", "an instance of AbortSignal", signal);
    if (resource === null || (typeof resource !== "object" && typeof resource !== "function")) throw invalidArgType("resource", "of type object", resource);
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  }
  const errnames = {
    "-1": "EPERM", "-2": "ENOENT", "-3": "ESRCH", "-4": "EINTR", "-5": "EIO", "-9": "EBADF", "-11": "EAGAIN",
    "-12": "ENOMEM", "-13": "EACCES", "-17": "EEXIST", "-20": "ENOTDIR", "-21": "EISDIR", "-22": "EINVAL",
    "-24": "EMFILE", "-28": "ENOSPC", "-32": "EPIPE", "-39": "ENOTEMPTY", "-98": "EADDRINUSE",
    "-104": "ECONNRESET", "-110": "ETIMEDOUT", "-111": "ECONNREFUSED",
  };
  function getSystemErrorName(err) {
    if (typeof err !== "number") throw invalidArgType("err", "of type number", err);
    if (err >= 0 || !Number.isSafeInteger(err)) {
      throw I.outOfRange("err", "a negative integer", err);
    }
    return errnames[err] || `Unknown system error ${err}`;
  }
  function getSystemErrorMap() {
    return new Map(Object.entries(errnames).map(([k, v]) => [Number(k), [v, v]]));
  }
  function _extend(target, source) {
    if (source === null || typeof source !== "object") return target;
    for (const k of Object.keys(source)) target[k] = source[k];
    return target;
  }
  const pad = (n) => String(n).padStart(2, "0");
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function log(...args) {
    const d = new Date();
    const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    g.console.log("%s - %s", `${d.getDate()} ${months[d.getMonth()]} ${time}`, format(...args));
  }

  const util = {
    _extend, callbackify, debug: debuglog, debuglog, deprecate, format, styleText, formatWithOptions,
    getSystemErrorMap, getSystemErrorName, inherits, inspect,
    isArray: Array.isArray,
    isBoolean: (v) => typeof v === "boolean",
    isBuffer: (v) => typeof g.Buffer === "function" && g.Buffer.isBuffer(v),
    isDeepStrictEqual,
    isNull: (v) => v === null,
    isNullOrUndefined: (v) => v === null || v === undefined,
    isNumber: (v) => typeof v === "number",
    isString: (v) => typeof v === "string",
    isSymbol: (v) => typeof v === "symbol",
    isUndefined: (v) => v === undefined,
    isRegExp: types.isRegExp,
    isObject: (v) => v !== null && typeof v === "object",
    isDate: types.isDate,
    isError: (v) => types.isNativeError(v) || v instanceof Error,
    isFunction: (v) => typeof v === "function",
    isPrimitive: (v) => v === null || (typeof v !== "object" && typeof v !== "function"),
    log, promisify, stripVTControlCharacters, toUSVString,
    transferableAbortSignal: (s) => s,
    transferableAbortController: () => new g.AbortController(),
    aborted, types, parseArgs,
    TextDecoder: g.TextDecoder,
    TextEncoder: g.TextEncoder,
  };
  return util;
})
