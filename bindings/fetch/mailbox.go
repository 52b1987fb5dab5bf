package fetch

import (
	"sync"

	"github.com/arun-js/arun/eventloop"
)

// mailbox lets goroutines run functions on the loop for as long as it is
// open: a server handing requests to the JS handler, or a streamed request
// body pulling chunks from a ReadableStream. While open it holds one loop
// reservation (the loop stays alive); each batch of posts consumes it and the
// loop takes a new one before running the batch.
//
// open and close run on the loop; post is safe from any goroutine.
type mailbox struct {
	loop *eventloop.Loop
	idle bool // a server's: waiting for requests is not work in flight

	mu      sync.Mutex
	queue   []func()
	enqueue func(eventloop.Task) // nil while a drain is scheduled or once closed
	closed  bool
}

// newMailbox opens a mailbox on loop (call on the loop). An idle mailbox
// (a listening server's) does not count as I/O in flight, so virtual time
// goes on skipping while it waits.
func newMailbox(loop *eventloop.Loop, idle bool) *mailbox {
	m := &mailbox{loop: loop, idle: idle}
	m.enqueue = m.reserve()
	return m
}

func (m *mailbox) reserve() func(eventloop.Task) {
	if m.idle {
		return m.loop.ReserveIdle()
	}
	return m.loop.Reserve()
}

// post queues fn to run on the loop and reports whether it was accepted
// (false once the mailbox is closed). An accepted fn may still never run if
// the loop's run ends first: posters must also watch the run's context.
func (m *mailbox) post(fn func()) bool {
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return false
	}
	m.queue = append(m.queue, fn)
	e := m.enqueue
	m.enqueue = nil
	m.mu.Unlock()
	if e != nil {
		e(m.drain)
	}
	return true
}

// drain runs on the loop: it re-arms the reservation and runs what was
// posted.
func (m *mailbox) drain() error {
	m.mu.Lock()
	q := m.queue
	m.queue = nil
	if !m.closed {
		m.enqueue = m.reserve()
	}
	m.mu.Unlock()
	for _, fn := range q {
		fn()
	}
	return nil
}

// close stops accepting posts and releases the reservation (on the loop).
// Functions already posted still run.
func (m *mailbox) close() {
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return
	}
	m.closed = true
	e := m.enqueue
	m.enqueue = nil
	m.mu.Unlock()
	if e != nil {
		e(nil)
	}
}
