// Package node gives scripts the Node.js core modules that real scripts and
// npm packages require: "path" (with "path/posix" and "path/win32"), "os",
// "process" (the global process, which it completes with Node's EventEmitter
// methods, emitWarning, hrtime.bigint and memoryUsage), "querystring",
// "string_decoder", "timers", "tty" (isatty, answered by process.stdout.isTTY and
// process.stderr.isTTY), "util" (with "util/types") and "buffer" (and
// the global Buffer), each also under "node:".
//
// They live in one package, one file each, because they depend on each
// other the way Node's do (util.inspect formats Buffers, string_decoder and
// querystring decode through buffer, util.types backs buffer's checks), and
// bindings/<name> packages never import each other. "events",
// "timers/promises" (package web) and "assert" (package testing) stay where
// they are; this package reaches them through Env.Require. util.inspect and
// util.format are package console's formatter (one home for formatting).
//
// Most of it is JavaScript embedded in the package (path.js, buffer.js,
// util.js, ...), compiled once per process and run once per runtime, on
// first require. Go does the byte codecs (bindings.EncodeString and
// DecodeBytes) and what reads the system (os).
//
// # Goroutine rules
//
// Everything here runs on the loop goroutine.
package node
