package asyncio

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"os"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
)

// TCP streams: asyncio.openConnection and asyncio.startServer (CPython's
// asyncio/streams.py). streams.js holds the classes; this file owns the
// sockets. See doc.go for the goroutine rules.

//go:embed streams.js
var streamsSource string

const streamsName = "arun:asyncio/streams.js"

var (
	streamsOnce sync.Once
	streamsProg *goja.Program
	streamsErr  error
)

const (
	// defaultLimit is StreamReader's limit (CPython's _DEFAULT_LIMIT): the
	// longest readuntil chunk, and half the buffered amount at which the
	// socket stops being read until the script consumes.
	defaultLimit = 64 << 10
	// highWater and lowWater bound a writer's buffer: drain() waits while
	// more than highWater bytes are unsent, until at most lowWater are.
	highWater = 64 << 10
	lowWater  = highWater / 4
	// readChunk is the most one socket read hands to the loop.
	readChunk = 64 << 10
	// shutdownGrace bounds the flush of a connection closed by a graceful
	// shutdown of the runtime.
	shutdownGrace = 2 * time.Second
)

// streams is one runtime's TCP streams state; it lives on the loop.
type streams struct {
	c    *core
	env  *bindings.Env
	vm   *goja.Runtime
	loop *eventloop.Loop

	bufferFrom goja.Callable // Buffer.from, if the runtime has Buffer
	bufferObj  goja.Value
	u8         goja.Value // Uint8Array

	incomplete, overrun, runtimeErr, valueErr goja.Value // JS error classes

	conns   map[*stream]struct{}
	servers map[*server]struct{}
}

// installStreams adds the streams API of streams.js to the asyncio exports.
func (c *core) installStreams(exports *goja.Object) error {
	streamsOnce.Do(func() {
		streamsProg, streamsErr = goja.Compile(streamsName, streamsSource, true)
	})
	if streamsErr != nil {
		return fmt.Errorf("asyncio: compiling streams.js: %w", streamsErr)
	}
	vm := c.vm
	s := &streams{
		c: c, env: c.env, vm: vm, loop: c.loop,
		conns:   map[*stream]struct{}{},
		servers: map[*server]struct{}{},
	}
	if b, ok := vm.Get("Buffer").(*goja.Object); ok {
		if from, ok := goja.AssertFunction(b.Get("from")); ok {
			s.bufferFrom, s.bufferObj = from, b
		}
	}
	s.u8 = vm.Get("Uint8Array")
	factory, err := vm.RunProgram(streamsProg)
	if err != nil {
		return fmt.Errorf("asyncio: running streams.js: %w", err)
	}
	fn, ok := goja.AssertFunction(factory)
	if !ok {
		return fmt.Errorf("asyncio: streams.js did not produce a function")
	}
	res, err := fn(goja.Undefined(), c.streamCoreNatives(), s.natives(), exports, c.hooks)
	if err != nil {
		return fmt.Errorf("asyncio: initialising streams: %w", err)
	}
	ro := res.ToObject(vm)
	errs := ro.Get("errors").ToObject(vm)
	s.incomplete = errs.Get("IncompleteReadError")
	s.overrun = errs.Get("LimitOverrunError")
	s.runtimeErr = errs.Get("RuntimeError")
	s.valueErr = errs.Get("ValueError")
	ex := ro.Get("exports").ToObject(vm)
	for _, k := range ex.Keys() {
		if err := exports.Set(k, ex.Get(k)); err != nil {
			return err
		}
	}
	c.env.OnShutdown(s.shutdown)
	return s.installSubprocess(exports, ro.Get("internal").ToObject(vm))
}

// streamCoreNatives is the part of core's natives streams.js uses.
func (c *core) streamCoreNatives() *goja.Object {
	o := c.vm.NewObject()
	_ = o.Set("stderr", func(call goja.FunctionCall) goja.Value {
		_, _ = io.WriteString(c.env.Stderr, call.Argument(0).String())
		return goja.Undefined()
	})
	_ = o.Set("cleanStack", func(call goja.FunctionCall) goja.Value {
		return c.vm.ToValue(bindings.CleanStack(call.Argument(0).String()))
	})
	return o
}

func (s *streams) natives() *goja.Object {
	o := s.vm.NewObject()
	set := func(name string, fn func(goja.FunctionCall) goja.Value) { _ = o.Set(name, fn) }
	set("connect", s.connect)
	set("listen", s.listen)
	set("read", s.read)
	set("atEof", func(call goja.FunctionCall) goja.Value {
		st := s.stream(call.Argument(0))
		return s.vm.ToValue(st.eof && len(st.buf) == 0)
	})
	set("exception", func(call goja.FunctionCall) goja.Value {
		st := s.stream(call.Argument(0))
		if st.rerr == nil {
			return goja.Null()
		}
		return s.env.ToJSError(st.rerr)
	})
	set("write", s.write)
	set("drain", s.drain)
	set("close", func(call goja.FunctionCall) goja.Value {
		s.stream(call.Argument(0)).close()
		return goja.Undefined()
	})
	set("abort", func(call goja.FunctionCall) goja.Value {
		s.stream(call.Argument(0)).finish()
		return goja.Undefined()
	})
	set("isClosing", func(call goja.FunctionCall) goja.Value {
		st := s.stream(call.Argument(0))
		return s.vm.ToValue(st.closing || st.closed)
	})
	set("waitClosed", s.waitClosed)
	set("writeEof", s.writeEOF)
	set("extra", s.extra)
	set("bufferSize", func(call goja.FunctionCall) goja.Value {
		return s.vm.ToValue(s.stream(call.Argument(0)).bufferSize())
	})
	set("limits", func(call goja.FunctionCall) goja.Value {
		st := s.stream(call.Argument(0))
		return s.vm.NewArray(st.low, st.high)
	})
	set("setLimits", s.setLimits)
	set("describe", s.describe)
	set("serverClose", func(call goja.FunctionCall) goja.Value {
		s.server(call.Argument(0)).close()
		return goja.Undefined()
	})
	set("serverWaitClosed", s.serverWaitClosed)
	return o
}

