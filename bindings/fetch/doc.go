// Package fetch gives scripts the WHATWG fetch API (the globals fetch,
// Request, Response, Headers and FormData) on Go's net/http client, and the
// built-in module "arun:http" whose serve runs a net/http server with a
// JavaScript handler.
//
// The classes are JavaScript embedded in the package (fetch.js), compiled
// once per process and run once per runtime; Go does the network I/O, body
// reading and decoding (gzip, deflate, br) and multipart encoding. Requests
// use the host's HTTP client (bindings.Host.HTTPClient) or one client shared
// by the process (pooled keep-alive connections, HTTP/2 over TLS, proxies
// from the environment). Net permission is checked for host:port before a
// request is sent (and at each redirect) and before a server listens.
//
// Blob, File, ReadableStream, AbortSignal and DOMException are the web
// globals of package web, used through the JS global object at call time:
// a body nobody streams is read straight from Go (the fast path of text,
// json and arrayBuffer), so only streaming needs ReadableStream.
//
// A server bounds its clients as Node's http.createServer does, through
// net/http's own limits: headersTimeout (ReadHeaderTimeout), requestTimeout
// (ReadTimeout, lifted by net/http once the body is read), keepAliveTimeout
// (IdleTimeout) and maxHeaderSize (MaxHeaderBytes, a 431); a request body
// that fails to read answers 400, or 408 past requestTimeout.
//
// # Goroutine rules
//
// JS-facing code runs on the loop goroutine. A request, each read of a
// response body, and a server's accept loop and connections run on their
// own goroutines and exchange plain Go data with the loop: through
// Loop.Go completions, and through a mailbox (a loop reservation held while
// a server listens or a streamed body is being sent) for work the
// goroutines hand to the loop (running the handler, pulling the next chunk
// of a JS stream). A request's signal is followed with an abort algorithm
// (web's AbortSignal internals) that Go releases once the request failed
// or its body ended. An asyncio task's cancellation, an AbortSignal and the
// end of the run all cancel the request's context, which stops the
// connection; the end of the run also closes servers and open bodies, so
// nothing is left running.
package fetch
