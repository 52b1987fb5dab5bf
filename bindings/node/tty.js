// arun "tty" module: isatty answers what process.stdout and process.stderr
// say of themselves (isTTY); arun gives scripts no terminal streams of
// their own, so ReadStream and WriteStream cannot be constructed.
(function (I) {
  "use strict";
  function isatty(fd) {
    if (!Number.isInteger(fd) || fd < 0 || fd > 2147483647) return false;
    const p = globalThis.process;
    const s = fd === 0 ? p && p.stdin : fd === 1 ? p && p.stdout : fd === 2 ? p && p.stderr : undefined;
    return !!(s && s.isTTY);
  }
  function unsupported(name) {
    return function () {
      throw I.nodeError(Error, "ERR_TTY_INIT_FAILED", `TTY initialization failed: ${name} is not available in arun`);
    };
  }
  return { isatty, ReadStream: unsupported("tty.ReadStream"), WriteStream: unsupported("tty.WriteStream") };
})