func (s *streams) throw(err error) { panic(s.env.ToJSError(err)) }

// In-process transit. A read waits on an idle reservation, so that
// virtual time skips ahead while a connection merely waits for its peer.
// But when both ends are in this runtime (a local server and its client),
// bytes handed to the kernel by one end are on their way to the other:
// until that end's reading goroutine delivers them, they count as I/O in
// flight (a plain reservation), or the virtual clock would jump to the next
// timer first (a waitFor around a request to a local server would time
// out). Each end knows its peer once the server has accepted; what the
// client sends before that is counted in early and handed over then.

// hold takes or releases st's in-flight reservation: held while bytes or
// the end of the stream are on their way to st from its peer, and st reads.
func (st *stream) hold() {
	want := (st.transit > 0 || st.finIn) && st.held == nil && !st.closed
	switch {
	case want && st.transitRes == nil:
		st.transitRes = st.s.loop.Reserve()
	case !want && st.transitRes != nil:
		st.transitRes(nil)
		st.transitRes = nil
	}
}

// sent records n bytes (or the end of the stream, fin) handed to the
// kernel for st's peer.
func (st *stream) sent(n int, fin bool) {
	p := st.peer
	if p == nil {
		if st.pending != nil {
			st.early += n
			st.earlyFin = st.earlyFin || fin
		}
		return
	}
	if p.closed {
		return
	}
	p.transit += n
	p.finIn = p.finIn || fin
	p.hold()
}

// jsError constructs one of streams.js's error classes.
func (s *streams) jsError(ctor goja.Value, args ...any) goja.Value {
	c, ok := goja.AssertConstructor(ctor)
	if !ok {
		return s.env.NewError("Error", fmt.Sprint(args...))
	}
	vals := make([]goja.Value, len(args))
	for i, a := range args {
		if v, ok := a.(goja.Value); ok {
			vals[i] = v
		} else {
			vals[i] = s.vm.ToValue(a)
		}
	}
	obj, err := c(nil, vals...)
	if err != nil {
		return s.env.NewError("Error", fmt.Sprint(args...))
	}
	return obj
}

// bytesValue wraps b (owned by the script from now on) in a Buffer.
func (s *streams) bytesValue(b []byte) goja.Value {
	ab := s.vm.ToValue(s.vm.NewArrayBuffer(b))
	if s.bufferFrom != nil {
		if v, err := s.bufferFrom(s.bufferObj, ab); err == nil {
			return v
		}
	}
	if c, ok := goja.AssertConstructor(s.u8); ok {
		if o, err := c(nil, ab); err == nil {
			return o
		}
	}
	return ab
}

// bytesOf is bindings.BytesOf.
var bytesOf = bindings.BytesOf

func typeName(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	if o, ok := v.(*goja.Object); ok {
		if c, ok := o.Get("constructor").(*goja.Object); ok {
			if n := c.Get("name"); n != nil && n.String() != "" {
				return n.String()
			}
		}
		return "object"
	}
	return v.ExportType().Kind().String()
}

// port validates a port argument (an integer in 0..65535).
func (s *streams) port(v goja.Value) int {
	f := v.ToFloat()
	if goja.IsUndefined(v) || math.IsNaN(f) || f != math.Trunc(f) || f < 0 || f > 65535 {
		s.throw(&bindings.Error{Name: "RangeError", Code: "ERR_SOCKET_BAD_PORT",
			Message: fmt.Sprintf("port should be >= 0 and < 65536, received %s", v.String())})
	}
	return int(f)
}

// Errors as Node reports them: code ECONNREFUSED, errno, syscall.

var errnoNames = map[syscall.Errno]string{
	syscall.ECONNREFUSED:  "ECONNREFUSED",
	syscall.ECONNRESET:    "ECONNRESET",
	syscall.ECONNABORTED:  "ECONNABORTED",
	syscall.EPIPE:         "EPIPE",
	syscall.ETIMEDOUT:     "ETIMEDOUT",
	syscall.EHOSTUNREACH:  "EHOSTUNREACH",
	syscall.ENETUNREACH:   "ENETUNREACH",
	syscall.ENETDOWN:      "ENETDOWN",
	syscall.EADDRINUSE:    "EADDRINUSE",
	syscall.EADDRNOTAVAIL: "EADDRNOTAVAIL",
	syscall.EACCES:        "EACCES",
	syscall.EPERM:         "EPERM",
}

