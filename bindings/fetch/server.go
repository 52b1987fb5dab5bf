package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
)

// server is one require("arun:http").serve listener. The net/http server
// runs on goroutines; each request is handed to the loop through the
// server's mailbox, the JS handler runs there, and the handler goroutine
// waits for the Response and writes it.
type server struct {
	s        *state
	srv      *http.Server
	ln       net.Listener
	mb       *mailbox
	ctx      context.Context // the run's: when it ends the server is closed
	dispatch goja.Callable   // JS: dispatch(info)
	gone     goja.Callable   // JS: clientGone(token)

	nextTok   atomic.Int64
	serveDone chan struct{}

	// loop side
	pending  map[int64]*serverReq
	closing  bool
	stopHook func() bool
	finished *goja.Promise
	resolve  func(any) error
	release  func() // tells the resource tracker the server closed

	connMu   sync.Mutex
	newConns map[net.Conn]bool // connections yet to send a request
}

// connState tracks connections that have not sent a request yet.
func (sv *server) connState(c net.Conn, st http.ConnState) {
	sv.connMu.Lock()
	defer sv.connMu.Unlock()
	if st == http.StateNew {
		if sv.newConns == nil {
			sv.newConns = map[net.Conn]bool{}
		}
		sv.newConns[c] = true
	} else {
		delete(sv.newConns, c)
	}
}

// closeNewConns closes the connections that have not sent a request.
func (sv *server) closeNewConns() {
	sv.connMu.Lock()
	defer sv.connMu.Unlock()
	for c := range sv.newConns {
		c.Close()
		delete(sv.newConns, c)
	}
}

// serverReq is a request waiting for (or writing) its response.
type serverReq struct {
	r        *http.Request
	reply    chan *serverResp // buffered: respond never blocks
	answered bool
	gone     bool // the client left before the response
	bodyID   int64
	puller   *puller
}

// serverResp is a JS Response reduced to Go data.
type serverResp struct {
	status int
	header http.Header
	body   []byte
	rc     io.ReadCloser
	size   int64
	puller *puller
}

// listen is native.listen(hostname, port, dispatch, clientGone,
// headersTimeout, requestTimeout, keepAliveTimeout, maxHeaderSize): it binds
// the socket now (so addr is known at once) and serves on a goroutine. The
// last four are Node's http.createServer limits (milliseconds, 0 for none;
// bytes), validated by fetch.js.
func (s *state) listen(call goja.FunctionCall) goja.Value {
	vm := s.env.VM
	host := call.Argument(0).String()
	port := call.Argument(1).ToInteger()
	dispatch, ok1 := goja.AssertFunction(call.Argument(2))
	gone, ok2 := goja.AssertFunction(call.Argument(3))
	if !ok1 || !ok2 {
		panic(vm.NewTypeError("listen: bad arguments"))
	}
	if port < 0 || port > 65535 {
		panic(s.env.ToJSError(&bindings.Error{Name: "RangeError", Code: "ERR_SOCKET_BAD_PORT", Message: fmt.Sprintf("port should be >= 0 and < 65536, received %d", port)}))
	}
	addr := net.JoinHostPort(host, strconv.FormatInt(port, 10))
	if err := s.env.Check(bindings.PermNet, addr); err != nil {
		panic(s.env.ToJSError(err))
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		code := "EADDRINUSE"
		if !strings.Contains(err.Error(), "address already in use") {
			code = "ERR_LISTEN"
		}
		panic(s.env.ToJSError(&bindings.Error{Name: "Error", Code: code, Message: "listen " + addr + ": " + err.Error()}))
	}
	sv := &server{
		s: s, ln: ln, mb: newMailbox(s.env.Loop, true), ctx: s.env.Context(),
		dispatch: dispatch, gone: gone, serveDone: make(chan struct{}),
		pending: map[int64]*serverReq{},
	}
	sv.finished, sv.resolve, _ = vm.NewPromise()
	sv.srv = &http.Server{Handler: sv, ErrorLog: nil, ConnState: sv.connState,
		ReadHeaderTimeout: msTimeout(call.Argument(4)),
		ReadTimeout:       msTimeout(call.Argument(5)),
		IdleTimeout:       msTimeout(call.Argument(6)),
		MaxHeaderBytes:    int(call.Argument(7).ToInteger()),
	}
	sv.stopHook = context.AfterFunc(sv.ctx, func() { sv.srv.Close() })
	go func() {
		defer close(sv.serveDone)
		_ = sv.srv.Serve(ln)
	}()

	sv.release = s.env.TrackResource("server", "serve "+ln.Addr().String(), func() { sv.shutdown() })
	// a graceful shutdown of the runtime (SIGINT) closes the server
	s.env.OnShutdown(func(goja.Value) { sv.shutdown() })

	tcp := ln.Addr().(*net.TCPAddr)
	o := vm.NewObject()
	_ = o.Set("hostname", tcp.IP.String())
	_ = o.Set("port", tcp.Port)
	_ = o.Set("finished", sv.finished)
	_ = o.Set("shutdown", func(goja.FunctionCall) goja.Value { return sv.shutdown() })
	_ = o.Set("respond", func(call goja.FunctionCall) goja.Value {
		sv.respond(call.Argument(0).ToInteger(), call.Argument(1), call.Argument(2), call.Argument(3))
		return goja.Undefined()
	})
	_ = o.Set("fail", func(call goja.FunctionCall) goja.Value {
		sv.fail(call.Argument(0).ToInteger(), call.Argument(1))
		return goja.Undefined()
	})
	return o
}

