// Package web gives scripts the web platform globals of contract section 3
// that are not the runtime's own: EventTarget, Event, CustomEvent,
// DOMException, AbortController, AbortSignal, TextEncoder, TextDecoder (and
// their stream forms), atob, btoa, Blob, File and the WHATWG streams
// (ReadableStream, WritableStream, TransformStream and the queuing
// strategies); and the built-in modules "events" (Node's EventEmitter) and
// "timers/promises" (both also under "node:").
//
// Most of it is JavaScript embedded in the package (web.js, streams.js,
// events.js, timers.js), compiled once per process and run once per runtime;
// Go does what touches bytes (text encodings, base64) or the event loop
// (timers, runtime promises that asyncio task cancellation reaches).
// NewByteStream lets other bindings (fetch) feed a ReadableStream from Go,
// and BlobBytes/NewBlob exchange Blob contents with Go.
//
// AbortSignal.timeout's timer holds its signal weakly (weaktimer.go) unless
// the signal, or an AbortSignal.any depending on it, has abort listeners
// or algorithms: a dropped signal is collected, not kept until it fires.
// AbortSignal[Symbol.for("arun.abortAlgorithms")] is { add, remove } of
// abort algorithms, with which fetch follows a request's signal.
//
// # Goroutine rules
//
// Everything here runs on the loop goroutine, except the pull function given
// to NewByteStream, which runs on its own goroutine (through Env.Async) and
// must not touch goja values.
package web