// sysCode names err's system error ("ECONNREFUSED", with errno -111 on
// Linux), or returns "".
func sysCode(err error) (string, int) {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if name, ok := errnoNames[errno]; ok {
			return name, -int(errno)
		}
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "ETIMEDOUT", 0
	}
	return "", 0
}

// netError is a Node-style system error of syscall (connect, read, write,
// listen) on addr.
func netError(syscallName, addr string, err error) error {
	var dns *net.DNSError
	if errors.As(err, &dns) {
		code := "ENOTFOUND"
		if dns.IsTemporary || dns.IsTimeout {
			code = "EAI_AGAIN"
		}
		return &bindings.Error{Code: code, Message: "getaddrinfo " + code + " " + dns.Name,
			Props: map[string]any{"syscall": "getaddrinfo", "hostname": dns.Name}}
	}
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Addr != nil && syscallName == "connect" {
		addr = oe.Addr.String()
	}
	code, errno := sysCode(err)
	if code == "" {
		msg := err.Error()
		if oe != nil && oe.Err != nil {
			msg = oe.Err.Error()
		}
		return &bindings.Error{Message: fmt.Sprintf("%s %s: %s", syscallName, addr, msg), Props: map[string]any{"syscall": syscallName}}
	}
	props := map[string]any{"syscall": syscallName}
	if errno != 0 {
		props["errno"] = errno
	}
	msg := syscallName + " " + code
	switch syscallName {
	case "connect":
		if h, p, e := net.SplitHostPort(addr); e == nil {
			props["address"] = h
			props["port"], _ = strconv.Atoi(p)
		}
		msg += " " + addr
	case "listen":
		if code == "EADDRINUSE" {
			msg += ": address already in use " + addr
		} else {
			msg += ": " + addr
		}
	}
	return &bindings.Error{Code: code, Message: msg, Props: props}
}

func connLost() error {
	return &bindings.Error{Code: "ECONNRESET", Message: "Connection lost"}
}

// ---- connections ---------------------------------------------------------

type readKind int

const (
	opRead readKind = iota
	opExactly
	opUntil
	opLine
)

var opNames = [...]string{"read", "readexactly", "readuntil", "readuntil"}

// readOp is the one read a StreamReader may have waiting.
type readOp struct {
	kind readKind
	n    int
	sep  []byte
	off  int    // readuntil: where the next search starts
	acc  []byte // read(-1): what was taken so far
	w    *bindings.Waiter
}

// stream is one TCP connection, a StreamReader and StreamWriter pair, or
// one end of a child process's pipe (subprocess.go): a reader without a
// writer (stdout, stderr) or a writer without a reader (stdin).
//
// A goroutine reads the socket: it waits for a credit (a loop reservation
// from Loop.ReserveIdle), reads one chunk and hands it to the loop with
// that reservation, where received appends it to buf. The loop grants the
// next credit at once unless buf holds more than twice the limit; then it
// keeps the credit until the script has consumed down to the limit (or a
// read is waiting), which is the backpressure: the kernel's buffers fill
// and the peer's writes block. Writes are buffered in wbuf and flushed by
// one Loop.Go at a time.
type stream struct {
	s      *streams
	conn   io.ReadWriteCloser // the socket, or the pipe's end
	nc     net.Conn           // the socket; nil for a pipe
	ctx    context.Context
	srv    *server // the server that accepted it, or nil
	handle goja.Value
	limit  int

	// reading (loop side, except credit and quit)
	buf    []byte
	eof    bool
	rerr   error
	op     *readOp
	credit chan func(eventloop.Task) // capacity 1: at most one credit exists
	held   func(eventloop.Task)      // the credit kept while reading is paused
	quit   chan struct{}             // closed when the stream is closed

	// writing
	wbuf      []byte
	inflight  int // bytes the flush goroutine is writing
	flushing  bool
	werr      error
	eofReq    bool
	closing   bool
	closed    bool
	high, low int
	drainers  []*bindings.Waiter
	closers   []*bindings.Waiter

	// in-process transit (see hold)
	peer       *stream // the other end, when it is in this runtime
	pending    *server // this runtime's server that is yet to accept st
	early      int     // bytes sent before the peer was known
	earlyFin   bool
	transit    int  // bytes on their way to st from its peer
	finIn      bool // the peer's end of stream is on its way
	transitRes func(eventloop.Task)

	release  func()
	stopHook func() bool
	onEOF    func() // called once, when the reading side reaches its end
}

// newStream wraps a connected socket (on the loop) and starts reading it.
func (s *streams) newStream(nc net.Conn, limit int, srv *server, what string) *stream {
	st := s.open(nc, limit, srv, "socket", what, true)
	st.nc = nc
	return st
}

// open wraps conn (on the loop); a readable one is read by a goroutine
// from now on, one that is not is at its end already.
func (s *streams) open(conn io.ReadWriteCloser, limit int, srv *server, kind, what string, readable bool) *stream {
	st := &stream{
		s: s, conn: conn, ctx: s.env.Context(), srv: srv, limit: limit, high: highWater, low: lowWater,
		credit: make(chan func(eventloop.Task), 1), quit: make(chan struct{}),
	}
	st.handle = s.vm.ToValue(st)
	st.release = s.env.TrackResource(kind, what, st.finish)
	st.stopHook = context.AfterFunc(st.ctx, func() { _ = conn.Close() })
	s.conns[st] = struct{}{}
	if srv != nil {
		srv.conns[st] = struct{}{}
	}
	if readable {
		st.credit <- s.loop.ReserveIdle()
		go st.readLoop()
	} else {
		st.eof = true
	}
	return st
}