// msTimeout is a limit in milliseconds as net/http wants it: 0 (none) is
// negative there, since net/http's zero falls back to another timeout.
func msTimeout(v goja.Value) time.Duration {
	ms := v.ToInteger()
	if ms <= 0 {
		return -1
	}
	return time.Duration(ms) * time.Millisecond
}

// Limits net/http enforces as Node's http server does (timeouts, header
// size) need nothing here: net/http closes a connection whose head or whole
// request is too slow (ReadHeaderTimeout, ReadTimeout; the read deadline is
// lifted once the body is read, so a long handler is not cut off), that
// idles past IdleTimeout, and answers 431 to a head over MaxHeaderBytes
// (plus its 4 KiB read slack). What it leaves to the handler is a request
// body that fails mid-way, answered here as Node's parser answers it.

// reqBody is a request body that remembers the first error reading it
// returned (a malformed chunked encoding, a read deadline).
type reqBody struct {
	io.ReadCloser
	mu      sync.Mutex
	reading int           // Reads in progress
	err     error         // the first error but EOF
	idle    chan struct{} // signalled when a Read returns
}

func (b *reqBody) Read(p []byte) (int, error) {
	b.mu.Lock()
	b.reading++
	b.mu.Unlock()
	n, err := b.ReadCloser.Read(p)
	b.mu.Lock()
	b.reading--
	if err != nil && err != io.EOF && b.err == nil {
		b.err = err
	}
	b.mu.Unlock()
	select {
	case b.idle <- struct{}{}:
	default:
	}
	return n, err
}

// failure is the answer to a body that failed: 408 when it was too slow
// (requestTimeout), 400 for a malformed one; nil if the body is fine. With
// wait, a Read in progress is waited for (briefly): net/http cancels the
// request's context before that Read returns the error that cancelled it.
func (b *reqBody) failure(wait bool) *serverResp {
	if b == nil {
		return nil
	}
	var giveUp <-chan time.Time
	b.mu.Lock()
	for wait && b.err == nil && b.reading > 0 {
		b.mu.Unlock()
		if giveUp == nil {
			giveUp = time.After(time.Second)
		}
		select {
		case <-b.idle:
		case <-giveUp:
			wait = false
		}
		b.mu.Lock()
	}
	err := b.err
	b.mu.Unlock()
	if err == nil {
		return nil
	}
	status := http.StatusBadRequest
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		status = http.StatusRequestTimeout
	}
	hdr := http.Header{}
	hdr.Set("Content-Type", "text/plain;charset=UTF-8")
	hdr.Set("Connection", "close")
	return &serverResp{status: status, header: hdr, body: []byte(http.StatusText(status)), size: -1}
}

// ServeHTTP runs on the connection's goroutine.
func (sv *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	tok := sv.nextTok.Add(1)
	reply := make(chan *serverResp, 1)
	// r.Body stays as it is: net/http decides by its type what to do with
	// a body the handler has not read when the response starts
	var body *reqBody
	if r.Body != nil && r.Body != http.NoBody && (r.ContentLength != 0 || len(r.TransferEncoding) > 0) {
		body = &reqBody{ReadCloser: r.Body, idle: make(chan struct{}, 1)}
	}
	if !sv.mb.post(func() { sv.handle(tok, r, body, reply) }) {
		http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
		return
	}
	var resp *serverResp
	select {
	case resp = <-reply:
	case <-r.Context().Done():
		sv.mb.post(func() { sv.clientGone(tok) })
		if bad := body.failure(true); bad != nil {
			// a body read past requestTimeout cancels the request: the
			// client is still there to be told
			sv.write(w, r, bad)
		}
		return
	case <-sv.ctx.Done():
		return
	}
	if bad := body.failure(false); bad != nil {
		// the handler saw its body fail (and likely answered 500): the
		// request was bad, not the handler, and the connection cannot be
		// reused
		// reply (a JS stream's puller is finished by done below)
		if resp.rc != nil {
			resp.rc.Close()
		}
		resp = bad
	}
	srcFailed := sv.write(w, r, resp)
	sv.mb.post(func() { sv.done(tok) })
	if srcFailed {
		// the body's source failed mid-way: abort the connection (no final
		// chunk) so the client sees a truncated body, not a complete one
		panic(http.ErrAbortHandler)
	}
}

