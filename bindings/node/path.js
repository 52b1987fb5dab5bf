// arun "path" module: Node's path, posix and win32 flavours, the same
// algorithms (normalizeString's segment walk, win32's device roots and UNC
// prefixes), so results match Node's string for string.
(function (cwd, nodeError, isWindows) {
  "use strict";
  // posix.resolve on Windows starts from the process cwd with "/" for "\"
  // and no drive (C:\x\y is /x/y), as Node's posixCwd
  const posixCwd = isWindows ? () => {
    const c = cwd().replace(/\\/g, "/");
    return c.slice(c.indexOf("/"));
  } : cwd;
  const SLASH = 47, BSLASH = 92, DOT = 46, COLON = 58;

  function validateString(v, name) {
    if (typeof v !== "string") {
      throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE",
        `The "${name}" argument must be of type string.${received(v)}`);
    }
  }
  function received(v) {
    if (v == null) return ` Received ${v}`;
    if (typeof v === "function") return ` Received function ${v.name}`;
    if (typeof v === "object") {
      if (v.constructor && v.constructor.name) return ` Received an instance of ${v.constructor.name}`;
      return " Received [object Object]";
    }
    let s = String(v);
    if (typeof v === "string") s = `'${s.length > 25 ? s.slice(0, 25) + "..." : s}'`;
    if (typeof v === "bigint") s += "n";
    return ` Received type ${typeof v} (${s})`;
  }
  const isPosixSep = (c) => c === SLASH;
  const isWinSep = (c) => c === SLASH || c === BSLASH;
  const isLetter = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

  // normalizeString resolves "." and ".." in path (no root), with sep as the
  // output separator.
  function normalizeString(path, allowAboveRoot, separator, isSep) {
    let res = "", lastSegmentLength = 0, lastSlash = -1, dots = 0, code = 0;
    for (let i = 0; i <= path.length; ++i) {
      if (i < path.length) code = path.charCodeAt(i);
      else if (isSep(code)) break;
      else code = SLASH;
      if (isSep(code)) {
        if (lastSlash === i - 1 || dots === 1) {
          // a repeated separator or "."
        } else if (dots === 2) {
          if (res.length < 2 || lastSegmentLength !== 2 ||
              res.charCodeAt(res.length - 1) !== DOT || res.charCodeAt(res.length - 2) !== DOT) {
            if (res.length > 2) {
              const idx = res.lastIndexOf(separator);
              if (idx === -1) { res = ""; lastSegmentLength = 0; }
              else { res = res.slice(0, idx); lastSegmentLength = res.length - 1 - res.lastIndexOf(separator); }
              lastSlash = i; dots = 0;
              continue;
            } else if (res.length !== 0) {
              res = ""; lastSegmentLength = 0; lastSlash = i; dots = 0;
              continue;
            }
          }
          if (allowAboveRoot) { res += res.length > 0 ? `${separator}..` : ".."; lastSegmentLength = 2; }
        } else {
          if (res.length > 0) res += `${separator}${path.slice(lastSlash + 1, i)}`;
          else res = path.slice(lastSlash + 1, i);
          lastSegmentLength = i - lastSlash - 1;
        }
        lastSlash = i; dots = 0;
      } else if (code === DOT && dots !== -1) {
        ++dots;
      } else {
        dots = -1;
      }
    }
    return res;
  }

  function format(sep, obj) {
    if (obj === null || typeof obj !== "object") {
      throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "pathObject" argument must be of type object.${received(obj)}`);
    }
    const dir = obj.dir || obj.root;
    const base = obj.base || `${obj.name || ""}${formatExt(obj.ext)}`;
    if (!dir) return base;
    return dir === obj.root ? `${dir}${base}` : `${dir}${sep}${base}`;
  }
  const formatExt = (ext) => (ext ? `${ext[0] === "." ? "" : "."}${ext}` : "");

  // ------------------------------------------------------------------ posix
  const posix = {
    sep: "/",
    delimiter: ":",
    resolve(...args) {
      let resolvedPath = "", resolvedAbsolute = false;
      for (let i = args.length - 1; i >= -1 && !resolvedAbsolute; i--) {
        const path = i >= 0 ? args[i] : posixCwd();
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
        resolvedPath = `${path}/${resolvedPath}`;
        resolvedAbsolute = path.charCodeAt(0) === SLASH;
      }
      resolvedPath = normalizeString(resolvedPath, !resolvedAbsolute, "/", isPosixSep);
      if (resolvedAbsolute) return `/${resolvedPath}`;
      return resolvedPath.length > 0 ? resolvedPath : ".";
    },
    normalize(path) {
      validateString(path, "path");
      if (path.length === 0) return ".";
      const isAbsolute = path.charCodeAt(0) === SLASH;
      const trailing = path.charCodeAt(path.length - 1) === SLASH;
      path = normalizeString(path, !isAbsolute, "/", isPosixSep);
      if (path.length === 0) {
        if (isAbsolute) return "/";
        return trailing ? "./" : ".";
      }
      if (trailing) path += "/";
      return isAbsolute ? `/${path}` : path;
    },
    isAbsolute(path) {
      validateString(path, "path");
      return path.length > 0 && path.charCodeAt(0) === SLASH;
    },
    join(...args) {
      if (args.length === 0) return ".";
      let joined;
      for (let i = 0; i < args.length; ++i) {
        const arg = args[i];
        validateString(arg, "path");
        if (arg.length > 0) joined = joined === undefined ? arg : `${joined}/${arg}`;
      }
      if (joined === undefined) return ".";
      return posix.normalize(joined);
    },
    relative(from, to) {
      validateString(from, "from");
      validateString(to, "to");
      if (from === to) return "";
      from = posix.resolve(from);
      to = posix.resolve(to);
      if (from === to) return "";
      const fromStart = 1, fromEnd = from.length, fromLen = fromEnd - fromStart;
      const toStart = 1, toLen = to.length - toStart;
      const length = fromLen < toLen ? fromLen : toLen;
      let lastCommonSep = -1, i = 0;
      for (; i < length; i++) {
        const fromCode = from.charCodeAt(fromStart + i);
        if (fromCode !== to.charCodeAt(toStart + i)) break;
        else if (fromCode === SLASH) lastCommonSep = i;
      }
      if (i === length) {
        if (toLen > length) {
          if (to.charCodeAt(toStart + i) === SLASH) return to.slice(toStart + i + 1);
          if (i === 0) return to.slice(toStart + i);
        } else if (fromLen > length) {
          if (from.charCodeAt(fromStart + i) === SLASH) lastCommonSep = i;
          else if (i === 0) lastCommonSep = 0;
        }
      }
      let out = "";
      for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
        if (i === fromEnd || from.charCodeAt(i) === SLASH) out += out.length === 0 ? ".." : "/..";
      }
      return `${out}${to.slice(toStart + lastCommonSep)}`;
    },
    toNamespacedPath(path) { return path; },
    dirname(path) {
      validateString(path, "path");
      if (path.length === 0) return ".";
      const hasRoot = path.charCodeAt(0) === SLASH;
      let end = -1, matchedSlash = true;
      for (let i = path.length - 1; i >= 1; --i) {
        if (path.charCodeAt(i) === SLASH) {
          if (!matchedSlash) { end = i; break; }
        } else matchedSlash = false;
      }
      if (end === -1) return hasRoot ? "/" : ".";
      if (hasRoot && end === 1) return "//";
      return path.slice(0, end);
    },
    basename(path, suffix) {
      if (suffix !== undefined) validateString(suffix, "suffix");
      validateString(path, "path");
      return basename(path, suffix, 0, isPosixSep);
    },
    extname(path) {
      validateString(path, "path");
      return extname(path, 0, isPosixSep);
    },
    format(obj) { return format("/", obj); },
    parse(path) {
      validateString(path, "path");
      const ret = { root: "", dir: "", base: "", ext: "", name: "" };
      if (path.length === 0) return ret;
      const isAbsolute = path.charCodeAt(0) === SLASH;
      if (isAbsolute) ret.root = "/";
      const t = scanTail(path, isAbsolute ? 1 : 0, 0, isPosixSep);
      fillParts(path, ret, t, t.startPart === 0 && isAbsolute ? 1 : t.startPart);
      if (t.startPart > 0) ret.dir = path.slice(0, t.startPart - 1);
      else if (isAbsolute) ret.dir = "/";
      return ret;
    },
    matchesGlob(path, pattern) { return matchesGlob(path, pattern, false); },
  };

  // basename and extname share their scan between the flavours: start is
  // where the part after a root begins.
  function basename(path, suffix, start, isSep) {
    let end = -1, matchedSlash = true, i;
    if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length - start) {
      if (suffix === path.slice(path.length - suffix.length) && suffix.length === path.length - start) return "";
      let extIdx = suffix.length - 1, firstNonSlashEnd = -1;
      for (i = path.length - 1; i >= start; --i) {
        const code = path.charCodeAt(i);
        if (isSep(code)) {
          if (!matchedSlash) { start = i + 1; break; }
        } else {
          if (firstNonSlashEnd === -1) { matchedSlash = false; firstNonSlashEnd = i + 1; }
          if (extIdx >= 0) {
            if (code === suffix.charCodeAt(extIdx)) {
              if (--extIdx === -1) end = i;
            } else { extIdx = -1; end = firstNonSlashEnd; }
          }
        }
      }
      if (start === end) end = firstNonSlashEnd;
      else if (end === -1) end = path.length;
      return path.slice(start, end);
    }
    for (i = path.length - 1; i >= start; --i) {
      if (isSep(path.charCodeAt(i))) {
        if (!matchedSlash) { start = i + 1; break; }
      } else if (end === -1) { matchedSlash = false; end = i + 1; }
    }
    if (end === -1) return "";
    return path.slice(start, end);
  }
  function extname(path, start, isSep) {
    let startDot = -1, startPart = start, end = -1, matchedSlash = true, preDotState = 0;
    for (let i = path.length - 1; i >= start; --i) {
      const code = path.charCodeAt(i);
      if (isSep(code)) {
        if (!matchedSlash) { startPart = i + 1; break; }
        continue;
      }
      if (end === -1) { matchedSlash = false; end = i + 1; }
      if (code === DOT) {
        if (startDot === -1) startDot = i;
        else if (preDotState !== 1) preDotState = 1;
      } else if (startDot !== -1) preDotState = -1;
    }
    if (startDot === -1 || end === -1 || preDotState === 0 ||
        (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)) return "";
    return path.slice(startDot, end);
  }
  // scanTail finds, from the end down to start, where the last part
  // begins (startPart), its last dot (startDot), its end, and whether the
  // dot makes an extension (preDotState), as Node's parse does.
  function scanTail(path, start, startPart, isSep) {
    let startDot = -1, end = -1, matchedSlash = true, preDotState = 0;
    for (let i = path.length - 1; i >= start; --i) {
      const code = path.charCodeAt(i);
      if (isSep(code)) {
        if (!matchedSlash) { startPart = i + 1; break; }
        continue;
      }
      if (end === -1) { matchedSlash = false; end = i + 1; }
      if (code === DOT) {
        if (startDot === -1) startDot = i;
        else if (preDotState !== 1) preDotState = 1;
      } else if (startDot !== -1) preDotState = -1;
    }
    return { startDot, startPart, end, preDotState };
  }
  function fillParts(path, ret, t, from) {
    if (t.end === -1) return;
    if (t.startDot === -1 || t.preDotState === 0 ||
        (t.preDotState === 1 && t.startDot === t.end - 1 && t.startDot === t.startPart + 1)) {
      ret.base = ret.name = path.slice(from, t.end);
    } else {
      ret.name = path.slice(from, t.startDot);
      ret.base = path.slice(from, t.end);
      ret.ext = path.slice(t.startDot, t.end);
    }
  }

  // ------------------------------------------------------------------ win32
  // rootOf returns [rootEnd, device, isAbsolute] of a win32 path: "C:",
  // "C:\", "\\server\share\", "\".
  function rootOf(path) {
    const len = path.length;
    let rootEnd = 0, device = "", isAbsolute = false;
    const code = path.charCodeAt(0);
    if (len === 1) {
      if (isWinSep(code)) return [1, "", true];
      return [0, "", false];
    }
    if (isWinSep(code)) {
      isAbsolute = true;
      if (isWinSep(path.charCodeAt(1))) {
        let j = 2, last = j;
        while (j < len && !isWinSep(path.charCodeAt(j))) j++;
        if (j < len && j !== last) {
          const firstPart = path.slice(last, j);
          last = j;
          while (j < len && isWinSep(path.charCodeAt(j))) j++;
          if (j < len && j !== last) {
            last = j;
            while (j < len && !isWinSep(path.charCodeAt(j))) j++;
            if (j === len || j !== last) {
              device = `\\\\${firstPart}\\${path.slice(last, j)}`;
              rootEnd = j;
            }
          }
        }
      } else rootEnd = 1;
    } else if (isLetter(code) && path.charCodeAt(1) === COLON) {
      device = path.slice(0, 2);
      rootEnd = 2;
      if (len > 2 && isWinSep(path.charCodeAt(2))) { isAbsolute = true; rootEnd = 3; }
    }
    return [rootEnd, device, isAbsolute];
  }

  const win32 = {
    sep: "\\",
    delimiter: ";",
    resolve(...args) {
      let resolvedDevice = "", resolvedTail = "", resolvedAbsolute = false;
      for (let i = args.length - 1; i >= -1; i--) {
        let path;
        if (i >= 0) {
          path = args[i];
          validateString(path, `paths[${i}]`);
          if (path.length === 0) continue;
        } else if (resolvedDevice.length === 0) {
          path = cwd();
        } else {
          // Node reads the drive's own cwd from the environment ("=C:");
          // arun has none, so it is the process cwd if on that drive
          path = cwd();
          if (path === undefined || (path.slice(0, 2).toLowerCase() !== resolvedDevice.toLowerCase() &&
              path.charCodeAt(2) === BSLASH)) path = `${resolvedDevice}\\`;
        }
        const [rootEnd, device, isAbsolute] = rootOf(path);
        if (device.length > 0) {
          if (resolvedDevice.length > 0) {
            if (device.toLowerCase() !== resolvedDevice.toLowerCase()) continue;
          } else resolvedDevice = device;
        }
        if (resolvedAbsolute) {
          if (resolvedDevice.length > 0) break;
        } else {
          resolvedTail = `${path.slice(rootEnd)}\\${resolvedTail}`;
          resolvedAbsolute = isAbsolute;
          if (isAbsolute && resolvedDevice.length > 0) break;
        }
      }
      resolvedTail = normalizeString(resolvedTail, !resolvedAbsolute, "\\", isWinSep);
      return resolvedAbsolute ? `${resolvedDevice}\\${resolvedTail}` : `${resolvedDevice}${resolvedTail}` || ".";
    },
    normalize(path) {
      validateString(path, "path");
      const len = path.length;
      if (len === 0) return ".";
      const [rootEnd, device, isAbsolute] = rootOf(path);
      if (len === 1) return path.charCodeAt(0) === SLASH ? "\\" : path;
      let tail = rootEnd < len ? normalizeString(path.slice(rootEnd), !isAbsolute, "\\", isWinSep) : "";
      if (tail.length === 0 && !isAbsolute) tail = ".";
      if (tail.length > 0 && isWinSep(path.charCodeAt(len - 1))) tail += "\\";
      if (device === "") return isAbsolute ? `\\${tail}` : tail;
      return isAbsolute ? `${device}\\${tail}` : `${device}${tail}`;
    },
    isAbsolute(path) {
      validateString(path, "path");
      const len = path.length;
      if (len === 0) return false;
      const code = path.charCodeAt(0);
      return isWinSep(code) || (len > 2 && isLetter(code) && path.charCodeAt(1) === COLON && isWinSep(path.charCodeAt(2)));
    },
    join(...args) {
      if (args.length === 0) return ".";
      let joined, firstPart;
      for (let i = 0; i < args.length; ++i) {
        const arg = args[i];
        validateString(arg, "path");
        if (arg.length > 0) {
          if (joined === undefined) joined = firstPart = arg;
          else joined += `\\${arg}`;
        }
      }
      if (joined === undefined) return ".";
      // keep a UNC root only if the first part started with one
      let needsReplace = true, slashCount = 0;
      if (isWinSep(firstPart.charCodeAt(0))) {
        ++slashCount;
        const firstLen = firstPart.length;
        if (firstLen > 1 && isWinSep(firstPart.charCodeAt(1))) {
          ++slashCount;
          if (firstLen > 2) {
            if (isWinSep(firstPart.charCodeAt(2))) ++slashCount;
            else needsReplace = false;
          }
        }
      }
      if (needsReplace) {
        while (slashCount < joined.length && isWinSep(joined.charCodeAt(slashCount))) slashCount++;
        if (slashCount >= 2) joined = `\\${joined.slice(slashCount)}`;
      }
      return win32.normalize(joined);
    },
    relative(from, to) {
      validateString(from, "from");
      validateString(to, "to");
      if (from === to) return "";
      const fromOrig = win32.resolve(from), toOrig = win32.resolve(to);
      if (fromOrig === toOrig) return "";
      from = fromOrig.toLowerCase();
      to = toOrig.toLowerCase();
      if (from === to) return "";
      let fromStart = 0;
      while (fromStart < from.length && from.charCodeAt(fromStart) === BSLASH) fromStart++;
      let fromEnd = from.length;
      while (fromEnd - 1 > fromStart && from.charCodeAt(fromEnd - 1) === BSLASH) fromEnd--;
      const fromLen = fromEnd - fromStart;
      let toStart = 0;
      while (toStart < to.length && to.charCodeAt(toStart) === BSLASH) toStart++;
      let toEnd = to.length;
      while (toEnd - 1 > toStart && to.charCodeAt(toEnd - 1) === BSLASH) toEnd--;
      const toLen = toEnd - toStart;
      const length = fromLen < toLen ? fromLen : toLen;
      let lastCommonSep = -1, i = 0;
      for (; i < length; i++) {
        const fromCode = from.charCodeAt(fromStart + i);
        if (fromCode !== to.charCodeAt(toStart + i)) break;
        else if (fromCode === BSLASH) lastCommonSep = i;
      }
      if (i !== length) {
        if (lastCommonSep === -1) return toOrig;
      } else {
        if (toLen > length) {
          if (to.charCodeAt(toStart + i) === BSLASH) return toOrig.slice(toStart + i + 1);
          if (i === 2) return toOrig.slice(toStart + i);
        }
        if (fromLen > length) {
          if (from.charCodeAt(fromStart + i) === BSLASH) lastCommonSep = i;
          else if (i === 2) lastCommonSep = 3;
        }
        if (lastCommonSep === -1) lastCommonSep = 0;
      }
      let out = "";
      for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
        if (i === fromEnd || from.charCodeAt(i) === BSLASH) out += out.length === 0 ? ".." : "\\..";
      }
      toStart += lastCommonSep;
      if (out.length > 0) return `${out}${toOrig.slice(toStart, toEnd)}`;
      if (toOrig.charCodeAt(toStart) === BSLASH) ++toStart;
      return toOrig.slice(toStart, toEnd);
    },
    toNamespacedPath(path) {
      if (typeof path !== "string" || path.length === 0) return path;
      const resolved = win32.resolve(path);
      if (resolved.length <= 2) return path;
      if (resolved.charCodeAt(0) === BSLASH) {
        if (resolved.charCodeAt(1) === BSLASH) {
          const code = resolved.charCodeAt(2);
          if (code !== 63 && code !== DOT) return `\\\\?\\UNC\\${resolved.slice(2)}`;
        }
      } else if (isLetter(resolved.charCodeAt(0)) && resolved.charCodeAt(1) === COLON && resolved.charCodeAt(2) === BSLASH) {
        return `\\\\?\\${resolved}`;
      }
      return path;
    },
    dirname(path) {
      validateString(path, "path");
      const len = path.length;
      if (len === 0) return ".";
      let rootEnd = -1, offset = 0;
      const code = path.charCodeAt(0);
      if (len === 1) return isWinSep(code) ? path : ".";
      if (isWinSep(code)) {
        rootEnd = offset = 1;
        if (isWinSep(path.charCodeAt(1))) {
          let j = 2, last = j;
          while (j < len && !isWinSep(path.charCodeAt(j))) j++;
          if (j < len && j !== last) {
            last = j;
            while (j < len && isWinSep(path.charCodeAt(j))) j++;
            if (j < len && j !== last) {
              last = j;
              while (j < len && !isWinSep(path.charCodeAt(j))) j++;
              if (j === len) return path; // a UNC root
              if (j !== last) rootEnd = offset = j + 1;
            }
          }
        }
      } else if (isLetter(code) && path.charCodeAt(1) === COLON) {
        rootEnd = len > 2 && isWinSep(path.charCodeAt(2)) ? 3 : 2;
        offset = rootEnd;
      }
      let end = -1, matchedSlash = true;
      for (let i = len - 1; i >= offset; --i) {
        if (isWinSep(path.charCodeAt(i))) {
          if (!matchedSlash) { end = i; break; }
        } else matchedSlash = false;
      }
      if (end === -1) {
        if (rootEnd === -1) return ".";
        end = rootEnd;
      }
      return path.slice(0, end);
    },
    basename(path, suffix) {
      if (suffix !== undefined) validateString(suffix, "suffix");
      validateString(path, "path");
      let start = 0;
      if (path.length >= 2 && isLetter(path.charCodeAt(0)) && path.charCodeAt(1) === COLON) start = 2;
      return basename(path, suffix, start, isWinSep);
    },
    extname(path) {
      validateString(path, "path");
      let start = 0;
      if (path.length >= 2 && path.charCodeAt(1) === COLON && isLetter(path.charCodeAt(0))) start = 2;
      return extname(path, start, isWinSep);
    },
    format(obj) { return format("\\", obj); },
    parse(path) {
      validateString(path, "path");
      const ret = { root: "", dir: "", base: "", ext: "", name: "" };
      if (path.length === 0) return ret;
      const len = path.length;
      let rootEnd = 0;
      const code = path.charCodeAt(0);
      if (len === 1) {
        if (isWinSep(code)) { ret.root = ret.dir = path; return ret; }
        ret.base = ret.name = path;
        return ret;
      }
      if (isWinSep(code)) {
        rootEnd = 1;
        if (isWinSep(path.charCodeAt(1))) {
          let j = 2, last = j;
          while (j < len && !isWinSep(path.charCodeAt(j))) j++;
          if (j < len && j !== last) {
            last = j;
            while (j < len && isWinSep(path.charCodeAt(j))) j++;
            if (j < len && j !== last) {
              last = j;
              while (j < len && !isWinSep(path.charCodeAt(j))) j++;
              if (j === len) rootEnd = j;
              else if (j !== last) rootEnd = j + 1;
            }
          }
        }
      } else if (isLetter(code) && path.charCodeAt(1) === COLON) {
        if (len <= 2) { ret.root = ret.dir = path; return ret; }
        rootEnd = 2;
        if (isWinSep(path.charCodeAt(2))) {
          if (len === 3) { ret.root = ret.dir = path; return ret; }
          rootEnd = 3;
        }
      }
      if (rootEnd > 0) ret.root = path.slice(0, rootEnd);
      const t = scanTail(path, rootEnd, rootEnd, isWinSep);
      fillParts(path, ret, t, t.startPart);
      if (t.startPart > 0 && t.startPart !== rootEnd) ret.dir = path.slice(0, t.startPart - 1);
      else ret.dir = ret.root;
      return ret;
    },
    matchesGlob(path, pattern) { return matchesGlob(path, pattern, true); },
  };

  // matchesGlob: "*" within a segment, "**" across segments, "?", [...] and
  // {a,b}, as minimatch does for the patterns Node's tests use.
  function matchesGlob(path, pattern, windows) {
    validateString(path, "path");
    validateString(pattern, "pattern");
    if (windows) { path = path.replace(/\\/g, "/"); pattern = pattern.replace(/\\/g, "/"); }
    let re = "", i = 0;
    const n = pattern.length;
    let braces = 0;
    while (i < n) {
      const c = pattern[i];
      if (c === "*") {
        if (pattern[i + 1] === "*") {
          i += 2;
          if (pattern[i] === "/") { i++; re += "(?:[^/]*(?:/|$))*"; } else re += ".*";
          continue;
        }
        re += "[^/]*";
      } else if (c === "?") re += "[^/]";
      else if (c === "[") {
        const end = pattern.indexOf("]", i + 1);
        if (end < 0) re += "\\[";
        else {
          let body = pattern.slice(i + 1, end);
          if (body[0] === "!") body = "^" + body.slice(1);
          re += `[${body.replace(/\\/g, "\\\\")}]`;
          i = end;
        }
      } else if (c === "{") { braces++; re += "(?:"; }
      else if (c === "}" && braces > 0) { braces--; re += ")"; }
      else if (c === "," && braces > 0) re += "|";
      else re += c.replace(/[.+^$()|\\]/g, "\\$&");
      i++;
    }
    return new RegExp(`^${re}$`).test(path);
  }

  posix.posix = win32.posix = posix;
  posix.win32 = win32.win32 = win32;
  posix._makeLong = posix.toNamespacedPath;
  win32._makeLong = win32.toNamespacedPath;
  return { posix, win32 };
})