// ended calls onEOF the first time the reading side has ended.
func (st *stream) ended() {
	if f := st.onEOF; f != nil {
		st.onEOF = nil
		f()
	}
}

func (s *streams) stream(v goja.Value) *stream {
	if o, ok := v.(*goja.Object); ok {
		if st, ok := o.Export().(*stream); ok {
			return st
		}
	}
	s.throw(bindings.TypeErrorf("asyncio: not a stream"))
	return nil
}

// readLoop is the connection's reading goroutine.
func (st *stream) readLoop() {
	buf := make([]byte, readChunk)
	for {
		var enq func(eventloop.Task)
		select {
		case enq = <-st.credit:
		case <-st.quit:
			return
		case <-st.ctx.Done():
			return
		}
		n, err := st.conn.Read(buf)
		var data []byte
		if n > 0 {
			data = bytes.Clone(buf[:n])
		}
		enq(func() error {
			st.received(data, err)
			return nil
		})
		if err != nil {
			return
		}
	}
}

// received runs on the loop with what one socket read returned.
func (st *stream) received(data []byte, err error) {
	if st.closed {
		return
	}
	if len(data) > 0 {
		st.buf = append(st.buf, data...)
	}
	st.transit = max(st.transit-len(data), 0)
	if err != nil {
		st.transit, st.finIn = 0, false
		st.eof = true
		if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) && !errors.Is(err, os.ErrClosed) {
			// a reset: the transport is lost, as in CPython
			st.rerr = netError("read", "", err)
			st.finish()
			return
		}
	} else {
		enq := st.s.loop.ReserveIdle()
		if len(st.buf) > 2*st.limit {
			st.held = enq
		} else {
			st.credit <- enq
		}
	}
	st.hold()
	st.serve()
	if st.eof {
		st.ended()
	}
}

// resume gives the reading goroutine its credit back once the buffer is
// down to the limit, or when a read waits for more (CPython's
// _maybe_resume_transport and _wait_for_data).
func (st *stream) resume() {
	if st.held != nil && !st.closed && (st.op != nil || len(st.buf) <= st.limit) {
		st.credit <- st.held
		st.held = nil
		st.hold()
	}
}

// take removes and returns the first k buffered bytes.
func (st *stream) take(k int) []byte {
	out := bytes.Clone(st.buf[:k])
	if out == nil {
		out = []byte{}
	}
	st.buf = st.buf[k:]
	if len(st.buf) == 0 {
		st.buf = nil
	}
	return out
}

// serve completes the waiting read if the buffer now allows.
func (st *stream) serve() {
	if op := st.op; op != nil {
		v, rej, done := st.try(op)
		if done {
			st.op = nil
			if rej != nil {
				op.w.Reject(rej)
			} else {
				op.w.Resolve(v)
			}
		}
	}
	st.resume()
}

// try attempts op on the buffer: the result or rejection, and whether op is
// done. It follows CPython's StreamReader methods.
func (st *stream) try(op *readOp) (goja.Value, any, bool) {
	s := st.s
	if st.rerr != nil {
		return nil, st.rerr, true
	}
	switch op.kind {
	case opRead:
		if op.n < 0 {
			if len(st.buf) > 0 {
				op.acc = append(op.acc, st.take(len(st.buf))...)
			}
			if !st.eof {
				return nil, nil, false
			}
			if op.acc == nil {
				op.acc = []byte{}
			}
			return s.bytesValue(op.acc), nil, true
		}
		if len(st.buf) == 0 {
			if !st.eof {
				return nil, nil, false
			}
			return s.bytesValue([]byte{}), nil, true
		}
		return s.bytesValue(st.take(min(op.n, len(st.buf)))), nil, true
	case opExactly:
		if len(st.buf) >= op.n {
			return s.bytesValue(st.take(op.n)), nil, true
		}
		if !st.eof {
			return nil, nil, false
		}
		partial := st.take(len(st.buf))
		return nil, s.jsError(s.incomplete, s.bytesValue(partial), op.n), true
	default: // opUntil, opLine
		sepLen := len(op.sep)
		if len(st.buf)-op.off >= sepLen {
			if i := bytes.Index(st.buf[op.off:], op.sep); i >= 0 {
				isep := op.off + i
				if isep > st.limit {
					return st.overrun(op, "Separator is found, but chunk is longer than limit", isep)
				}
				return s.bytesValue(st.take(isep + sepLen)), nil, true
			}
			op.off = len(st.buf) + 1 - sepLen
			if op.off > st.limit {
				return st.overrun(op, "Separator is not found, and chunk exceed the limit", op.off)
			}
		}
		if !st.eof {
			return nil, nil, false
		}
		partial := st.take(len(st.buf))
		if op.kind == opLine {
			return s.bytesValue(partial), nil, true
		}
		return nil, s.jsError(s.incomplete, s.bytesValue(partial), goja.Null()), true
	}
}