// handle runs on the loop: it builds the request info and calls the JS
// dispatcher. body is r.Body, if the request has one.
func (sv *server) handle(tok int64, r *http.Request, body *reqBody, reply chan *serverResp) {
	s := sv.s
	vm := s.env.VM
	req := &serverReq{r: r, reply: reply}
	sv.pending[tok] = req
	u := r.RequestURI
	if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		scheme := "http://"
		if r.TLS != nil {
			scheme = "https://"
		}
		u = scheme + r.Host + u
	}
	var bodyID int64
	if body != nil {
		b := s.newBody(body, r.ContentLength, nil)
		req.bodyID = b.id
		bodyID = b.id
	}
	host, port := goja.Undefined(), goja.Undefined()
	if h, p, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		pn, _ := strconv.Atoi(p)
		host, port = vm.ToValue(h), vm.ToValue(pn)
	}
	// dispatch(token, method, url, headers, bodyID, remoteHost, remotePort)
	if _, err := sv.dispatch(goja.Undefined(), vm.ToValue(tok), vm.ToValue(r.Method), vm.ToValue(u),
		vm.ToValue(&lazyHeaders{h: r.Header, host: r.Host}), vm.ToValue(bodyID), host, port); err != nil {
		sv.fail(tok, jsValueOf(vm, err))
	}
}

// respond is server.respond(token, status, headers, body), on the loop.
func (sv *server) respond(tok int64, status, headers, body goja.Value) {
	s := sv.s
	vm := s.env.VM
	req := sv.pending[tok]
	if req == nil || req.answered || req.gone {
		// the client went away: drop the body
		if o, ok := body.(*goja.Object); ok {
			if fn, ok := goja.AssertFunction(o.Get("cancel")); ok {
				_, _ = fn(goja.Undefined())
			}
		}
		return
	}
	resp := &serverResp{status: int(status.ToInteger()), header: http.Header{}, size: -1}
	hdrs, _ := flatStrings(headers)
	for i := 0; i+1 < len(hdrs); i += 2 {
		resp.header.Add(hdrs[i], hdrs[i+1])
	}
	if !goja.IsUndefined(body) && !goja.IsNull(body) {
		switch x := body.Export().(type) {
		case string:
			resp.body = []byte(x)
		case goja.ArrayBuffer:
			resp.body = bytes.Clone(x.Bytes())
		default:
			o := body.ToObject(vm)
			if id := o.Get("native"); id != nil && !goja.IsUndefined(id) {
				rc, size, ok := s.take(id.ToInteger())
				if !ok {
					sv.fail(tok, s.env.ToJSError(&bindings.Error{Name: "TypeError", Code: "ERR_BODY_UNUSABLE", Message: "Body is unusable: Body has already been read"}))
					return
				}
				resp.rc, resp.size = rc, size
			} else if pull, ok := goja.AssertFunction(o.Get("pull")); ok {
				p := newPuller(s, pull, o.Get("cancel"))
				p.ctx = req.r.Context()
				resp.puller = p
				req.puller = p
			} else {
				var b []byte
				if err := vm.ExportTo(body, &b); err != nil {
					sv.fail(tok, vm.NewTypeError("bad response body"))
					return
				}
				resp.body = bytes.Clone(b)
			}
		}
	}
	req.answered = true
	req.reply <- resp
}

// fail logs a handler's error and answers 500 (on the loop).
func (sv *server) fail(tok int64, errv goja.Value) {
	s := sv.s
	msg := ""
	if o, ok := errv.(*goja.Object); ok {
		if st := o.Get("stack"); st != nil && !goja.IsUndefined(st) {
			msg = st.String()
		}
	}
	if msg == "" {
		msg = errv.String()
	}
	// internal frames say nothing to the script's author
	lines := strings.Split(msg, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if strings.Contains(l, "arun:internal/") || strings.Contains(l, "(native)") {
			continue
		}
		kept = append(kept, l)
	}
	msg = strings.TrimRight(strings.Join(kept, "\n"), "\n ")
	fmt.Fprintf(s.env.Stderr, "arun:http: uncaught error in handler: %s\n", msg)
	req := sv.pending[tok]
	if req == nil || req.answered || req.gone {
		return
	}
	hdr := http.Header{}
	hdr.Set("Content-Type", "text/plain;charset=UTF-8")
	req.answered = true
	req.reply <- &serverResp{status: 500, header: hdr, body: []byte("Internal Server Error"), size: -1}
}

