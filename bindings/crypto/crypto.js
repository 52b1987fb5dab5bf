// The JavaScript half of arun's crypto: the Web Crypto API (crypto,
// Crypto, CryptoKey, SubtleCrypto: algorithm normalization, key usages and
// the spec's errors) and node:crypto (Hash, Hmac, Cipheriv, Sign, KeyObject
// and the functions), over the Go functions in `native` (crypto.go and the
// files beside it), which do all the cryptography. Compiled once per
// process, run once per runtime on first use with the natives and the
// global object (for Buffer and DOMException, read when needed).
(function (native, g) {
  "use strict";

  const def = (obj, name, value) =>
    Object.defineProperty(obj, name, { value, writable: true, configurable: true, enumerable: false });
  const tag = (C, name) =>
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: name, configurable: true });
  const domex = (message, name) => new g.DOMException(message, name);
  const illegal = () => {
    const e = new TypeError("Illegal constructor");
    e.code = "ERR_ILLEGAL_CONSTRUCTOR";
    return e;
  };
  const INTERNAL = Symbol("arun internal");

  // ---------------------------------------------------------------- bytes
  const isBufferSource = (x) => x instanceof ArrayBuffer || ArrayBuffer.isView(x);
  // a Uint8Array view of a BufferSource (no copy)
  const view = (x) => (x instanceof ArrayBuffer ? new Uint8Array(x) : new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
  const copyOf = (x) => new Uint8Array(view(x));
  const utf8 = (s) => new TextEncoder().encode(s);

  // ================================================================ Web Crypto

  // WebIDL conversions for dictionary members
  const conv = {
    bytes(v, what) {
      if (!isBufferSource(v)) throw new TypeError(`${what} is not a BufferSource`);
      return copyOf(v);
    },
    bigint(v, what) {
      if (!(v instanceof Uint8Array)) throw new TypeError(`${what} is not a Uint8Array`);
      return new Uint8Array(v);
    },
    string: (v) => String(v),
    hash: (v) => normalize("digest", v).name,
    key(v, what) {
      if (!keySlots.has(v)) throw new TypeError(`${what} is not a CryptoKey`);
      return v;
    },
  };
  const enforce = (bits) => (v, what) => {
    const n = Number(v);
    if (!Number.isFinite(n)) throw new TypeError(`${what} is not a finite number`);
    const i = Math.trunc(n);
    if (i < 0 || i > 2 ** bits - 1) throw new TypeError(`${what} is outside the range of an unsigned ${bits}-bit integer`);
    return i;
  };
  const u8 = enforce(8), u16 = enforce(16), u32 = enforce(32);

  // dictionaries: member -> [conversion, required]
  const D = {
    none: {},
    rsaGen: { modulusLength: [u32, true], publicExponent: [conv.bigint, true], hash: [conv.hash, true] },
    rsaImport: { hash: [conv.hash, true] },
    rsaPss: { saltLength: [u32, true] },
    rsaOaep: { label: [conv.bytes, false] },
    ecGen: { namedCurve: [conv.string, true] },
    ecdsa: { hash: [conv.hash, true] },
    ecdhDerive: { public: [conv.key, true] },
    aesCtr: { counter: [conv.bytes, true], length: [u8, true] },
    aesCbc: { iv: [conv.bytes, true] },
    aesGcm: { iv: [conv.bytes, true], additionalData: [conv.bytes, false], tagLength: [u8, false] },
    aesGen: { length: [u16, true] },
    hmacImport: { hash: [conv.hash, true], length: [u32, false] },
    hkdf: { hash: [conv.hash, true], salt: [conv.bytes, true], info: [conv.bytes, true] },
    pbkdf2: { salt: [conv.bytes, true], iterations: [u32, true], hash: [conv.hash, true] },
  };
  const RSA = ["RSASSA-PKCS1-v1_5", "RSA-PSS", "RSA-OAEP"];
  const AES = ["AES-CTR", "AES-CBC", "AES-GCM", "AES-KW"];
  const SHA = ["SHA-1", "SHA-256", "SHA-384", "SHA-512"];
  const table = (pairs) => {
    const t = {};
    for (const [names, dict] of pairs) for (const n of [].concat(names)) t[n] = dict;
    return t;
  };
  const encryptAlgs = table([["RSA-OAEP", D.rsaOaep], ["AES-CTR", D.aesCtr], ["AES-CBC", D.aesCbc], ["AES-GCM", D.aesGcm]]);
  const OPS = {
    digest: table([[SHA, D.none]]),
    generateKey: table([[RSA, D.rsaGen], [["ECDSA", "ECDH"], D.ecGen], [["Ed25519", "X25519"], D.none], [AES, D.aesGen], ["HMAC", D.hmacImport]]),
    importKey: table([[RSA, D.rsaImport], [["ECDSA", "ECDH"], D.ecGen], [["Ed25519", "X25519", "HKDF", "PBKDF2"], D.none], [AES, D.none], ["HMAC", D.hmacImport]]),
    sign: table([[["RSASSA-PKCS1-v1_5", "Ed25519", "HMAC"], D.none], ["RSA-PSS", D.rsaPss], ["ECDSA", D.ecdsa]]),
    encrypt: encryptAlgs,
    wrapKey: Object.assign({ "AES-KW": D.none }, encryptAlgs),
    deriveBits: table([[["ECDH", "X25519"], D.ecdhDerive], ["HKDF", D.hkdf], ["PBKDF2", D.pbkdf2]]),
    keyLength: table([[["AES-CTR", "AES-CBC", "AES-GCM", "AES-KW"], D.aesGen], ["HMAC", D.hmacImport], [["HKDF", "PBKDF2"], D.none]]),
  };
  OPS.verify = OPS.sign;
  OPS.decrypt = OPS.encrypt;
  OPS.unwrapKey = OPS.wrapKey;

  // normalize is the spec's "normalize an algorithm" for op.
  function normalize(op, alg) {
    if (typeof alg === "string") return normalize(op, { name: alg });
    if (alg === null || (typeof alg !== "object" && typeof alg !== "function")) {
      throw new TypeError("Algorithm must be a string or an object with a name");
    }
    const rawName = alg.name; // read once: a getter may have side effects
    if (rawName === undefined) throw new TypeError("Algorithm: name is missing");
    const name = String(rawName);
    const algs = OPS[op];
    const lower = name.toLowerCase();
    const canon = Object.keys(algs).find((n) => n.toLowerCase() === lower);
    if (canon === undefined) throw domex(`Unrecognized algorithm name: ${name}`, "NotSupportedError");
    const out = { name: canon };
    const dict = algs[canon];
    for (const m of Object.keys(dict).sort()) {
      const [fn, required] = dict[m];
      const v = alg[m];
      if (v === undefined) {
        if (required) throw new TypeError(`${canon}: ${m} is required`);
        continue;
      }
      out[m] = fn(v, `${canon}.${m}`);
    }
    return out;
  }

  // usages each algorithm allows (secret or private / public)
  const USAGES = {
    "AES-CTR": ["encrypt", "decrypt", "wrapKey", "unwrapKey"],
    "AES-CBC": ["encrypt", "decrypt", "wrapKey", "unwrapKey"],
    "AES-GCM": ["encrypt", "decrypt", "wrapKey", "unwrapKey"],
    "AES-KW": ["wrapKey", "unwrapKey"],
    HMAC: ["sign", "verify"],
    HKDF: ["deriveKey", "deriveBits"],
    PBKDF2: ["deriveKey", "deriveBits"],
  };
  const PAIR_USAGES = {
    "RSASSA-PKCS1-v1_5": [["sign"], ["verify"]],
    "RSA-PSS": [["sign"], ["verify"]],
    "RSA-OAEP": [["decrypt", "unwrapKey"], ["encrypt", "wrapKey"]],
    ECDSA: [["sign"], ["verify"]],
    Ed25519: [["sign"], ["verify"]],
    ECDH: [["deriveKey", "deriveBits"], []],
    X25519: [["deriveKey", "deriveBits"], []],
  };
  const ALL_USAGES = ["encrypt", "decrypt", "sign", "verify", "deriveKey", "deriveBits", "wrapKey", "unwrapKey"];
  const KIND = { ECDSA: "ec", ECDH: "ec", Ed25519: "ed25519", X25519: "x25519", "RSASSA-PKCS1-v1_5": "rsa", "RSA-PSS": "rsa", "RSA-OAEP": "rsa" };

  function usagesArg(usages) {
    if (usages === null || typeof usages !== "object" || typeof usages[Symbol.iterator] !== "function") {
      throw new TypeError("keyUsages must be a sequence");
    }
    const out = [];
    for (const u of usages) {
      const s = String(u);
      if (!ALL_USAGES.includes(s)) throw new TypeError(`'${s}' is not a valid KeyUsage`);
      out.push(s);
    }
    return out;
  }
  const checkUsages = (usages, allowed) => {
    for (const u of usages) if (!allowed.includes(u)) throw domex(`Cannot create a key with usage '${u}'`, "SyntaxError");
  };
  const dedupe = (usages) => ALL_USAGES.filter((u) => usages.includes(u));

  // ---------------------------------------------------------------- CryptoKey
  const keySlots = new WeakMap();
  class CryptoKey {
    constructor() {
      throw illegal();
    }
    get type() {
      return slots(this).type;
    }
    get extractable() {
      return slots(this).extractable;
    }
    get algorithm() {
      return slots(this).algorithm;
    }
    get usages() {
      return slots(this).usages;
    }
  }
  for (const n of ["type", "extractable", "algorithm", "usages"]) {
    const d = Object.getOwnPropertyDescriptor(CryptoKey.prototype, n);
    d.enumerable = true;
    Object.defineProperty(CryptoKey.prototype, n, d);
  }
  tag(CryptoKey, "CryptoKey");
  // console.log shows a key's attributes, as Node's inspect does
  const KeyView = { CryptoKey: class CryptoKey {} }.CryptoKey;
  def(CryptoKey.prototype, Symbol.for("nodejs.util.inspect.custom"), function () {
    const s = keySlots.get(this);
    if (!s) return this;
    return Object.assign(new KeyView(), { type: s.type, extractable: s.extractable, algorithm: s.algorithm, usages: s.usages });
  });
  function slots(k) {
    const s = keySlots.get(k);
    if (!s) throw new TypeError("Illegal invocation: not a CryptoKey");
    return s;
  }
  function makeKey(handle, type, extractable, algorithm, usages) {
    const k = Object.create(CryptoKey.prototype);
    keySlots.set(k, { handle, type, extractable: !!extractable, algorithm, usages: dedupe(usages) });
    return k;
  }

  // algorithm objects of keys
  const hashObj = (name) => ({ name });
  function keyAlgorithm(name, info, params) {
    switch (name) {
      case "AES-CTR": case "AES-CBC": case "AES-GCM": case "AES-KW":
        return { name, length: info.size * 8 };
      case "HMAC":
        return { name, length: params.length, hash: hashObj(params.hash) };
      case "ECDSA": case "ECDH":
        return { name, namedCurve: info.namedCurve };
      case "RSASSA-PKCS1-v1_5": case "RSA-PSS": case "RSA-OAEP":
        return { name, modulusLength: info.modulusLength, publicExponent: new Uint8Array(info.publicExponentBytes), hash: hashObj(params.hash) };
    }
    return { name };
  }

  const HASH_BLOCK = { "SHA-1": 512, "SHA-256": 512, "SHA-384": 1024, "SHA-512": 1024 };
  const CURVES = ["P-256", "P-384", "P-521"];

  // ---------------------------------------------------------------- SubtleCrypto
  const bytesArg = (v, what) => {
    if (!isBufferSource(v)) throw new TypeError(`${what} must be a BufferSource`);
    return copyOf(v);
  };
  const checkKey = (key, alg, usage) => {
    const s = slots(key);
    if (s.algorithm.name !== alg.name) throw domex(`The key is for ${s.algorithm.name}, not ${alg.name}`, "InvalidAccessError");
    if (!s.usages.includes(usage)) throw domex(`The key does not allow '${usage}'`, "InvalidAccessError");
    return s;
  };
  const need = (n, args, what) => {
    if (args.length < n) throw new TypeError(`${what}: ${n} arguments required, but only ${args.length} present`);
  };

  // the parameters the natives get for an operation with key slots s
  function opParams(alg, s) {
    const p = Object.assign({}, alg);
    const ka = s.algorithm;
    if (ka.hash && p.hash === undefined) p.hash = ka.hash.name;
    if (p.public) p.public = slots(p.public).handle;
    return p;
  }

  function checkCipherParams(alg, s) {
    switch (alg.name) {
      case "AES-CTR":
        if (alg.counter.byteLength !== 16) throw domex("AES-CTR counter must be 16 bytes", "OperationError");
        if (alg.length === 0 || alg.length > 128) throw domex("AES-CTR length must be between 1 and 128", "OperationError");
        break;
      case "AES-CBC":
        if (alg.iv.byteLength !== 16) throw domex("AES-CBC iv must be 16 bytes", "OperationError");
        break;
      case "AES-GCM":
        if (alg.tagLength !== undefined && ![32, 64, 96, 104, 112, 120, 128].includes(alg.tagLength)) {
          throw domex(`${alg.tagLength} is not a valid AES-GCM tag length`, "OperationError");
        }
        break;
    }
  }

  async function encryptOp(op, alg, key, data) {
    const usage = op === "encrypt" || op === "wrapKey" ? "encrypt" : "decrypt";
    const s = checkKey(key, alg, op === "wrapKey" ? "wrapKey" : op === "unwrapKey" ? "unwrapKey" : usage);
    checkCipherParams(alg, s);
    if (alg.name === "RSA-OAEP" && s.type !== (usage === "encrypt" ? "public" : "private")) {
      throw domex(`RSA-OAEP ${usage}ion needs a ${usage === "encrypt" ? "public" : "private"} key`, "InvalidAccessError");
    }
    const p = opParams(alg, s);
    return usage === "encrypt" ? native.encrypt(p, s.handle, data) : native.decrypt(p, s.handle, data);
  }

  function generate(alg, extractable, usages) {
    const name = alg.name;
    if (USAGES[name]) {
      checkUsages(usages, USAGES[name]);
      let bytes;
      if (name === "HMAC") {
        let len = alg.length === undefined ? HASH_BLOCK[alg.hash] : alg.length;
        if (len === 0) throw domex("HMAC key length must not be 0", "OperationError");
        alg = { name, hash: alg.hash, length: len };
        bytes = Math.ceil(len / 8);
      } else {
        if (![128, 192, 256].includes(alg.length)) throw domex("AES key length must be 128, 192 or 256 bits", "OperationError");
        bytes = alg.length / 8;
      }
      if (usages.length === 0) throw domex("Usages cannot be empty when creating a key.", "SyntaxError");
      const h = native.generateSecret(bytes);
      return makeKey(h, "secret", extractable, keyAlgorithm(name, native.keyInfo(h), alg), usages);
    }
    const [privU, pubU] = PAIR_USAGES[name];
    checkUsages(usages, privU.concat(pubU));
    const kind = KIND[name];
    const opts = {};
    if (kind === "ec") {
      if (!CURVES.includes(alg.namedCurve)) throw domex(`Unsupported named curve: ${alg.namedCurve}`, "NotSupportedError");
      opts.namedCurve = alg.namedCurve;
    }
    if (kind === "rsa") {
      opts.modulusLength = alg.modulusLength;
      let e = 0;
      for (const b of alg.publicExponent) e = e * 256 + b;
      if (alg.publicExponent.length > 4) e = -1;
      opts.publicExponent = e;
      // a generation that fails comes before the empty-usages check
      if (e < 3 || e % 2 === 0) throw domex(`${e} is not a valid RSA public exponent`, "OperationError");
      if (alg.modulusLength < 1024 || alg.modulusLength > 16384) throw domex(`RSA modulus length ${alg.modulusLength} is not supported (1024 to 16384 bits)`, "OperationError");
    }
    const privUsages = usages.filter((u) => privU.includes(u));
    if (privUsages.length === 0) throw domex("Usages cannot be empty when creating a key.", "SyntaxError");
    if (kind === "rsa" && opts.publicExponent !== 65537) {
      // valid, but more than Go does
      throw domex(`RSA public exponent ${opts.publicExponent} is not supported (Go's crypto/rsa makes 65537 only)`, "OperationError");
    }
    return native.generateKeyPair(kind, opts, false).then(([pub, priv]) => {
      const info = native.keyInfo(pub);
      const algorithm = keyAlgorithm(name, info, alg);
      const algorithm2 = keyAlgorithm(name, info, alg);
      return {
        publicKey: makeKey(pub, "public", true, algorithm, usages.filter((u) => pubU.includes(u))),
        privateKey: makeKey(priv, "private", extractable, algorithm2, privUsages),
      };
    });
  }

  const JWK_ALG = {
    "AES-CTR": (len) => `A${len}CTR`, "AES-CBC": (len) => `A${len}CBC`,
    "AES-GCM": (len) => `A${len}GCM`, "AES-KW": (len) => `A${len}KW`,
  };
  const HMAC_ALG = { "SHA-1": "HS1", "SHA-256": "HS256", "SHA-384": "HS384", "SHA-512": "HS512" };
  const RSA_ALG = {
    "RSASSA-PKCS1-v1_5": { "SHA-1": "RS1", "SHA-256": "RS256", "SHA-384": "RS384", "SHA-512": "RS512" },
    "RSA-PSS": { "SHA-1": "PS1", "SHA-256": "PS256", "SHA-384": "PS384", "SHA-512": "PS512" },
    "RSA-OAEP": { "SHA-1": "RSA-OAEP", "SHA-256": "RSA-OAEP-256", "SHA-384": "RSA-OAEP-384", "SHA-512": "RSA-OAEP-512" },
  };
  const EC_ALG = { "P-256": "ES256", "P-384": "ES384", "P-521": "ES512" };

  function nativeImport(format, data, opts) {
    try {
      return native.importKey(format, data, opts);
    } catch (e) {
      if (e instanceof g.DOMException) throw e;
      throw domex(String(e && e.message), "DataError");
    }
  }

  function importOp(format, keyData, alg, extractable, usages) {
    const name = alg.name;
    const jwk = format === "jwk" ? keyData : null;
    if (jwk) {
      if (jwk.ext === false && extractable) throw domex("The JWK's ext is false but the key is to be extractable", "DataError");
      if (jwk.key_ops !== undefined) {
        if (!Array.isArray(jwk.key_ops)) throw domex("The JWK's key_ops is not an array", "DataError");
        for (const u of usages) if (!jwk.key_ops.includes(u)) throw domex(`The JWK's key_ops does not allow '${u}'`, "DataError");
        if (new Set(jwk.key_ops).size !== jwk.key_ops.length) throw domex("The JWK's key_ops has duplicates", "DataError");
      }
    }
    if (USAGES[name]) {
      checkUsages(usages, USAGES[name]);
      const kdf = name === "HKDF" || name === "PBKDF2";
      if (kdf) {
        if (format !== "raw") throw domex(`${name} keys can only be imported as raw`, "NotSupportedError");
        if (extractable) throw domex(`${name} keys cannot be extractable`, "SyntaxError");
      } else if (format !== "raw" && format !== "jwk") {
        throw domex(`${name} keys cannot be imported as ${format}`, "NotSupportedError");
      }
      let h;
      if (jwk) {
        if (jwk.kty !== "oct") throw domex("The JWK's kty is not 'oct'", "DataError");
        if (jwk.k === undefined) throw domex("The JWK has no 'k'", "DataError");
        h = nativeImport("jwk", jwk, { kind: "" });
        if (jwk.use !== undefined && jwk.use !== (name === "HMAC" ? "sig" : "enc")) throw domex(`The JWK's use is '${jwk.use}'`, "DataError");
      } else {
        h = nativeImport("raw-secret", keyData, { kind: "" });
      }
      const size = native.keyInfo(h).size;
      const params = {};
      if (name === "HMAC") {
        let len = size * 8;
        if (len === 0) throw domex("HMAC key is empty", "DataError");
        if (alg.length !== undefined) {
          if (alg.length > len || alg.length <= len - 8) throw domex("The key's length does not match", "DataError");
          len = alg.length;
        }
        if (jwk && jwk.alg !== undefined && jwk.alg !== HMAC_ALG[alg.hash]) throw domex(`The JWK's alg '${jwk.alg}' does not match ${alg.hash}`, "DataError");
        params.length = len;
        params.hash = alg.hash;
      } else if (!kdf) {
        if (![16, 24, 32].includes(size)) throw domex("AES key data must be 128, 192 or 256 bits", "DataError");
        if (jwk && jwk.alg !== undefined && jwk.alg !== JWK_ALG[name](size * 8)) throw domex(`The JWK's alg '${jwk.alg}' does not match`, "DataError");
      }
      if (usages.length === 0) throw domex("Usages cannot be empty when creating a key.", "SyntaxError");
      return makeKey(h, "secret", extractable, keyAlgorithm(name, native.keyInfo(h), Object.assign(params, { hash: params.hash })), usages);
    }
    // asymmetric
    const kind = KIND[name];
    const [privU, pubU] = PAIR_USAGES[name];
    if (!["raw", "spki", "pkcs8", "jwk"].includes(format) || (format === "raw" && kind === "rsa")) {
      throw domex(`${name} keys cannot be imported as ${format}`, "NotSupportedError");
    }
    if (kind === "ec" && !CURVES.includes(alg.namedCurve)) throw domex(`Unsupported named curve: ${alg.namedCurve}`, "NotSupportedError");
    let h;
    const opts = { kind, namedCurve: kind === "ec" ? alg.namedCurve : "" };
    if (jwk) {
      const kty = { ec: "EC", rsa: "RSA", ed25519: "OKP", x25519: "OKP" }[kind];
      if (jwk.kty !== kty) throw domex(`The JWK's kty is not '${kty}'`, "DataError");
      const isPrivate = jwk.d !== undefined;
      checkUsages(usages, isPrivate ? privU : pubU);
      if (kind === "ec") {
        if (jwk.crv !== alg.namedCurve) throw domex(`The JWK's crv is not ${alg.namedCurve}`, "DataError");
        if (name === "ECDSA" && jwk.alg !== undefined && jwk.alg !== EC_ALG[alg.namedCurve]) throw domex(`The JWK's alg '${jwk.alg}' does not match`, "DataError");
      } else if (kind === "ed25519" || kind === "x25519") {
        if (jwk.crv !== name) throw domex(`The JWK's crv is not ${name}`, "DataError");
        if (name === "Ed25519" && jwk.alg !== undefined && jwk.alg !== "EdDSA" && jwk.alg !== "Ed25519") throw domex(`The JWK's alg '${jwk.alg}' does not match`, "DataError");
      } else if (jwk.alg !== undefined && jwk.alg !== RSA_ALG[name][alg.hash]) {
        throw domex(`The JWK's alg '${jwk.alg}' does not match`, "DataError");
      }
      if (jwk.use !== undefined && usages.length > 0) {
        const want = name === "RSA-OAEP" || name === "ECDH" || name === "X25519" ? "enc" : "sig";
        if (jwk.use !== want) throw domex(`The JWK's use is '${jwk.use}'`, "DataError");
      }
      h = nativeImport("jwk", jwk, opts);
    } else {
      checkUsages(usages, format === "pkcs8" ? privU : pubU);
      h = nativeImport(format === "raw" ? "raw-public" : format, keyData, opts);
      const t = native.keyInfo(h).type;
      if ((format === "pkcs8") !== (t === "private")) throw domex(`The key data is not a ${format === "pkcs8" ? "private" : "public"} key`, "DataError");
    }
    const info = native.keyInfo(h);
    if (info.type === "private" && usages.length === 0) throw domex("Usages cannot be empty when creating a key.", "SyntaxError");
    return makeKey(h, info.type, info.type === "public" ? true : extractable, keyAlgorithm(name, info, alg), usages);
  }

  function exportOp(format, key) {
    const s = slots(key);
    const name = s.algorithm.name;
    if (name === "HKDF" || name === "PBKDF2") throw domex(`${name} keys cannot be exported`, "NotSupportedError");
    if (!s.extractable) throw domex("The key is not extractable", "InvalidAccessError");
    const secret = s.type === "secret";
    if (format === "jwk") {
      const jwk = native.exportKey(s.handle, "jwk");
      const out = { key_ops: s.usages.slice(), ext: s.extractable };
      Object.assign(out, jwk);
      if (JWK_ALG[name]) out.alg = JWK_ALG[name](s.algorithm.length);
      else if (name === "HMAC") out.alg = HMAC_ALG[s.algorithm.hash.name];
      else if (RSA_ALG[name]) out.alg = RSA_ALG[name][s.algorithm.hash.name];
      else if (name === "Ed25519") out.alg = "Ed25519";
      if (name === "HKDF" || name === "PBKDF2") throw domex(`${name} keys cannot be exported`, "NotSupportedError");
      return out;
    }
    if (secret) {
      if (format !== "raw" || name === "HKDF" || name === "PBKDF2") throw domex(`${name} keys cannot be exported as ${format}`, "NotSupportedError");
    } else if (format === "raw" && KIND[name] === "rsa") {
      throw domex("RSA keys cannot be exported as raw", "NotSupportedError");
    }
    const want = { raw: secret ? "secret" : "public", spki: "public", pkcs8: "private" }[format];
    if (want !== s.type) throw domex(`A ${s.type} key cannot be exported as ${format}`, "InvalidAccessError");
    return native.exportKey(s.handle, format);
  }

  function keyLength(alg) {
    if (alg.name === "HMAC") {
      const len = alg.length === undefined ? HASH_BLOCK[alg.hash] : alg.length;
      if (len === 0) throw domex("HMAC key length must not be 0", "OperationError");
      return len;
    }
    if (alg.name === "HKDF" || alg.name === "PBKDF2") return null;
    if (![128, 192, 256].includes(alg.length)) throw domex("AES key length must be 128, 192 or 256 bits", "OperationError");
    return alg.length;
  }

  function deriveOp(alg, s, length) {
    const p = opParams(alg, s);
    if (alg.name === "ECDH" || alg.name === "X25519") {
      const ps = slots(alg.public);
      if (ps.type !== "public") throw domex("The public key is not a public key", "InvalidAccessError");
      if (ps.algorithm.name !== alg.name) throw domex(`The public key is for ${ps.algorithm.name}`, "InvalidAccessError");
      if (alg.name === "ECDH" && ps.algorithm.namedCurve !== s.algorithm.namedCurve) throw domex("The keys are on different curves", "InvalidAccessError");
    } else if (length === null) {
      throw domex(`${alg.name} needs a length`, "OperationError");
    }
    return native.deriveBits(p, s.handle, length === null ? -1 : length, false);
  }

  const formatArg = (f) => {
    f = String(f);
    if (!["raw", "spki", "pkcs8", "jwk"].includes(f)) throw new TypeError(`'${f}' is not a valid KeyFormat`);
    return f;
  };
  const keyArg = (k, what) => {
    if (!keySlots.has(k)) throw new TypeError(`${what} is not a CryptoKey`);
    return k;
  };

  // The spec runs the rest of an operation "in parallel" and settles its
  // promise from a task: a result that is ready at once (a key imported on
  // the loop) still settles after the microtasks queued by the caller.
  const inParallel = () => undefined;

  class SubtleCrypto {
    constructor() {
      throw illegal();
    }
    async digest(algorithm, data) {
      need(2, arguments, "digest");
      const alg = normalize("digest", algorithm);
      return native.digest(alg.name, bytesArg(data, "data"));
    }
    async generateKey(algorithm, extractable, keyUsages) {
      need(3, arguments, "generateKey");
      const usages = usagesArg(keyUsages);
      const alg = normalize("generateKey", algorithm);
      await inParallel();
      return generate(alg, !!extractable, usages);
    }
    async importKey(format, keyData, algorithm, extractable, keyUsages) {
      need(5, arguments, "importKey");
      format = formatArg(format);
      if (format === "jwk") {
        if (keyData === null || typeof keyData !== "object" || isBufferSource(keyData)) throw new TypeError("keyData must be a JsonWebKey");
      } else {
        keyData = bytesArg(keyData, "keyData");
      }
      const alg = normalize("importKey", algorithm);
      const usages = usagesArg(keyUsages);
      await inParallel();
      return importOp(format, keyData, alg, !!extractable, usages);
    }
    async exportKey(format, key) {
      need(2, arguments, "exportKey");
      format = formatArg(format);
      keyArg(key, "key");
      await inParallel();
      return exportOp(format, key);
    }
    async sign(algorithm, key, data) {
      need(3, arguments, "sign");
      const alg = normalize("sign", algorithm);
      keyArg(key, "key");
      data = bytesArg(data, "data");
      const s = checkKey(key, alg, "sign");
      return native.sign(opParams(alg, s), s.handle, data, false);
    }
    async verify(algorithm, key, signature, data) {
      need(4, arguments, "verify");
      const alg = normalize("verify", algorithm);
      keyArg(key, "key");
      signature = bytesArg(signature, "signature");
      data = bytesArg(data, "data");
      const s = checkKey(key, alg, "verify");
      return native.verify(opParams(alg, s), s.handle, signature, data, false);
    }
    async encrypt(algorithm, key, data) {
      need(3, arguments, "encrypt");
      const alg = normalize("encrypt", algorithm);
      keyArg(key, "key");
      return encryptOp("encrypt", alg, key, bytesArg(data, "data"));
    }
    async decrypt(algorithm, key, data) {
      need(3, arguments, "decrypt");
      const alg = normalize("decrypt", algorithm);
      keyArg(key, "key");
      return encryptOp("decrypt", alg, key, bytesArg(data, "data"));
    }
    async deriveBits(algorithm, baseKey, length = null) {
      need(2, arguments, "deriveBits");
      const alg = normalize("deriveBits", algorithm);
      keyArg(baseKey, "baseKey");
      if (length !== null) length = u32(length, "length");
      const s = checkKey(baseKey, alg, "deriveBits");
      return deriveOp(alg, s, length);
    }
    async deriveKey(algorithm, baseKey, derivedKeyType, extractable, keyUsages) {
      need(5, arguments, "deriveKey");
      const alg = normalize("deriveBits", algorithm);
      keyArg(baseKey, "baseKey");
      const importAlg = normalize("importKey", derivedKeyType);
      const lenAlg = normalize("keyLength", derivedKeyType);
      const usages = usagesArg(keyUsages);
      const s = checkKey(baseKey, alg, "deriveKey");
      const length = keyLength(lenAlg);
      const bits = await deriveOp(alg, s, length);
      return importOp("raw", new Uint8Array(bits), importAlg, !!extractable, usages);
    }
    async wrapKey(format, key, wrappingKey, wrapAlgorithm) {
      need(4, arguments, "wrapKey");
      format = formatArg(format);
      keyArg(key, "key");
      keyArg(wrappingKey, "wrappingKey");
      let alg;
      try {
        alg = normalize("wrapKey", wrapAlgorithm);
      } catch (e) {
        alg = normalize("encrypt", wrapAlgorithm);
      }
      checkKey(wrappingKey, alg, "wrapKey");
      const exported = exportOp(format, key);
      const bytes = format === "jwk" ? utf8(JSON.stringify(exported)) : new Uint8Array(exported);
      return encryptOp("wrapKey", alg, wrappingKey, bytes);
    }
    async unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, keyUsages) {
      need(7, arguments, "unwrapKey");
      format = formatArg(format);
      wrappedKey = bytesArg(wrappedKey, "wrappedKey");
      keyArg(unwrappingKey, "unwrappingKey");
      let alg;
      try {
        alg = normalize("unwrapKey", unwrapAlgorithm);
      } catch (e) {
        alg = normalize("decrypt", unwrapAlgorithm);
      }
      const importAlg = normalize("importKey", unwrappedKeyAlgorithm);
      const usages = usagesArg(keyUsages);
      checkKey(unwrappingKey, alg, "unwrapKey");
      const plain = new Uint8Array(await encryptOp("unwrapKey", alg, unwrappingKey, wrappedKey));
      let data = plain;
      if (format === "jwk") {
        try {
          data = JSON.parse(new TextDecoder().decode(plain));
        } catch (e) {
          throw domex("The unwrapped key is not a JWK", "DataError");
        }
        if (data === null || typeof data !== "object") throw domex("The unwrapped key is not a JWK", "DataError");
      }
      return importOp(format, data, importAlg, !!extractable, usages);
    }
  }
  tag(SubtleCrypto, "SubtleCrypto");

  const subtle = Object.create(SubtleCrypto.prototype);

  const INT_ARRAYS = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array];
  if (typeof BigInt64Array === "function") INT_ARRAYS.push(BigInt64Array, BigUint64Array);

  class Crypto {
    constructor() {
      throw illegal();
    }
    get subtle() {
      if (!(this instanceof Crypto)) throw new TypeError("Illegal invocation");
      return subtle;
    }
    getRandomValues(array) {
      if (!(this instanceof Crypto)) throw new TypeError("Illegal invocation");
      if (arguments.length < 1) throw new TypeError("getRandomValues: 1 argument required, but only 0 present");
      if (!ArrayBuffer.isView(array)) throw new TypeError("The data argument must be an integer-type TypedArray");
      if (!(array instanceof Uint8Array) && !INT_ARRAYS.some((C) => array instanceof C)) {
        throw domex("The data argument must be an integer-type TypedArray", "TypeMismatchError");
      }
      if (array.byteLength > 65536) throw domex("The requested length exceeds 65,536 bytes", "QuotaExceededError");
      native.randomFill(array);
      return array;
    }
    randomUUID() {
      if (!(this instanceof Crypto)) throw new TypeError("Illegal invocation");
      return native.randomUUID();
    }
  }
  tag(Crypto, "Crypto");
  const d = Object.getOwnPropertyDescriptor(Crypto.prototype, "subtle");
  d.enumerable = true;
  Object.defineProperty(Crypto.prototype, "subtle", d);
  const crypto = Object.create(Crypto.prototype);

  const web = { crypto, Crypto, CryptoKey, SubtleCrypto };

  // ================================================================ node:crypto
  const node = makeNode();

  function makeNode() {
    const B = () => g.Buffer;
    const nodeError = (Ctor, code, message) => {
      const e = new Ctor(message);
      if (code) e.code = code;
      return e;
    };
    function describe(v) {
      if (v === null) return "null";
      if (v === undefined) return "undefined";
      if (typeof v === "function") return `function ${v.name}`;
      if (typeof v === "object") {
        if (v.constructor && v.constructor.name) return `an instance of ${v.constructor.name}`;
        return "an instance of Object";
      }
      let str = String(v);
      if (typeof v === "string") str = `'${str.length > 25 ? str.slice(0, 25) + "..." : str}'`;
      if (typeof v === "bigint") str += "n";
      return `type ${typeof v} (${str})`;
    }
    const inspect = (v) => (typeof v === "string" ? `'${v}'` : typeof v === "bigint" ? `${v}n` : v === null || typeof v !== "object" ? String(v) : describe(v));
    const invalidType = (name, expected, v, prop) =>
      nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "${name}" ${prop ? "property" : "argument"} must be ${expected}. Received ${describe(v)}`);
    const outOfRange = (name, range, v) =>
      nodeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "${name}" is out of range. It must be ${range}. Received ${typeof v === "number" ? fmtNum(v) : describe(v)}`);
    const fmtNum = (n) => {
      if (!Number.isInteger(n) || Math.abs(n) < 1000) return String(n);
      const s = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, "_");
      return n < 0 ? "-" + s : s;
    };
    const BYTES = "of type string or an instance of Buffer, TypedArray, or DataView";
    const KEYISH = "of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey";
    const checkFn = (cb, name = "callback") => {
      if (typeof cb !== "function") throw invalidType(name, "of type function", cb);
    };
    const checkInt = (v, name, lo, hi) => {
      if (typeof v !== "number") throw invalidType(name, "of type number", v);
      if (!Number.isInteger(v)) throw outOfRange(name, "an integer", v);
      if (v < lo || v > hi) throw outOfRange(name, `>= ${lo} && <= ${hi}`, v);
      return v;
    };
    const checkString = (v, name, prop) => {
      if (typeof v !== "string") throw invalidType(name, "of type string", v, prop);
      return v;
    };
    const encName = (enc) => (enc === undefined || enc === null || enc === "buffer" ? null : String(enc));
    // bytes of a string (in enc) or a BufferSource, as a Uint8Array view
    function toBytes(data, enc, name, expected = BYTES) {
      if (typeof data === "string") {
        const e = encName(enc) || "utf8";
        const ab = native.decodeString(data, e);
        if (ab === null) throw nodeError(TypeError, "ERR_UNKNOWN_ENCODING", `Unknown encoding: ${e}`);
        return new Uint8Array(ab);
      }
      if (isBufferSource(data)) return view(data);
      throw invalidType(name, expected, data);
    }
    // an ArrayBuffer result as a Buffer, or a string in enc
    function output(ab, enc) {
      const e = encName(enc);
      if (e === null) return B().from(ab);
      const s = native.encodeBytes(new Uint8Array(ab), e);
      return s === null ? B().from(ab) : s; // as Node: an unknown encoding gives the bytes
    }
    const later = (fn) => Promise.resolve().then(fn);
    // settles an async native's promise into a Node callback
    const callback = (p, cb, map = (v) => v) => {
      p.then((v) => cb(null, map(v)), (e) => cb(nodeErrorOf(e)));
    };

    // ---------------------------------------------------------- Hash, Hmac
    const kH = Symbol("handle"), kDone = Symbol("finalized");
    const finalized = () => nodeError(Error, "ERR_CRYPTO_HASH_FINALIZED", "Digest already called");
    // strings go to Go as they are (decoded there), bytes as a view
    function hashUpdate(h, data, encoding) {
      if (typeof data === "string") native.hashUpdate(h, data, encoding);
      else if (ArrayBuffer.isView(data)) native.hashUpdate(h, view(data));
      else throw invalidType("data", BYTES, data);
    }
    const outputLength = (options) => {
      const n = options && options.outputLength;
      if (n === undefined) return undefined;
      return checkInt(n, "options.outputLength", 0, 2 ** 32 - 1);
    };
    const hashOutput = (r) => (typeof r === "string" ? r : B().from(r));
    class Hash {
      constructor(algorithm, options) {
        if (!new.target) return new Hash(algorithm, options);
        checkString(algorithm, "algorithm");
        const h = native.hashNew(algorithm, outputLength(options));
        if (h === null) throw new Error("Digest method not supported");
        this[kH] = h;
        this[kDone] = false;
      }
      update(data, encoding) {
        if (this[kDone]) throw finalized();
        hashUpdate(this[kH], data, encoding);
        return this;
      }
      digest(encoding) {
        if (this[kDone]) throw finalized();
        this[kDone] = true;
        return hashOutput(native.hashDigest(this[kH], encoding));
      }
      copy(options) {
        if (this[kDone]) throw finalized();
        const c = Object.create(Hash.prototype);
        c[kH] = native.hashCopy(this[kH], outputLength(options));
        c[kDone] = false;
        return c;
      }
    }
    class Hmac {
      constructor(hmac, key, options) {
        if (!new.target) return new Hmac(hmac, key, options);
        checkString(hmac, "hmac");
        const enc = options && options.encoding;
        const k = typeof key === "string" && (enc === undefined || native.encodingKnown(enc)) ? key : secretBytes(key, enc, "key");
        const h = native.hmacNew(hmac, k, enc);
        if (h === null) throw nodeError(TypeError, "ERR_CRYPTO_INVALID_DIGEST", `Invalid digest: ${hmac}`);
        this[kH] = h;
        this[kDone] = false;
      }
      update(data, encoding) {
        if (this[kDone]) throw finalized();
        hashUpdate(this[kH], data, encoding);
        return this;
      }
      digest(encoding) {
        // as in Node, a second digest() gives an empty result
        if (this[kDone]) return output(new ArrayBuffer(0), encoding);
        this[kDone] = true;
        return hashOutput(native.hashDigest(this[kH], encoding));
      }
    }
    // the bytes of a secret key argument (string, BufferSource, secret
    // KeyObject, secret CryptoKey)
    function secretBytes(key, enc, name) {
      if (key instanceof KeyObject) {
        if (key.type !== "secret") throw nodeError(TypeError, "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", `Invalid key object type ${key.type}, expected secret.`);
        return new Uint8Array(native.exportKey(key[kKey], "raw"));
      }
      if (keySlots.has(key)) {
        const s = keySlots.get(key);
        if (s.type !== "secret") throw nodeError(TypeError, "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", `Invalid key object type ${s.type}, expected secret.`);
        return new Uint8Array(native.exportKey(s.handle, "raw"));
      }
      return toBytes(key, enc, name, KEYISH);
    }

    // ---------------------------------------------------------- random
    function randomBytes(size, cb) {
      if (typeof size !== "number") throw invalidType("size", "of type number", size);
      if (!(size >= 0 && size <= 2147483647) || !Number.isFinite(size)) throw outOfRange("size", ">= 0 && <= 2147483647", size);
      if (cb !== undefined) checkFn(cb);
      const b = B().alloc(Math.floor(size));
      native.randomFill(view(b));
      if (cb === undefined) return b;
      later(() => cb(null, b));
    }
    function fillArgs(buf, offset, size) {
      if (!isBufferSource(buf)) throw invalidType("buf", "an instance of ArrayBuffer or ArrayBufferView", buf);
      const v = view(buf);
      const elem = ArrayBuffer.isView(buf) && buf.BYTES_PER_ELEMENT ? buf.BYTES_PER_ELEMENT : 1;
      offset = offset === undefined ? 0 : checkInt(offset, "offset", 0, v.byteLength / elem) * elem;
      size = size === undefined ? v.byteLength - offset : checkInt(size, "size", 0, (v.byteLength - offset) / elem) * elem;
      return v.subarray(offset, offset + size);
    }
    function randomFillSync(buf, offset, size) {
      native.randomFill(fillArgs(buf, offset, size));
      return buf;
    }
    function randomFill(buf, offset, size, cb) {
      if (typeof offset === "function") [cb, offset, size] = [offset, undefined, undefined];
      else if (typeof size === "function") [cb, size] = [size, undefined];
      checkFn(cb);
      const v = fillArgs(buf, offset, size);
      native.randomFill(v);
      later(() => cb(null, buf));
    }
    function randomInt(min, max, cb) {
      if (typeof max === "function" || max === undefined) [cb, max, min] = [max, min, 0];
      if (!Number.isSafeInteger(min)) throw invalidType("min", "a safe integer", min);
      if (!Number.isSafeInteger(max)) throw invalidType("max", "a safe integer", max);
      if (max <= min) throw nodeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "max" is out of range. It must be greater than the value of "min" (${min}). Received ${max}`);
      if (max - min > 2 ** 48 - 1) throw outOfRange("max - min", "<= 281474976710655", max - min);
      if (cb !== undefined) checkFn(cb);
      const n = native.randomInt(min, max);
      if (cb === undefined) return n;
      later(() => cb(null, n));
    }
    function randomUUID(options) {
      if (options !== undefined && (options === null || typeof options !== "object")) throw invalidType("options", "of type object", options);
      return native.randomUUID();
    }
    function timingSafeEqual(a, b) {
      if (!isBufferSource(a)) throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "buf1" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.${a === undefined ? " Received undefined" : ""}`);
      if (!isBufferSource(b)) throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "buf2" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.${b === undefined ? " Received undefined" : ""}`);
      if (view(a).byteLength !== view(b).byteLength) throw nodeError(RangeError, "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH", "Input buffers must have the same byte length");
      return native.timingSafeEqual(view(a), view(b));
    }

    // ---------------------------------------------------------- KDFs
    const checkDigest = (digest, name = "digest") => {
      checkString(digest, name);
      if (native.hashSize(digest) < 0) throw nodeError(TypeError, "ERR_CRYPTO_INVALID_DIGEST", `Invalid digest: ${digest}`);
    };
    function pbkdf2Args(password, salt, iterations, keylen, digest) {
      const p = secretBytes(password, undefined, "password");
      const s = toBytes(salt, undefined, "salt", "of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView");
      checkInt(iterations, "iterations", 1, 2147483647);
      checkInt(keylen, "keylen", 0, 2147483647);
      checkDigest(digest);
      return [p, s, iterations, keylen, digest];
    }
    function pbkdf2(password, salt, iterations, keylen, digest, cb) {
      if (typeof digest === "function") throw invalidType("digest", "of type string", undefined);
      const args = pbkdf2Args(password, salt, iterations, keylen, digest);
      checkFn(cb);
      callback(native.pbkdf2(...args, false), cb, (ab) => B().from(ab));
    }
    const pbkdf2Sync = (password, salt, iterations, keylen, digest) =>
      B().from(native.pbkdf2(...pbkdf2Args(password, salt, iterations, keylen, digest), true));

    function hkdfArgs(digest, ikm, salt, info, keylen) {
      checkDigest(digest);
      const k = secretBytes(ikm, undefined, "ikm");
      const s = toBytes(salt, undefined, "salt", "of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView");
      const i = toBytes(info, undefined, "info", "of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView");
      checkInt(keylen, "length", 0, 2147483647);
      if (i.byteLength > 1024) throw outOfRange("info", "must not contain more than 1024 bytes", i.byteLength);
      if (keylen > 255 * native.hashSize(digest)) throw nodeError(RangeError, "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length");
      return [digest, k, s, i, keylen];
    }
    function hkdf(digest, ikm, salt, info, keylen, cb) {
      const args = hkdfArgs(digest, ikm, salt, info, keylen);
      checkFn(cb);
      callback(native.hkdf(...args, false), cb);
    }
    const hkdfSync = (digest, ikm, salt, info, keylen) => native.hkdf(...hkdfArgs(digest, ikm, salt, info, keylen), true);

    function scryptArgs(password, salt, keylen, options) {
      const p = secretBytes(password, undefined, "password");
      const s = toBytes(salt, undefined, "salt", "of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView");
      checkInt(keylen, "keylen", 0, 2147483647);
      const o = options || {};
      const pick = (a, b, dflt) => {
        if (o[a] !== undefined && o[b] !== undefined) throw nodeError(Error, "ERR_CRYPTO_SCRYPT_INVALID_PARAMETER", "Invalid scrypt parameter");
        const v = o[a] !== undefined ? o[a] : o[b] !== undefined ? o[b] : dflt;
        return checkInt(v, a, 0, 2 ** 53 - 1);
      };
      const N = pick("N", "cost", 16384), r = pick("r", "blockSize", 8), par = pick("p", "parallelization", 1);
      const maxmem = o.maxmem === undefined ? 32 << 20 : checkInt(o.maxmem, "maxmem", 0, 2 ** 53 - 1);
      if (N < 2 || (N & (N - 1)) !== 0 || r < 1 || par < 1 || par * r > 2 ** 30 - 1) {
        throw nodeError(RangeError, "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", "Invalid scrypt params");
      }
      // OpenSSL's bound: the B and V arrays
      if (128 * r * par + 128 * r * (N + 2) > maxmem) {
        throw nodeError(RangeError, "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", "Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded");
      }
      return [p, s, N, r, par, keylen];
    }
    function scrypt(password, salt, keylen, options, cb) {
      if (typeof options === "function") [cb, options] = [options, undefined];
      const args = scryptArgs(password, salt, keylen, options);
      checkFn(cb);
      callback(native.scrypt(...args, false), cb, (ab) => B().from(ab));
    }
    const scryptSync = (password, salt, keylen, options) => B().from(native.scrypt(...scryptArgs(password, salt, keylen, options), true));

    // ---------------------------------------------------------- ciphers
    const kC = Symbol("cipher"), kFinal = Symbol("final");
    const invalidState = (op) => nodeError(Error, "ERR_CRYPTO_INVALID_STATE", `Invalid state for operation ${op}`);
    function cipherBase(self, encrypt, algorithm, key, iv, options) {
      checkString(algorithm, "cipher");
      const info = native.cipherInfo(algorithm);
      if (info === undefined) throw nodeError(Error, "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher");
      const k = secretBytes(key, undefined, "key");
      let v;
      if (iv === null || iv === undefined) {
        if (info.ivLength !== undefined) throw nodeError(TypeError, "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector");
        v = new Uint8Array(0);
      } else {
        v = toBytes(iv, undefined, "iv", "of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView");
      }
      const tagLen = options && options.authTagLength;
      self[kC] = native.cipherNew(algorithm, k, v, encrypt, tagLen === undefined ? null : tagLen);
      self[kFinal] = false;
      self[kH] = info;
    }
    const cipherProto = {
      update(data, inputEncoding, outputEncoding) {
        if (this[kFinal]) throw new Error("Trying to add data in unsupported state");
        if (data instanceof ArrayBuffer) throw invalidType("data", BYTES, data);
        return output(native.cipherUpdate(this[kC], toBytes(data, inputEncoding, "data")), outputEncoding);
      },
      final(outputEncoding) {
        if (this[kFinal]) throw nodeError(Error, "ERR_CRYPTO_INVALID_STATE", "Invalid state");
        this[kFinal] = true;
        return output(native.cipherFinal(this[kC]), outputEncoding);
      },
      setAutoPadding(autoPadding = true) {
        if (this[kFinal]) throw invalidState("setAutoPadding");
        native.cipherSetPadding(this[kC], !!autoPadding);
        return this;
      },
      setAAD(buffer, options) {
        if (this[kFinal] || !this[kH].aead) throw invalidState("setAAD");
        native.cipherSetAAD(this[kC], toBytes(buffer, undefined, "buffer"));
        return this;
      },
    };
    class Cipheriv {
      constructor(algorithm, key, iv, options) {
        if (!new.target) return new Cipheriv(algorithm, key, iv, options);
        cipherBase(this, true, algorithm, key, iv, options);
      }
      getAuthTag() {
        const t = this[kFinal] && this[kH].aead ? native.cipherAuthTag(this[kC]) : undefined;
        if (t === undefined) throw invalidState("getAuthTag");
        return B().from(t);
      }
    }
    class Decipheriv {
      constructor(algorithm, key, iv, options) {
        if (!new.target) return new Decipheriv(algorithm, key, iv, options);
        cipherBase(this, false, algorithm, key, iv, options);
      }
      setAuthTag(tag, encoding) {
        if (this[kFinal] || !this[kH].aead) throw invalidState("setAuthTag");
        native.cipherAuthTag(this[kC], toBytes(tag, encoding, "buffer"));
        return this;
      }
    }
    for (const C of [Cipheriv, Decipheriv]) {
      for (const [n, f] of Object.entries(cipherProto)) def(C.prototype, n, f);
    }
    const getCipherInfo = (name, options) => {
      const i = native.cipherInfo(String(name));
      if (i === undefined) return undefined;
      const out = { mode: i.mode, name: i.name, blockSize: i.blockSize, keyLength: i.keyLength };
      if (i.ivLength !== undefined) out.ivLength = i.ivLength;
      return out;
    };

    // ---------------------------------------------------------- KeyObject
    const kKey = Symbol("kKeyHandle"), kType = Symbol("kKeyType");
    const NODE_CURVES = { "P-256": "prime256v1", "P-384": "secp384r1", "P-521": "secp521r1" };
    class KeyObject {
      constructor(type, handle) {
        if (handle === undefined || handle[INTERNAL] !== true) {
          if (!["secret", "public", "private"].includes(type)) throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The argument 'type' is invalid. Received ${describe(type)}`);
          throw invalidType("handle", "of type object", handle);
        }
        this[kType] = type;
        Object.defineProperty(this, kKey, { value: handle.h }); // hidden from console.log, as in Node
      }
      get type() {
        return this[kType];
      }
      static from(key) {
        if (!keySlots.has(key)) throw invalidType("key", "an instance of CryptoKey", key);
        const s = keySlots.get(key);
        return keyObject(s.handle);
      }
      equals(other) {
        if (!(other instanceof KeyObject)) throw invalidType("otherKeyObject", "an instance of KeyObject", other);
        return native.keyEquals(this[kKey], other[kKey]);
      }
    }
    class SecretKeyObject extends KeyObject {
      get symmetricKeySize() {
        return native.keyInfo(this[kKey]).size;
      }
      export(options) {
        if (options !== undefined && (options === null || typeof options !== "object")) throw invalidType("options", "of type object", options);
        if (options && options.format === "jwk") return native.exportKey(this[kKey], "jwk");
        if (options && options.format !== undefined && options.format !== "buffer") {
          throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The property 'options.format' must be one of: undefined, 'buffer', 'jwk'. Received ${inspect(options.format)}`);
        }
        return B().from(native.exportKey(this[kKey], "raw"));
      }
    }
    class AsymmetricKeyObject extends KeyObject {
      get asymmetricKeyType() {
        return native.keyInfo(this[kKey]).kind;
      }
      get asymmetricKeyDetails() {
        const i = native.keyInfo(this[kKey]);
        if (i.kind === "rsa") return { modulusLength: i.modulusLength, publicExponent: BigInt(i.publicExponent) };
        if (i.kind === "ec") return { namedCurve: i.nodeCurve };
        return {};
      }
      export(options) {
        if (options === null || typeof options !== "object") throw invalidType("options", "of type object", options);
        const { format, type } = options;
        if (format === "jwk") return native.exportKey(this[kKey], "jwk");
        const pub = this.type === "public";
        const types = pub ? ["spki", "pkcs1"] : ["pkcs8", "pkcs1", "sec1"];
        if (!types.includes(type)) {
          throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The property 'options.type' must be one of: ${types.map((t) => `'${t}'`).join(", ")}. Received ${inspect(type)}`);
        }
        if (format !== "pem" && format !== "der") {
          throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The property 'options.format' must be one of: 'pem', 'der', 'jwk'. Received ${inspect(format)}`);
        }
        const enc = {};
        if (options.cipher !== undefined) {
          if (pub) throw nodeError(TypeError, "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", "The selected key encoding spki does not support encryption.");
          enc.cipher = checkString(options.cipher, "options.cipher", true);
          if (options.passphrase === undefined || options.passphrase === null) {
            throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The property 'options.passphrase' is invalid. Received ${inspect(options.passphrase)}`);
          }
          enc.passphrase = toBytes(options.passphrase, undefined, "options.passphrase");
        }
        const r = nodeKeyCall(() => native.exportKey(this[kKey], format === "pem" ? "pem-" + type : type, enc));
        return format === "pem" ? r : B().from(r);
      }
    }
    class PublicKeyObject extends AsymmetricKeyObject {}
    class PrivateKeyObject extends AsymmetricKeyObject {}
    const keyClasses = { secret: SecretKeyObject, public: PublicKeyObject, private: PrivateKeyObject };
    function keyObject(h) {
      const type = native.keyInfo(h).type;
      return new keyClasses[type](type, { [INTERNAL]: true, h });
    }
    // a Web Crypto error of a native as Node's
    function nodeErrorOf(e) {
      if (!(e instanceof g.DOMException)) return e;
      const code = e.name === "NotSupportedError" ? "ERR_CRYPTO_UNSUPPORTED_OPERATION" : e.name === "InvalidAccessError" ? "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE" :
        e.name === "OperationError" ? "ERR_CRYPTO_OPERATION_FAILED" : "ERR_CRYPTO_INVALID_KEY";
      return nodeError(e.name === "InvalidAccessError" ? TypeError : Error, code, e.message);
    }
    // a native key call whose Web Crypto errors become Node's
    function nodeKeyCall(f) {
      try {
        return f();
      } catch (e) {
        throw nodeErrorOf(e);
      }
    }
    function createSecretKey(key, encoding) {
      const b = toBytes(key, encoding, "key", "of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView");
      return keyObject(native.importKey("raw-secret", b, {}));
    }
    // parses the key argument of createPublicKey/createPrivateKey/sign...
    function parseKey(key, want) {
      if (key instanceof KeyObject) return key;
      if (keySlots.has(key)) return keyObject(keySlots.get(key).handle);
      let format = "pem", type, data = key, enc, passphrase;
      if (key !== null && typeof key === "object" && !isBufferSource(key)) {
        if (key.key instanceof KeyObject) return key.key;
        if (keySlots.has(key.key)) return keyObject(keySlots.get(key.key).handle);
        ({ format = "pem", type, encoding: enc } = key);
        data = key.key;
        // a passphrase for an unencrypted key is ignored, as in Node
        if (key.passphrase !== undefined && key.passphrase !== null) passphrase = toBytes(key.passphrase, undefined, "key.passphrase");
      }
      if (format === "jwk") {
        if (data === null || typeof data !== "object") throw invalidType("key.key", "of type object", data, true);
        return keyObject(nodeKeyCall(() => native.importKey("jwk", data, {})));
      }
      if (typeof data !== "string" && !isBufferSource(data)) {
        throw invalidType("key", "of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey", data);
      }
      const bytes = toBytes(data, enc, "key");
      let f = format === "pem" ? "pem" : format === "der" ? (type || "der") : null;
      if (f === null) throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The property 'key.format' must be one of: 'pem', 'der', 'jwk'. Received ${inspect(format)}`);
      let h;
      try {
        h = native.importKey(f, bytes, passphrase === undefined ? {} : { passphrase });
      } catch (e) {
        if (e && typeof e.code === "string") throw e; // a missing passphrase, a bad decrypt
        if (e instanceof g.DOMException && e.name === "NotSupportedError") throw nodeError(Error, "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM", e.message);
        throw nodeError(Error, "ERR_OSSL_UNSUPPORTED", "error:1E08010C:DECODER routines::unsupported");
      }
      return keyObject(h);
    }
    function createPublicKey(key) {
      const k = parseKey(key, "public");
      if (k.type === "secret") throw nodeError(TypeError, "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "Invalid key object type secret, expected private.");
      return k.type === "private" ? keyObject(native.publicOf(k[kKey])) : k;
    }
    function createPrivateKey(key) {
      if (key instanceof KeyObject && key.type !== "private") {
        throw invalidType("key", "of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView", key);
      }
      const k = parseKey(key, "private");
      if (k.type !== "private") throw nodeError(TypeError, "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", `Invalid key object type ${k.type}, expected private.`);
      return k;
    }

    // ---------------------------------------------------------- key generation
    function keyPairArgs(type, options) {
      checkString(type, "type");
      const o = options === undefined ? {} : options;
      if (o === null || typeof o !== "object") throw invalidType("options", "of type object", o);
      const opts = {};
      switch (type) {
        case "rsa":
          checkInt(o.modulusLength, "options.modulusLength", 0, 2 ** 32 - 1);
          opts.modulusLength = o.modulusLength;
          if (o.publicExponent !== undefined) opts.publicExponent = checkInt(o.publicExponent, "options.publicExponent", 0, 2 ** 32 - 1);
          break;
        case "ec": {
          checkString(o.namedCurve, "options.namedCurve", true);
          const c = Object.keys(NODE_CURVES).find((k) => k === o.namedCurve || NODE_CURVES[k] === o.namedCurve || (k === "P-256" && o.namedCurve === "secp256r1"));
          if (!c) throw nodeError(TypeError, "ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name");
          opts.namedCurve = c;
          break;
        }
        case "ed25519":
        case "x25519":
          break;
        default:
          throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The argument 'type' must be a supported key type. Received ${inspect(type)}`);
      }
      return [type, opts, o];
    }
    function encodePair(o, pub, priv) {
      const enc = (k, e) => (e === undefined ? k : k.export(e));
      return [enc(pub, o.publicKeyEncoding), enc(priv, o.privateKeyEncoding)];
    }
    function generateKeyPairSync(type, options) {
      const [kind, opts, o] = keyPairArgs(type, options);
      const [pub, priv] = nodeKeyCall(() => native.generateKeyPair(kind, opts, true));
      const [publicKey, privateKey] = encodePair(o, keyObject(pub), keyObject(priv));
      return { publicKey, privateKey };
    }
    function generateKeyPair(type, options, cb) {
      if (typeof options === "function") [cb, options] = [options, undefined];
      const [kind, opts, o] = keyPairArgs(type, options);
      checkFn(cb);
      native.generateKeyPair(kind, opts, false).then(([pub, priv]) => {
        let r;
        try {
          r = encodePair(o, keyObject(pub), keyObject(priv));
        } catch (e) {
          return cb(e);
        }
        cb(null, r[0], r[1]);
      }, (e) => cb(nodeErrorOf(e)));
    }
    function secretKeyArgs(type, options) {
      checkString(type, "type");
      if (options === null || typeof options !== "object") throw invalidType("options", "of type object", options);
      const { length } = options;
      if (type === "hmac") {
        checkInt(length, "options.length", 8, 2 ** 31 - 1);
      } else if (type === "aes") {
        if (![128, 192, 256].includes(length)) throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The property 'options.length' must be one of: 128, 192, 256. Received ${inspect(length)}`);
      } else {
        throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The argument 'type' must be a supported key type. Received ${inspect(type)}`);
      }
      return Math.floor(length / 8);
    }
    const generateKeySync = (type, options) => keyObject(native.generateSecret(secretKeyArgs(type, options)));
    function generateKey(type, options, cb) {
      const n = secretKeyArgs(type, options);
      checkFn(cb);
      const k = keyObject(native.generateSecret(n));
      later(() => cb(null, k));
    }

    // ---------------------------------------------------------- sign, verify
    const constants = Object.freeze({
      RSA_PKCS1_PADDING: 1, RSA_NO_PADDING: 3, RSA_PKCS1_OAEP_PADDING: 4, RSA_PKCS1_PSS_PADDING: 6,
      RSA_PSS_SALTLEN_DIGEST: -1, RSA_PSS_SALTLEN_MAX_SIGN: -2, RSA_PSS_SALTLEN_AUTO: -2,
      POINT_CONVERSION_COMPRESSED: 2, POINT_CONVERSION_UNCOMPRESSED: 4, POINT_CONVERSION_HYBRID: 6,
    });
    // the params of a native sign/verify with key k and the options of
    // the key argument
    function signParams(algorithm, k, opts) {
      const kind = k.asymmetricKeyType;
      const p = {};
      if (algorithm !== undefined && algorithm !== null) {
        checkString(algorithm, "algorithm");
        if (native.hashSize(algorithm) < 0) throw nodeError(Error, "ERR_OSSL_EVP_INVALID_DIGEST", "Invalid digest");
        p.hash = algorithm;
      }
      const o = opts !== null && typeof opts === "object" && !isBufferSource(opts) && !(opts instanceof KeyObject) ? opts : {};
      switch (kind) {
        case "ed25519":
          if (p.hash !== undefined) throw nodeError(Error, "ERR_CRYPTO_UNSUPPORTED_OPERATION", "Unsupported crypto operation");
          p.name = "Ed25519";
          break;
        case "ec":
          p.name = "ECDSA";
          p.dsaEncoding = o.dsaEncoding === "ieee-p1363" ? "ieee-p1363" : "der";
          break;
        case "rsa":
          p.name = o.padding === constants.RSA_PKCS1_PSS_PADDING ? "RSA-PSS" : "RSASSA-PKCS1-v1_5";
          if (o.saltLength !== undefined) p.saltLength = o.saltLength;
          break;
        default:
          throw nodeError(TypeError, "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", `Invalid key object type ${k.type}.`);
      }
      if (p.hash === undefined && kind !== "ed25519") p.hash = "sha256";
      return p;
    }
    const concat = (chunks) => {
      let n = 0;
      for (const c of chunks) n += c.byteLength;
      const out = new Uint8Array(n);
      let off = 0;
      for (const c of chunks) {
        out.set(c, off);
        off += c.byteLength;
      }
      return out;
    };
    const kChunks = Symbol("chunks"), kAlg = Symbol("algorithm");
    class Sign {
      constructor(algorithm, options) {
        if (!new.target) return new Sign(algorithm, options);
        checkString(algorithm, "algorithm");
        if (native.hashSize(algorithm) < 0) throw new Error("Invalid digest");
        this[kAlg] = algorithm;
        this[kChunks] = [];
      }
      update(data, encoding) {
        this[kChunks].push(new Uint8Array(toBytes(data, encoding, "data")));
        return this;
      }
      sign(privateKey, outputEncoding) {
        const k = createPrivateKey(privateKey);
        const p = signParams(this[kAlg], k, privateKey);
        if (p.name === "Ed25519") throw nodeError(Error, "ERR_CRYPTO_UNSUPPORTED_OPERATION", "Unsupported crypto operation");
        return output(nodeKeyCall(() => native.sign(p, k[kKey], concat(this[kChunks]), true)), outputEncoding);
      }
    }
    class Verify {
      constructor(algorithm, options) {
        if (!new.target) return new Verify(algorithm, options);
        checkString(algorithm, "algorithm");
        if (native.hashSize(algorithm) < 0) throw new Error("Invalid digest");
        this[kAlg] = algorithm;
        this[kChunks] = [];
      }
      update(data, encoding) {
        this[kChunks].push(new Uint8Array(toBytes(data, encoding, "data")));
        return this;
      }
      verify(publicKey, signature, signatureEncoding) {
        const k = createPublicKey(publicKey);
        const p = signParams(this[kAlg], k, publicKey);
        const sig = toBytes(signature, signatureEncoding, "signature");
        return nodeKeyCall(() => native.verify(p, k[kKey], sig, concat(this[kChunks]), true));
      }
    }
    function sign(algorithm, data, key, cb) {
      const d = toBytes(data, undefined, "data", "an instance of Buffer, TypedArray, or DataView");
      const k = createPrivateKey(key);
      const p = signParams(algorithm, k, key);
      if (cb !== undefined) {
        checkFn(cb);
        return callback(native.sign(p, k[kKey], d, false), cb, (ab) => B().from(ab));
      }
      return B().from(nodeKeyCall(() => native.sign(p, k[kKey], d, true)));
    }
    function verify(algorithm, data, key, signature, cb) {
      const d = toBytes(data, undefined, "data", "an instance of Buffer, TypedArray, or DataView");
      const k = createPublicKey(key);
      const p = signParams(algorithm, k, key);
      const sig = toBytes(signature, undefined, "signature", "an instance of Buffer, TypedArray, or DataView");
      if (cb !== undefined) {
        checkFn(cb);
        return callback(native.verify(p, k[kKey], sig, d, false), cb);
      }
      return nodeKeyCall(() => native.verify(p, k[kKey], sig, d, true));
    }

    // ---------------------------------------------------------- RSA encryption, ECDH
    function rsaCrypt(encrypt, pub) {
      return (key, buffer) => {
        const k = pub ? createPublicKey(key) : createPrivateKey(key);
        const o = key !== null && typeof key === "object" && !isBufferSource(key) && !(key instanceof KeyObject) ? key : {};
        const padding = o.padding === undefined ? constants.RSA_PKCS1_OAEP_PADDING : o.padding;
        if (padding !== 1 && padding !== 4) throw nodeError(Error, "ERR_CRYPTO_UNSUPPORTED_OPERATION", "Unsupported crypto operation: padding " + padding);
        if (padding === 1 && !encrypt) {
          // as Node 20 (CVE-2023-46809: the Marvin attack)
          throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", "RSA_PKCS1_PADDING is no longer supported for private decryption, this can be reverted with --security-revert=CVE-2023-46809");
        }
        const label = o.oaepLabel === undefined ? undefined : toBytes(o.oaepLabel, undefined, "oaepLabel");
        const data = toBytes(buffer, undefined, "buffer");
        return B().from(native.rsaCrypt(k[kKey], data, padding, o.oaepHash || "sha1", encrypt, label));
      };
    }
    function diffieHellman(options) {
      if (options === null || typeof options !== "object") throw invalidType("options", "of type object", options);
      const { privateKey, publicKey } = options;
      if (!(privateKey instanceof KeyObject)) throw invalidType("options.privateKey", "an instance of KeyObject", privateKey, true);
      if (!(publicKey instanceof KeyObject)) throw invalidType("options.publicKey", "an instance of KeyObject", publicKey, true);
      const kind = privateKey.asymmetricKeyType;
      if (kind !== publicKey.asymmetricKeyType || (kind !== "ec" && kind !== "x25519")) {
        throw nodeError(Error, "ERR_CRYPTO_INCOMPATIBLE_KEY", "Incompatible key types for Diffie-Hellman: " + kind + " and " + publicKey.asymmetricKeyType);
      }
      const p = { name: kind === "ec" ? "ECDH" : "X25519", public: publicKey[kKey] };
      return B().from(nodeKeyCall(() => native.deriveBits(p, privateKey[kKey], -1, true)));
    }

    // ---------------------------------------------------------- ECDH
    const kCurve = Symbol("curve");
    const ecdhFormat = (format) => {
      if (format === undefined || format === "uncompressed") return "raw";
      if (format === "compressed") return "raw-compressed";
      throw nodeError(TypeError, "ERR_CRYPTO_ECDH_INVALID_FORMAT", `Invalid ECDH format: ${format}`);
    };
    const curveOf = (name) => {
      checkString(name, "curve");
      const c = Object.keys(NODE_CURVES).find((k) => NODE_CURVES[k] === name || k === name || (k === "P-256" && name === "secp256r1"));
      if (!c) throw nodeError(TypeError, "ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name");
      return c;
    };
    class ECDH {
      constructor(curve) {
        this[kCurve] = curveOf(curve);
        this[kKey] = null;
      }
      static convertKey(key, curve, inputEncoding, outputEncoding, format) {
        const c = curveOf(curve);
        const h = ecdhPublic(toBytes(key, inputEncoding, "key"), c);
        return output(native.exportKey(h, ecdhFormat(format)), outputEncoding);
      }
      generateKeys(encoding, format) {
        this[kKey] = native.generateKeyPair("ec", { namedCurve: this[kCurve] }, true)[1];
        return this.getPublicKey(encoding, format);
      }
      computeSecret(otherPublicKey, inputEncoding, outputEncoding) {
        if (this[kKey] === null) throw nodeError(Error, "ERR_CRYPTO_INVALID_STATE", "Invalid state for operation computeSecret");
        const pub = ecdhPublic(toBytes(otherPublicKey, inputEncoding, "otherPublicKey"), this[kCurve]);
        return output(native.deriveBits({ name: "ECDH", public: pub }, this[kKey], -1, true), outputEncoding);
      }
      getPublicKey(encoding, format) {
        if (this[kKey] === null) throw nodeError(Error, "ERR_CRYPTO_OPERATION_FAILED", "Failed to get ECDH public key");
        return output(native.exportKey(native.publicOf(this[kKey]), ecdhFormat(format)), encoding);
      }
      getPrivateKey(encoding) {
        if (this[kKey] === null) throw nodeError(Error, "ERR_CRYPTO_OPERATION_FAILED", "Failed to get ECDH private key");
        return output(native.exportKey(this[kKey], "raw-private"), encoding);
      }
      setPrivateKey(privateKey, encoding) {
        const b = toBytes(privateKey, encoding, "privateKey");
        try {
          this[kKey] = native.importKey("raw-private", b, { kind: "ec", namedCurve: this[kCurve] });
        } catch (e) {
          throw nodeError(Error, "ERR_CRYPTO_INVALID_KEYTYPE", "Private key is not valid for specified curve.");
        }
        return this;
      }
    }
    function ecdhPublic(bytes, curve) {
      try {
        return native.importKey("raw-public", bytes, { kind: "ec", namedCurve: curve });
      } catch (e) {
        throw nodeError(Error, "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY", "Public key is not valid for specified curve");
      }
    }

    // ---------------------------------------------------------- X509Certificate
    const kX = Symbol("x509"), kXI = Symbol("x509 info");
    const canonicalIP = (ip) => {
      if (!ip.includes(":")) return ip;
      try {
        return new g.URL(`http://[${ip}]/`).hostname.slice(1, -1);
      } catch (e) {
        return ip;
      }
    };
    const badPkey = (k) => nodeError(TypeError, "ERR_INVALID_ARG_VALUE",
      `The argument 'pkey' is invalid. Received ${k.constructor.name} [KeyObject] { [Symbol(kKeyType)]: '${k.type}' }`);
    class X509Certificate {
      constructor(buffer) {
        if (typeof buffer !== "string" && !ArrayBuffer.isView(buffer)) {
          throw invalidType("buffer", "of type string or an instance of Buffer, TypedArray, or DataView", buffer);
        }
        this[kX] = native.certParse(toBytes(buffer, "utf8", "buffer"));
        this[kXI] = native.certInfo(this[kX]);
      }
      get subject() { return this[kXI].subject; }
      get issuer() { return this[kXI].issuer; }
      get subjectAltName() { return this[kXI].subjectAltName; }
      get infoAccess() { return this[kXI].infoAccess; }
      get validFrom() { return this[kXI].validFrom; }
      get validTo() { return this[kXI].validTo; }
      get validFromDate() { return new Date(this[kXI].validFrom); }
      get validToDate() { return new Date(this[kXI].validTo); }
      get fingerprint() { return this[kXI].fingerprint; }
      get fingerprint256() { return this[kXI].fingerprint256; }
      get fingerprint512() { return this[kXI].fingerprint512; }
      get serialNumber() { return this[kXI].serialNumber; }
      get ca() { return this[kXI].ca; }
      get keyUsage() { const k = this[kXI].keyUsage; return k === undefined ? undefined : k.slice(); }
      get raw() { return B().from(this[kXI].raw.slice(0)); }
      get publicKey() {
        const h = this[kXI].publicKey;
        if (h === undefined) throw nodeError(Error, "ERR_CRYPTO_UNSUPPORTED_OPERATION", "Unsupported public key type");
        return keyObject(h);
      }
      get issuerCertificate() { return undefined; }
      toString() { return this[kXI].pem; }
      toJSON() { return this[kXI].pem; }
      checkHost(name, options) {
        checkString(name, "name");
        const o = options || {};
        const info = this[kXI];
        let names = info.dnsNames.slice();
        if (o.subject === "always" || (o.subject !== "never" && names.length === 0)) {
          if (info.commonName) names.push(info.commonName);
        }
        const host = name.toLowerCase();
        for (const n of names) {
          const l = n.toLowerCase();
          if (l === host) return n;
          if (o.wildcards !== false && l.startsWith("*.")) {
            const rest = host.slice(host.indexOf(".") + 1);
            if (host.indexOf(".") > 0 && rest === l.slice(2)) return n;
          }
        }
        return undefined;
      }
      checkEmail(email, options) {
        checkString(email, "email");
        const o = options || {};
        const info = this[kXI];
        let emails = info.emailAddresses.slice();
        if (o.subject === "always" || (o.subject !== "never" && emails.length === 0)) emails = emails.concat(info.subjectEmails);
        return emails.find((e) => e === email);
      }
      checkIP(ip) {
        checkString(ip, "ip");
        const want = canonicalIP(ip.toLowerCase());
        return this[kXI].ipAddresses.some((a) => canonicalIP(a) === want) ? ip : undefined;
      }
      checkIssued(otherCert) {
        if (!(otherCert instanceof X509Certificate)) throw invalidType("otherCert", "an instance of X509Certificate", otherCert);
        return native.certIssued(this[kX], otherCert[kX]);
      }
      checkPrivateKey(pkey) {
        if (!(pkey instanceof KeyObject)) throw invalidType("pkey", "an instance of KeyObject", pkey);
        if (pkey.type !== "private") throw badPkey(pkey);
        const pub = this[kXI].publicKey;
        return pub !== undefined && native.keyEquals(native.publicOf(pkey[kKey]), pub);
      }
      verify(pkey) {
        if (!(pkey instanceof KeyObject)) throw invalidType("pkey", "an instance of KeyObject", pkey);
        if (pkey.type !== "public") throw badPkey(pkey);
        return native.certVerify(this[kX], pkey[kKey]);
      }
    }

    // ---------------------------------------------------------- primes
    const bigBytes = (n) => {
      let hex = n.toString(16);
      if (hex.length % 2) hex = "0" + hex;
      return new Uint8Array(hex.match(/../g).map((h) => parseInt(h, 16)));
    };
    const bytesBig = (ab) => {
      const u = new Uint8Array(ab);
      let n = 0n;
      for (const b of u) n = (n << 8n) | BigInt(b);
      return n;
    };
    function primeArgs(candidate, options) {
      let bytes;
      if (typeof candidate === "bigint") {
        if (candidate < 0n) throw nodeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "candidate" is out of range. It must be >= 0. Received ${candidate}n`);
        bytes = bigBytes(candidate);
      } else if (isBufferSource(candidate)) {
        bytes = view(candidate);
      } else {
        throw invalidType("candidate", "of type bigint or an instance of ArrayBuffer, TypedArray, Buffer, or DataView", candidate);
      }
      const o = options || {};
      const checks = o.checks === undefined ? 0 : checkInt(o.checks, "options.checks", 0, 2 ** 31 - 1);
      return [bytes, checks];
    }
    const checkPrimeSync = (candidate, options) => native.checkPrime(...primeArgs(candidate, options), true);
    function checkPrime(candidate, options, cb) {
      if (typeof options === "function") [cb, options] = [options, undefined];
      const args = primeArgs(candidate, options);
      checkFn(cb);
      // as Node, the error argument of a success is undefined here
      native.checkPrime(...args, false).then((v) => cb(undefined, v), (e) => cb(nodeErrorOf(e)));
    }
    function genPrimeArgs(size, options) {
      checkInt(size, "size", 1, 2 ** 31 - 1);
      const o = options || {};
      if (o.add !== undefined || o.rem !== undefined) throw nodeError(Error, "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM", "generatePrime's add and rem options are not supported by arun");
      return [size, !!o.safe, !!o.bigint];
    }
    function generatePrimeSync(size, options) {
      const [bits, safe, big] = genPrimeArgs(size, options);
      const ab = native.generatePrime(bits, safe, true);
      return big ? bytesBig(ab) : ab;
    }
    function generatePrime(size, options, cb) {
      if (typeof options === "function") [cb, options] = [options, undefined];
      const [bits, safe, big] = genPrimeArgs(size, options);
      checkFn(cb);
      native.generatePrime(bits, safe, false).then((ab) => cb(undefined, big ? bytesBig(ab) : ab), (e) => cb(nodeErrorOf(e)));
    }

    function hash(algorithm, data, outputEncoding = "hex") {
      checkString(algorithm, "algorithm");
      if (typeof data !== "string" && !isBufferSource(data)) throw invalidType("data", "of type string or an instance of Buffer, TypedArray, or DataView", data);
      const ab = native.digestSync(algorithm, toBytes(data, "utf8", "data"));
      if (ab === null) throw new Error("Digest method not supported");
      return output(ab, outputEncoding);
    }

    const exports = {
      createHash: (algorithm, options) => new Hash(algorithm, options),
      createHmac: (hmac, key, options) => new Hmac(hmac, key, options),
      hash,
      Hash, Hmac,
      randomBytes, pseudoRandomBytes: randomBytes, prng: randomBytes, rng: randomBytes,
      randomFill, randomFillSync, randomInt, randomUUID, timingSafeEqual,
      getRandomValues: (array) => crypto.getRandomValues(array),
      getHashes: () => native.hashes(),
      getCiphers: () => native.ciphers(),
      getCurves: () => ["prime256v1", "secp384r1", "secp521r1"],
      getCipherInfo,
      pbkdf2, pbkdf2Sync, hkdf, hkdfSync, scrypt, scryptSync,
      createCipheriv: (algorithm, key, iv, options) => new Cipheriv(algorithm, key, iv, options),
      createDecipheriv: (algorithm, key, iv, options) => new Decipheriv(algorithm, key, iv, options),
      Cipheriv, Decipheriv,
      KeyObject, createSecretKey, createPublicKey, createPrivateKey,
      generateKeyPair, generateKeyPairSync, generateKey, generateKeySync,
      createSign: (algorithm, options) => new Sign(algorithm, options),
      createVerify: (algorithm, options) => new Verify(algorithm, options),
      Sign, Verify, sign, verify,
      publicEncrypt: rsaCrypt(true, true), privateDecrypt: rsaCrypt(false, false),
      diffieHellman,
      createECDH: (curve) => new ECDH(curve), ECDH,
      X509Certificate,
      checkPrime, checkPrimeSync, generatePrime, generatePrimeSync,
      constants,
      webcrypto: crypto, subtle,
      CryptoKey,
      getFips: () => 0,
      setFips(v) {
        if (v) throw nodeError(Error, "ERR_CRYPTO_FIPS_FORCED", "Cannot set FIPS mode in a non-FIPS build.");
      },
    };
    return exports;
  }

  return { web, node };
});
