package fetch

import (
	"io"
	"sync"

	"github.com/arun-js/arun/eventloop"
)

// prefetchMax is the largest body (by Content-Length) read ahead while the
// script looks at the response headers.
const prefetchMax = 64 << 10

// prefetch is a small body of known length that the request's goroutine
// reads right after handing the headers to the loop. A reader that comes
// after it finished is answered at once, with no goroutine and no loop
// wake-up; one that comes before waits for it. It holds at most prefetchMax
// bytes, about what the socket buffers would hold anyway.
type prefetch struct {
	mu     sync.Mutex
	done   bool
	data   []byte
	err    error
	notify func(eventloop.Task) // a loop reservation of a waiting reader
	task   eventloop.Task
	ch     chan struct{} // closed when done
}

func newPrefetch() *prefetch { return &prefetch{ch: make(chan struct{})} }

// run reads and closes rc (on the request's goroutine).
func (p *prefetch) run(rc io.ReadCloser, size int64) {
	data, err := readAll(rc, size)
	rc.Close()
	p.mu.Lock()
	p.done, p.data, p.err = true, data, err
	n, t := p.notify, p.task
	p.notify, p.task = nil, nil
	p.mu.Unlock()
	close(p.ch)
	if n != nil {
		n(t)
	}
}

// finished reports whether the body is read (data and err are final).
func (p *prefetch) finished() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.done
}

// whenDone reports false if the body is read already; otherwise it
// arranges for fn to run on loop once it is, and reports true. (Callers
// check finished first, so that the common case makes no closure.)
func (p *prefetch) whenDone(loop *eventloop.Loop, fn func()) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done {
		return false
	}
	p.notify = loop.Reserve()
	p.task = func() error { fn(); return nil }
	return true
}

// reader is the prefetched body as an io.ReadCloser for a forwarded body.
func (p *prefetch) reader() io.ReadCloser { return &prefetchReader{p: p} }

type prefetchReader struct {
	p   *prefetch
	off int
}

func (r *prefetchReader) Read(b []byte) (int, error) {
	<-r.p.ch
	if r.off >= len(r.p.data) {
		if r.p.err != nil {
			return 0, r.p.err
		}
		return 0, io.EOF
	}
	n := copy(b, r.p.data[r.off:])
	r.off += n
	return n, nil
}

func (r *prefetchReader) Close() error { return nil }