// overrun is readuntil's LimitOverrunError (the data stays buffered), or
// readline's ValueError (the line is dropped).
func (st *stream) overrun(op *readOp, msg string, consumed int) (goja.Value, any, bool) {
	s := st.s
	if op.kind == opUntil {
		return nil, s.jsError(s.overrun, msg, consumed), true
	}
	if bytes.HasPrefix(st.buf[consumed:], op.sep) {
		st.take(consumed + len(op.sep))
	} else {
		st.buf = nil
	}
	return nil, s.jsError(s.valueErr, msg), true
}

// read(h, kind, n, sep): a StreamReader read; a runtime promise.
func (s *streams) read(call goja.FunctionCall) goja.Value {
	st := s.stream(call.Argument(0))
	op := &readOp{kind: readKind(call.Argument(1).ToInteger())}
	if op.kind < opRead || op.kind > opLine {
		s.throw(bindings.TypeErrorf("asyncio: bad read kind"))
	}
	var bad goja.Value
	switch op.kind {
	case opRead:
		nv := call.Argument(2)
		op.n = -1
		if !goja.IsUndefined(nv) && !goja.IsNull(nv) {
			op.n = int(nv.ToInteger())
		}
	case opExactly:
		nv := call.Argument(2)
		if goja.IsUndefined(nv) || goja.IsNull(nv) {
			bad = s.env.ToJSError(bindings.TypeErrorf("readexactly() needs a size"))
		} else if op.n = int(nv.ToInteger()); op.n < 0 {
			bad = s.jsError(s.valueErr, "readexactly size can not be less than zero")
		}
	default:
		sep, ok := bytesOf(call.Argument(3))
		switch {
		case !ok:
			bad = s.env.ToJSError(bindings.TypeErrorf("separator must be a string or bytes, not %s", typeName(call.Argument(3))))
		case len(sep) == 0:
			bad = s.jsError(s.valueErr, "Separator should be at least one-byte string")
		}
		op.sep = bytes.Clone(sep)
	}
	what := "StreamReader." + opNames[op.kind] + "()"
	if op.kind == opLine {
		what = "StreamReader.readline()"
	}
	op.w = s.env.NewWaiter(what, func() { st.cancelRead(op) })
	if op.w.Done() {
		return op.w.Value() // a cancellation was waiting for this await
	}
	switch {
	case bad != nil:
		op.w.Reject(bad)
	case (op.kind == opRead || op.kind == opExactly) && op.n == 0:
		op.w.Resolve(s.bytesValue([]byte{}))
	case st.op != nil:
		op.w.Reject(s.jsError(s.runtimeErr, opNames[op.kind]+"() called while another coroutine is already waiting for incoming data"))
	default:
		st.op = op
		st.serve()
	}
	return op.w.Value()
}

// cancelRead forgets a cancelled read; what read(-1) had taken goes back to
// the buffer.
func (st *stream) cancelRead(op *readOp) {
	if st.op != op {
		return
	}
	st.op = nil
	if len(op.acc) > 0 {
		st.buf = append(op.acc, st.buf...)
	}
}

func (st *stream) bufferSize() int { return len(st.wbuf) + st.inflight }

// write(h, data) buffers data and starts a flush.
func (s *streams) write(call goja.FunctionCall) goja.Value {
	st := s.stream(call.Argument(0))
	data, ok := bytesOf(call.Argument(1))
	if !ok {
		s.throw(bindings.TypeErrorf("data argument must be a string or bytes-like object, not %s", typeName(call.Argument(1))))
	}
	if st.eofReq {
		panic(s.jsError(s.runtimeErr, "Cannot call write() after writeEof()"))
	}
	if len(data) == 0 || st.closed || st.werr != nil {
		return goja.Undefined() // as CPython: data written to a lost connection is dropped
	}
	st.wbuf = append(st.wbuf, data...)
	if !st.flushing {
		st.flush()
	}
	return goja.Undefined()
}

// flush hands the write buffer to a goroutine (Go work in flight keeps the
// loop alive until it is written).
func (st *stream) flush() {
	data := st.wbuf
	st.wbuf = nil
	st.inflight = len(data)
	st.flushing = true
	conn := st.conn
	st.s.loop.Go(st.ctx, func(context.Context) eventloop.Task {
		n, err := conn.Write(data)
		return func() error {
			st.flushed(n, err)
			return nil
		}
	})
}

// flushed runs on the loop when a flush ends.
func (st *stream) flushed(n int, err error) {
	st.flushing = false
	st.inflight = 0
	if st.closed {
		return
	}
	if err != nil {
		st.werr = netError("write", "", err)
		st.finish()
		return
	}
	st.sent(n, false)
	if len(st.wbuf) > 0 {
		st.flush()
	} else {
		if st.eofReq {
			st.shutdownWrite()
		}
		if st.closing {
			st.finish()
			return
		}
	}
	if st.bufferSize() <= st.low && len(st.drainers) > 0 {
		ws := st.drainers
		st.drainers = nil
		for _, w := range ws {
			w.Resolve(goja.Undefined())
		}
	}
}