// clientGone runs on the loop when a client left before its response.
func (sv *server) clientGone(tok int64) {
	req := sv.pending[tok]
	if req == nil {
		return
	}
	req.gone = true
	select {
	case resp := <-req.reply: // answered, but nobody will write it
		if resp.rc != nil {
			resp.rc.Close()
		}
	default:
	}
	_, _ = sv.gone(goja.Undefined(), sv.s.env.VM.ToValue(tok))
	sv.done(tok)
}

// done forgets a finished request (on the loop).
func (sv *server) done(tok int64) {
	req := sv.pending[tok]
	if req == nil {
		return
	}
	delete(sv.pending, tok)
	if req.puller != nil {
		if req.puller.jsErr != nil {
			fmt.Fprintf(sv.s.env.Stderr, "arun:http: the response body stream errored: %s\n", req.puller.jsErr.String())
		}
		req.puller.finish()
	}
	if req.bodyID != 0 {
		if b := sv.s.bodies[req.bodyID]; b != nil {
			sv.s.finish(b)
		}
	}
}

// write sends resp on the connection's goroutine. It reports whether
// reading the body's source failed (a JS stream that errored, a proxied body
// cut short), as opposed to the client going away.
func (sv *server) write(w http.ResponseWriter, r *http.Request, resp *serverResp) (srcFailed bool) {
	h := w.Header()
	for k, vs := range resp.header {
		h[k] = vs
	}
	switch {
	case resp.rc != nil:
		defer resp.rc.Close()
		if resp.size >= 0 && h.Get("Content-Length") == "" {
			h.Set("Content-Length", strconv.FormatInt(resp.size, 10))
		}
	case resp.puller != nil:
	default:
		if h.Get("Content-Length") == "" && bodyAllowed(resp.status) {
			h.Set("Content-Length", strconv.Itoa(len(resp.body)))
		}
	}
	w.WriteHeader(resp.status)
	if r.Method == http.MethodHead || !bodyAllowed(resp.status) {
		return false
	}
	var err error
	switch {
	case resp.rc != nil:
		_, err = copyFlush(w, resp.rc)
	case resp.puller != nil:
		_, err = copyFlush(w, resp.puller)
	default:
		_, _ = w.Write(resp.body)
	}
	var se srcError
	return errors.As(err, &se)
}

// srcError is a read error of the source copyFlush copies from.
type srcError struct{ error }

func (e srcError) Unwrap() error { return e.error }

// copyFlush copies src to w, flushing after every chunk so that a streamed
// response reaches the client as it is produced.
func copyFlush(w http.ResponseWriter, src io.Reader) (int64, error) {
	fl, _ := w.(http.Flusher)
	buf := make([]byte, chunkSize)
	var total int64
	for {
		n, err := src.Read(buf)
		if n > 0 {
			m, werr := w.Write(buf[:n])
			total += int64(m)
			if werr != nil {
				return total, werr
			}
			if fl != nil {
				fl.Flush()
			}
		}
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, srcError{err}
		}
	}
}

func bodyAllowed(status int) bool {
	return !(status >= 100 && status < 200) && status != 204 && status != 304
}

// shutdown stops accepting connections, waits for the requests in flight
// and resolves finished (on the loop). It returns the finished promise.
func (sv *server) shutdown() goja.Value {
	vm := sv.s.env.VM
	if !sv.closing {
		sv.closing = true
		sv.s.env.Loop.Go(sv.s.env.Loop.Context(), func(ctx context.Context) eventloop.Task {
			// net/http's Shutdown counts a connection that has not sent a
			// request yet (a client's spare pooled connection) as busy for
			// up to 5 s: close those at once, they have nothing in flight
			sv.srv.SetKeepAlivesEnabled(false)
			done := make(chan struct{})
			go func() {
				defer close(done)
				for {
					sv.closeNewConns()
					select {
					case <-ctx.Done():
						return
					case <-sv.serveDone:
						return
					case <-time.After(10 * time.Millisecond):
					}
				}
			}()
			err := sv.srv.Shutdown(ctx)
			<-sv.serveDone
			<-done
			return func() error {
				sv.stopHook()
				sv.mb.close()
				if err != nil && !errors.Is(err, context.Canceled) {
					fmt.Fprintf(sv.s.env.Stderr, "arun:http: shutdown: %v\n", err)
				}
				sv.release()
				_ = sv.resolve(goja.Undefined())
				return nil
			}
		})
	}
	return vm.ToValue(sv.finished)
}
