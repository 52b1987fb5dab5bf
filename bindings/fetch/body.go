package fetch

import (
	"bytes"
	"context"
	"io"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/eventloop"
	"github.com/dop251/goja"
)

// chunkSize bounds one read of a streamed body.
const chunkSize = 64 << 10

// nativeBody is a Go body (an HTTP response body, or the body of a request
// the server received) that JS reads through the native functions read and
// readAll. It lives in the state's table, keyed by id, and is only touched on
// the loop; the goroutine of a read only uses rc.
type nativeBody struct {
	id     int64
	rc     io.ReadCloser
	size   int64              // Content-Length, -1 if unknown
	cancel context.CancelFunc // cancels the request of a fetched body (may be nil)
	stop   func() bool        // stops the close-at-end-of-run hook

	busy       bool // a read is in flight on a goroutine
	closed     bool // closed or handed off
	closeAfter bool // close once the read in flight returns
	reader     *bindings.Waiter
	abort      goja.Value // abort reason: reads reject with it
	onDone     func()     // called once when the body ends (EOF, error, close)
	pf         *prefetch  // a small body read ahead (rc then belongs to it)
	pfTaken    bool       // its data was handed to a chunk reader
}

// newPrefetchedBody registers a body that pf is reading.
func (s *state) newPrefetchedBody(pf *prefetch, size int64, cancel context.CancelFunc) *nativeBody {
	s.nextID++
	b := &nativeBody{id: s.nextID, pf: pf, size: size, cancel: cancel, stop: func() bool { return false }}
	s.bodies[b.id] = b
	return b
}

// newBody registers rc in the table. It is closed at the end of the run if
// nobody reads it to the end.
func (s *state) newBody(rc io.ReadCloser, size int64, cancel context.CancelFunc) *nativeBody {
	s.nextID++
	b := &nativeBody{id: s.nextID, rc: rc, size: size, cancel: cancel}
	b.stop = context.AfterFunc(s.env.Context(), func() { rc.Close() })
	s.bodies[b.id] = b
	return b
}

// finish closes b and forgets it (on the loop).
func (s *state) finish(b *nativeBody) {
	if b.closed {
		return
	}
	b.closed = true
	delete(s.bodies, b.id)
	if b.cancel != nil {
		b.cancel()
	}
	if b.pf != nil {
		// the prefetch goroutine owns and closes rc
	} else if b.busy {
		b.closeAfter = true
	} else {
		b.stop()
		b.rc.Close()
	}
	if b.onDone != nil {
		f := b.onDone
		b.onDone = nil
		f()
	}
}

// take removes b from the table and gives its reader to the caller, who
// must close it (forwarding a body to a fetch or a server response).
func (s *state) take(id int64) (io.ReadCloser, int64, bool) {
	b := s.bodies[id]
	if b == nil || b.busy || b.closed {
		return nil, 0, false
	}
	b.closed = true
	delete(s.bodies, id)
	b.stop()
	if b.onDone != nil {
		f := b.onDone
		b.onDone = nil
		f()
	}
	rc := b.rc
	if b.pf != nil {
		rc = b.pf.reader()
	}
	if b.cancel != nil {
		// the request's context must live as long as the reader
		rc = &cancelOnClose{ReadCloser: rc, cancel: b.cancel}
	}
	return rc, b.size, true
}

type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c *cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}

// abortBody makes b's pending and future reads reject with reason and closes
// it (an AbortSignal fired after the response arrived).
func (s *state) abortBody(b *nativeBody, reason goja.Value) {
	if b.closed {
		return
	}
	b.abort = reason
	w := b.reader
	b.reader = nil
	s.finish(b)
	if w != nil {
		w.Reject(reasonErr{reason})
	}
}

// reasonErr carries a JS value (an abort reason) as a Go error; it never
// leaves the loop.
type reasonErr struct{ v goja.Value }

func (e reasonErr) Error() string       { return "fetch: aborted" }
func (e reasonErr) JSValue() goja.Value { return e.v }