func (st *stream) shutdownWrite() {
	if cw, ok := st.conn.(interface{ CloseWrite() error }); ok {
		_ = cw.CloseWrite()
		st.sent(0, true)
	}
}

// lost is the error the connection was lost with, or nil.
func (st *stream) lost() error {
	if st.werr != nil {
		return st.werr
	}
	return st.rerr
}

// drain(h): resolves at once unless more than the high-water mark is
// unsent; then when at most the low-water mark is.
func (s *streams) drain(call goja.FunctionCall) goja.Value {
	st := s.stream(call.Argument(0))
	var w *bindings.Waiter
	w = s.env.NewWaiter("StreamWriter.drain()", func() {
		st.drainers = slices.DeleteFunc(st.drainers, func(x *bindings.Waiter) bool { return x == w })
	})
	if w.Done() {
		return w.Value()
	}
	switch {
	case st.lost() != nil:
		w.Reject(st.lost())
	case st.closed:
		w.Reject(connLost())
	case st.bufferSize() > st.high:
		st.drainers = append(st.drainers, w)
	default:
		w.Resolve(goja.Undefined())
	}
	return w.Value()
}

// close closes the connection once the write buffer is flushed.
func (st *stream) close() {
	if st.closing || st.closed {
		return
	}
	st.closing = true
	if !st.flushing && len(st.wbuf) == 0 {
		st.finish()
	}
}

// finish closes the socket now (CPython's connection_lost): pending reads
// see EOF, drain and waitClosed waiters settle, the reading goroutine ends.
func (st *stream) finish() {
	if st.closed {
		return
	}
	st.closed, st.closing, st.eof = true, true, true
	st.wbuf = nil
	_ = st.conn.Close()
	st.sent(0, true)
	if sv := st.pending; sv != nil {
		// closed before its server accepted it: the server reads it as
		// any client's
		delete(sv.expect, st.nc.LocalAddr().String())
		sv.holdAccepts()
	}
	st.peer, st.pending = nil, nil
	st.transit, st.finIn = 0, false
	st.hold()
	close(st.quit)
	select {
	case enq := <-st.credit:
		enq(nil)
	default:
	}
	if st.held != nil {
		st.held(nil)
		st.held = nil
	}
	st.stopHook()
	st.release()
	s := st.s
	delete(s.conns, st)
	lost := st.lost()
	waiters := append(st.drainers, st.closers...)
	st.drainers, st.closers = nil, nil
	for _, w := range waiters {
		if lost != nil {
			w.Reject(lost)
		} else {
			w.Resolve(goja.Undefined())
		}
	}
	st.serve()
	if st.srv != nil {
		delete(st.srv.conns, st)
		st.srv.wake()
	}
	st.ended()
}

// waitClosed(h): settles when the connection is closed; rejects with the
// error it was lost with, if any.
func (s *streams) waitClosed(call goja.FunctionCall) goja.Value {
	st := s.stream(call.Argument(0))
	var w *bindings.Waiter
	w = s.env.NewWaiter("StreamWriter.waitClosed()", func() {
		st.closers = slices.DeleteFunc(st.closers, func(x *bindings.Waiter) bool { return x == w })
	})
	if w.Done() {
		return w.Value()
	}
	switch {
	case !st.closed:
		st.closers = append(st.closers, w)
	case st.lost() != nil:
		w.Reject(st.lost())
	default:
		w.Resolve(goja.Undefined())
	}
	return w.Value()
}

// writeEOF(h): shuts the sending side down after the buffered data.
func (s *streams) writeEOF(call goja.FunctionCall) goja.Value {
	st := s.stream(call.Argument(0))
	if st.eofReq || st.closed {
		return goja.Undefined()
	}
	st.eofReq = true
	if !st.flushing && len(st.wbuf) == 0 {
		st.shutdownWrite()
	}
	return goja.Undefined()
}

// extra(h, name): getExtraInfo's "peername" and "sockname" as
// [host, port]; undefined for other names.
func (s *streams) extra(call goja.FunctionCall) goja.Value {
	st := s.stream(call.Argument(0))
	var a net.Addr
	if st.nc == nil {
		return goja.Undefined()
	}
	switch call.Argument(1).String() {
	case "peername":
		a = st.nc.RemoteAddr()
	case "sockname":
		a = st.nc.LocalAddr()
	default:
		return goja.Undefined()
	}
	if t, ok := a.(*net.TCPAddr); ok {
		return s.vm.NewArray(t.IP.String(), t.Port)
	}
	return goja.Undefined()
}

// setLimits(h, high, low): CPython's set_write_buffer_limits.
func (s *streams) setLimits(call goja.FunctionCall) goja.Value {
	st := s.stream(call.Argument(0))
	high, low := highWater, -1
	if v := call.Argument(1); !goja.IsUndefined(v) && !goja.IsNull(v) {
		high = int(v.ToInteger())
	}
	if v := call.Argument(2); !goja.IsUndefined(v) && !goja.IsNull(v) {
		low = int(v.ToInteger())
	} else {
		low = high / 4
	}
	if high < low || low < 0 {
		panic(s.jsError(s.valueErr, fmt.Sprintf("high (%d) must be >= low (%d) must be >= 0", high, low)))
	}
	st.high, st.low = high, low
	return goja.Undefined()
}

func (s *streams) describe(call goja.FunctionCall) goja.Value {
	st := s.stream(call.Argument(0))
	out := ""
	if call.Argument(1).ToBoolean() {
		if len(st.buf) > 0 {
			out += fmt.Sprintf(" %d bytes", len(st.buf))
		}
		if st.eof {
			out += " eof"
		}
		if st.limit != defaultLimit {
			out += fmt.Sprintf(" limit=%d", st.limit)
		}
		if st.op != nil {
			out += " waiter"
		}
	} else {
		if st.closing || st.closed {
			out += " closing"
		}
	}
	switch {
	case st.closed:
		out += " closed"
	case st.nc == nil:
		out += " pipe"
	default:
		out += " " + st.nc.RemoteAddr().String()
	}
	return s.vm.ToValue(out)
}

// connect(host, port, limit): openConnection's dial; resolves to a stream
// handle.
func (s *streams) connect(call goja.FunctionCall) goja.Value {
	host := call.Argument(0).String()
	port := s.port(call.Argument(1))
	limit := int(call.Argument(2).ToInteger())
	addr := net.JoinHostPort(host, strconv.Itoa(port))
	ctx, cancel := context.WithCancelCause(s.env.Context())
	w := s.env.NewWaiter("openConnection("+addr+")", func() { cancel(bindings.ErrCancelled) })
	if w.Done() {
		cancel(nil)
		return w.Value()
	}
	if err := s.env.Check(bindings.PermNet, addr); err != nil {
		cancel(nil)
		w.Reject(err)
		return w.Value()
	}
	s.loop.Go(ctx, func(ctx context.Context) eventloop.Task {
		var d net.Dialer
		nc, err := d.DialContext(ctx, "tcp", addr)
		stop := func() bool { return true }
		if err == nil {
			// if the run ends before the loop takes the connection, the
			// task below never runs: the context closes it
			stop = context.AfterFunc(ctx, func() { _ = nc.Close() })
		}
		return func() error {
			alive := stop()
			cancel(nil)
			if err != nil {
				w.Reject(netError("connect", addr, err))
				return nil
			}
			if w.Done() || !alive {
				_ = nc.Close()
				return nil
			}
			st := s.newStream(nc, limit, nil, "connection to "+nc.RemoteAddr().String())
			s.expectAccept(st)
			w.Resolve(st.handle)
			return nil
		}
	})
	return w.Value()
}

// ---- servers -------------------------------------------------------------

// server is one startServer listener. A goroutine accepts connections with
// the same credit scheme as a stream's reads (one idle reservation at a
// time); each accepted connection becomes a stream whose callback task
// streams.js starts.
type server struct {
	s        *streams
	ln       net.Listener
	ctx      context.Context
	limit    int
	onClient goja.Callable
	onClose  goja.Callable

	credit chan func(eventloop.Task)
	quit   chan struct{}

	closed   bool
	conns    map[*stream]struct{}
	expect   map[string]*stream   // this runtime's clients not yet accepted, by address
	expectR  func(eventloop.Task) // in flight while expect is not empty
	waiters  []*bindings.Waiter
	release  func()
	stopHook func() bool
}