// read starts a read of at most chunkSize bytes of body id and returns a
// promise of an ArrayBuffer, or null at the end.
func (s *state) read(id int64, all, text bool) goja.Value {
	vm := s.env.VM
	b := s.bodies[id]
	if b == nil || b.closed {
		p, _, rej := vm.NewPromise()
		if b != nil && b.abort != nil {
			_ = rej(b.abort)
		} else if all || text {
			_ = rej(s.env.ToJSError(&bindings.Error{Name: "TypeError", Code: "ERR_BODY_UNUSABLE", Message: "Body is unusable: Body has already been read"}))
		} else {
			_ = rej(s.env.ToJSError(&bindings.Error{Name: "TypeError", Code: "ERR_INVALID_STATE", Message: "body stream is closed"}))
		}
		return vm.ToValue(p)
	}
	if b.busy {
		p, _, rej := vm.NewPromise()
		_ = rej(s.env.ToJSError(&bindings.Error{Name: "TypeError", Code: "ERR_INVALID_STATE", Message: "body is already being read"}))
		return vm.ToValue(p)
	}
	what := "response.body read"
	if all {
		what = "response body"
	}
	w := s.env.NewWaiter(what, func() { s.finish(b) })
	if w.Done() {
		s.finish(b)
		return w.Value()
	}
	if b.pf != nil {
		s.readPrefetched(b, w, all, text)
		return w.Value()
	}
	b.busy = true
	b.reader = w
	rc, size := b.rc, b.size
	s.env.Loop.Go(s.env.Loop.Context(), func(ctx context.Context) eventloop.Task {
		var data []byte
		var err error
		eof := false
		if all {
			data, err = readAll(rc, size)
			eof = err == nil
		} else {
			buf := make([]byte, chunkSize)
			var n int
			for n == 0 && err == nil {
				n, err = rc.Read(buf)
			}
			data = buf[:n]
			if err == io.EOF {
				eof = n == 0
				err = nil
			}
		}
		return func() error {
			b.busy = false
			if b.reader == w {
				b.reader = nil
			}
			if b.closeAfter {
				b.stop()
				rc.Close()
			}
			if w.Done() {
				return nil
			}
			if err != nil {
				s.finish(b)
				if b.abort != nil {
					w.Reject(reasonErr{b.abort})
					return nil
				}
				w.Reject(netError("error reading the body", err))
				return nil
			}
			if eof && all {
				s.finish(b)
			}
			switch {
			case text:
				w.Resolve(bindings.DecodeUTF8(data))
			case all:
				w.Resolve(vm.NewArrayBuffer(data))
			case eof:
				s.finish(b)
				w.Resolve(goja.Null())
			default:
				w.Resolve(vm.NewArrayBuffer(data))
			}
			return nil
		}
	})
	return w.Value()
}

// readAll reads r to the end, sized by the Content-Length when known.
func readAll(r io.Reader, size int64) ([]byte, error) {
	if size >= 0 && size < 64<<20 {
		buf := make([]byte, 0, size+1)
		for {
			n, err := r.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			if err == io.EOF {
				return buf, nil
			}
			if err != nil {
				return buf, err
			}
			if len(buf) == cap(buf) {
				var bb bytes.Buffer
				bb.Write(buf)
				_, err := bb.ReadFrom(r)
				return bb.Bytes(), err
			}
		}
	}
	return io.ReadAll(r)
}

// readPrefetched answers a read of a prefetched body: at once if it is in
// (the common case: no closure, no loop reservation), else when it is.
func (s *state) readPrefetched(b *nativeBody, w *bindings.Waiter, all, text bool) {
	b.busy = true
	b.reader = w
	if b.pf.finished() || !b.pf.whenDone(s.env.Loop, func() { s.deliverPrefetched(b, w, all, text) }) {
		s.deliverPrefetched(b, w, all, text)
	}
}

// deliverPrefetched settles w, a read of b, from its finished prefetch.
func (s *state) deliverPrefetched(b *nativeBody, w *bindings.Waiter, all, text bool) {
	pf := b.pf
	b.busy = false
	if b.reader == w {
		b.reader = nil
	}
	if w.Done() {
		return
	}
	if pf.err != nil {
		s.finish(b)
		if b.abort != nil {
			w.Reject(reasonErr{b.abort})
			return
		}
		w.Reject(netError("error reading the body", pf.err))
		return
	}
	switch {
	case text:
		s.finish(b)
		w.Resolve(bindings.DecodeUTF8(pf.data))
	case all:
		s.finish(b)
		w.Resolve(s.env.VM.NewArrayBuffer(bytes.Clone(pf.data)))
	case b.pfTaken || len(pf.data) == 0:
		s.finish(b)
		w.Resolve(goja.Null())
	default:
		b.pfTaken = true
		w.Resolve(s.env.VM.NewArrayBuffer(bytes.Clone(pf.data)))
	}
}