// listen(host, port, limit, onClient, onClose): binds now and returns
// {handle, hostname, port, family}.
func (s *streams) listen(call goja.FunctionCall) goja.Value {
	host := call.Argument(0).String()
	port := s.port(call.Argument(1))
	limit := int(call.Argument(2).ToInteger())
	onClient, ok1 := goja.AssertFunction(call.Argument(3))
	onClose, ok2 := goja.AssertFunction(call.Argument(4))
	if !ok1 || !ok2 {
		s.throw(bindings.TypeErrorf("asyncio: listen: bad arguments"))
	}
	addr := net.JoinHostPort(host, strconv.Itoa(port))
	target := addr
	if host == "" {
		target = net.JoinHostPort("0.0.0.0", strconv.Itoa(port))
	}
	if err := s.env.Check(bindings.PermNet, target); err != nil {
		s.throw(err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		s.throw(netError("listen", addr, err))
	}
	sv := &server{
		s: s, ln: ln, ctx: s.env.Context(), limit: limit, onClient: onClient, onClose: onClose,
		credit: make(chan func(eventloop.Task), 1), quit: make(chan struct{}),
		conns: map[*stream]struct{}{}, expect: map[string]*stream{},
	}
	sv.release = s.env.TrackResource("server", "server "+ln.Addr().String(), sv.close)
	sv.stopHook = context.AfterFunc(sv.ctx, func() { _ = ln.Close() })
	s.servers[sv] = struct{}{}
	sv.credit <- s.loop.ReserveIdle()
	go sv.acceptLoop()

	tcp := ln.Addr().(*net.TCPAddr)
	family := "IPv4"
	if tcp.IP.To4() == nil {
		family = "IPv6"
	}
	o := s.vm.NewObject()
	_ = o.Set("handle", s.vm.ToValue(sv))
	_ = o.Set("hostname", tcp.IP.String())
	_ = o.Set("port", tcp.Port)
	_ = o.Set("family", family)
	return o
}

func (s *streams) server(v goja.Value) *server {
	if o, ok := v.(*goja.Object); ok {
		if sv, ok := o.Export().(*server); ok {
			return sv
		}
	}
	s.throw(bindings.TypeErrorf("asyncio: not a server"))
	return nil
}

// acceptLoop is the server's accepting goroutine.
func (sv *server) acceptLoop() {
	for {
		var enq func(eventloop.Task)
		select {
		case enq = <-sv.credit:
		case <-sv.quit:
			return
		case <-sv.ctx.Done():
			return
		}
		var nc net.Conn
		var err error
		delay := 5 * time.Millisecond
		for {
			nc, err = sv.ln.Accept()
			if err == nil || errors.Is(err, net.ErrClosed) {
				break
			}
			// a temporary failure (too many open files): back off and
			// retry, as net/http does
			t := time.NewTimer(delay)
			select {
			case <-t.C:
			case <-sv.quit:
				t.Stop()
				enq(nil)
				return
			case <-sv.ctx.Done():
				t.Stop()
				return
			}
			delay = min(2*delay, time.Second)
		}
		enq(func() error { return sv.accepted(nc, err) })
		if err != nil {
			return
		}
	}
}

// accepted runs on the loop for an accepted connection.
func (sv *server) accepted(nc net.Conn, err error) error {
	if err != nil {
		return nil
	}
	if sv.closed {
		_ = nc.Close()
		return nil
	}
	s := sv.s
	sv.credit <- s.loop.ReserveIdle()
	st := s.newStream(nc, sv.limit, sv, "connection from "+nc.RemoteAddr().String())
	if cl := sv.expect[nc.RemoteAddr().String()]; cl != nil {
		// a client of this runtime: link the two ends
		delete(sv.expect, nc.RemoteAddr().String())
		sv.holdAccepts()
		cl.pending = nil
		if !cl.closed {
			cl.peer, st.peer = st, cl
		}
		st.transit, st.finIn = cl.early, cl.earlyFin || cl.closed
		cl.early, cl.earlyFin = 0, false
		st.hold()
	}
	_, jerr := sv.onClient(goja.Undefined(), st.handle)
	return jerr
}

// close stops listening; connections stay open (CPython 3.12).
func (sv *server) close() {
	if sv.closed {
		return
	}
	sv.closed = true
	for _, cl := range sv.expect {
		cl.pending = nil
	}
	clear(sv.expect)
	sv.holdAccepts()
	_ = sv.ln.Close()
	close(sv.quit)
	select {
	case enq := <-sv.credit:
		enq(nil)
	default:
	}
	sv.stopHook()
	sv.release()
	delete(sv.s.servers, sv)
	if _, err := sv.onClose(goja.Undefined()); err != nil {
		eventloop.PanicIfUncatchable(err)
	}
	sv.wake()
}

// expectAccept notes that st, just connected, is on its way to one of
// this runtime's servers.
func (s *streams) expectAccept(st *stream) {
	ra, ok := st.nc.RemoteAddr().(*net.TCPAddr)
	if !ok {
		return
	}
	for sv := range s.servers {
		la, ok := sv.ln.Addr().(*net.TCPAddr)
		if ok && la.Port == ra.Port && (la.IP.IsUnspecified() || la.IP.Equal(ra.IP)) {
			st.pending = sv
			sv.expect[st.nc.LocalAddr().String()] = st
			sv.holdAccepts()
			return
		}
	}
}

// holdAccepts keeps the loop's in-flight reservation while clients of this
// runtime wait to be accepted.
func (sv *server) holdAccepts() {
	switch {
	case len(sv.expect) > 0 && sv.expectR == nil:
		sv.expectR = sv.s.loop.Reserve()
	case len(sv.expect) == 0 && sv.expectR != nil:
		sv.expectR(nil)
		sv.expectR = nil
	}
}

// wake settles waitClosed once the server is closed and its connections
// are all closed.
func (sv *server) wake() {
	if !sv.closed || len(sv.conns) > 0 || len(sv.waiters) == 0 {
		return
	}
	ws := sv.waiters
	sv.waiters = nil
	for _, w := range ws {
		w.Resolve(goja.Undefined())
	}
}

// serverWaitClosed(h): CPython 3.12.1's wait_closed: waits until the
// server is closed and every connection it accepted is closed.
func (s *streams) serverWaitClosed(call goja.FunctionCall) goja.Value {
	sv := s.server(call.Argument(0))
	var w *bindings.Waiter
	w = s.env.NewWaiter("Server.waitClosed()", func() {
		sv.waiters = slices.DeleteFunc(sv.waiters, func(x *bindings.Waiter) bool { return x == w })
	})
	if w.Done() {
		return w.Value()
	}
	sv.waiters = append(sv.waiters, w)
	sv.wake()
	return w.Value()
}

// shutdown is the runtime's graceful shutdown: servers stop listening and
// connections close after flushing what is buffered (bounded by
// shutdownGrace).
func (s *streams) shutdown(goja.Value) {
	for sv := range s.servers {
		sv.close()
	}
	for st := range s.conns {
		if st.nc == nil {
			continue // a child's pipe: it ends with the child, which the cancelled task kills
		}
		if d, ok := st.conn.(interface{ SetWriteDeadline(time.Time) error }); ok {
			_ = d.SetWriteDeadline(time.Now().Add(shutdownGrace))
		}
		st.close()
	}
}
