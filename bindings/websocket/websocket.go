// Package websocket installs the global WebSocket (the WHATWG WebSockets
// standard's client, as in Node 22 and Deno) and CloseEvent, on
// github.com/coder/websocket.
//
// new WebSocket(url, protocols) checks the net permission for the URL's
// host and port at once (a denial throws PermissionDenied, as fetch's
// rejects) and dials on a goroutine of its own; events (open, message,
// error, close) reach the script in the standard's order. send takes
// strings, ArrayBuffers, views and Blobs; binaryType is "blob" (the
// default) or "arraybuffer"; close(code, reason) runs the closing
// handshake, and a run that ends (or a host shutdown) drops the
// connection. Not there: extensions (permessage-deflate is not offered),
// bufferedAmount counts what send queued and not yet written.
//
// # Goroutine rules
//
// One goroutine per connection dials and then reads; another writes what
// send queued, in order. They hand events to the loop through
// reservations: one is always outstanding while the connection lives (so
// the run waits for it, as Node's does), each event taking the next
// before it hands its own over. Both goroutines end when the connection
// closes or the run's context is cancelled.
package websocket

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"net"
	"net/url"
	"sync"

	"github.com/arun-js/arun/bindings"
	"github.com/arun-js/arun/eventloop"
	"github.com/coder/websocket"
	"github.com/dop251/goja"
)

//go:embed websocket.js
var src string

var script = bindings.NewScript("arun:internal/websocket.js", src)

// Modules returns nothing: WebSocket is a global.
func Modules() []bindings.Module { return nil }

// Globals installs WebSocket and CloseEvent, lazily.
func Globals() []bindings.Global {
	return []bindings.Global{func(env *bindings.Env) error {
		return env.LazyGlobals([]string{"WebSocket", "CloseEvent"}, func() (*goja.Object, error) {
			v, err := script.Run(env.VM)
			if err != nil {
				return nil, fmt.Errorf("websocket: %w", err)
			}
			fn, ok := goja.AssertFunction(v)
			if !ok {
				return nil, fmt.Errorf("websocket: internal error: not a function")
			}
			r, err := fn(goja.Undefined(), natives(env))
			if err != nil {
				return nil, fmt.Errorf("websocket: %w", err)
			}
			return r.ToObject(env.VM), nil
		})
	}}
}

// conn is one connection.
type conn struct {
	env    *bindings.Env
	ctx    context.Context
	cancel context.CancelFunc
	onEv   goja.Callable

	mu      sync.Mutex
	c       *websocket.Conn
	pending []frame // queued before open
	writes  chan frame
	closing bool
	release func()
}

type frame struct {
	binary bool
	data   []byte
	close  bool
	code   int
	reason string
}

func hostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = "80"
		if u.Scheme == "wss" {
			port = "443"
		}
	}
	return net.JoinHostPort(u.Hostname(), port)
}

func natives(env *bindings.Env) *goja.Object {
	vm := env.VM
	n := vm.NewObject()
	// connect(url, protocols, onEvent) -> handle; throws a denied permission
	_ = n.Set("connect", func(c goja.FunctionCall) goja.Value {
		raw := c.Argument(0).String()
		u, err := url.Parse(raw)
		if err != nil {
			panic(vm.NewTypeError("websocket: bad URL " + raw))
		}
		if err := env.Check(bindings.PermNet, hostPort(u)); err != nil {
			env.Throw(err)
		}
		var protos []string
		_ = vm.ExportTo(c.Argument(1), &protos)
		onEv, ok := goja.AssertFunction(c.Argument(2))
		if !ok {
			panic(vm.NewTypeError("websocket: no event callback"))
		}
		ctx, cancel := context.WithCancel(env.Context())
		k := &conn{env: env, ctx: ctx, cancel: cancel, onEv: onEv, writes: make(chan frame, 64)}
		k.release = env.TrackResource("websocket", raw, cancel)
		enqueue := env.Loop.Reserve()
		go k.run(raw, protos, enqueue)
		return vm.ToValue(k)
	})
	handle := func(v goja.Value) *conn {
		k, _ := v.Export().(*conn)
		if k == nil {
			panic(vm.NewTypeError("websocket: not a connection"))
		}
		return k
	}
	// send(handle, data, binary)
	_ = n.Set("send", func(c goja.FunctionCall) goja.Value {
		k := handle(c.Argument(0))
		f := frame{binary: c.Argument(2).ToBoolean()}
		if f.binary {
			var b []byte
			if err := vm.ExportTo(c.Argument(1), &b); err != nil {
				panic(vm.NewTypeError("websocket: send: expected bytes"))
			}
			f.data = append([]byte(nil), b...)
		} else {
			f.data = []byte(c.Argument(1).String())
		}
		k.queue(f)
		return goja.Undefined()
	})
	// close(handle, code, reason): code 0 means none
	_ = n.Set("close", func(c goja.FunctionCall) goja.Value {
		k := handle(c.Argument(0))
		k.queue(frame{close: true, code: int(c.Argument(1).ToInteger()), reason: c.Argument(2).String()})
		return goja.Undefined()
	})
	// abort(handle): drop the connection (close() while connecting)
	_ = n.Set("abort", func(c goja.FunctionCall) goja.Value {
		handle(c.Argument(0)).cancel()
		return goja.Undefined()
	})
	return n
}

// queue hands a frame to the writer (or keeps it until the connection is
// open).
func (k *conn) queue(f frame) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.closing {
		return
	}
	if f.close {
		k.closing = true
	}
	if k.c == nil {
		k.pending = append(k.pending, f)
		return
	}
	select {
	case k.writes <- f:
	default:
		// the writer is behind: hand over off the loop, in order
		go func() {
			select {
			case k.writes <- f:
			case <-k.ctx.Done():
			}
		}()
	}
}

// deliver hands one event to the loop and returns the next reservation.
func (k *conn) deliver(enqueue func(eventloop.Task), last bool, args func(vm *goja.Runtime) []goja.Value) func(eventloop.Task) {
	var next func(eventloop.Task)
	if !last {
		next = k.env.Loop.ReserveIdle()
	}
	enqueue(func() error {
		_, err := k.onEv(goja.Undefined(), args(k.env.VM)...)
		return err
	})
	return next
}

func (k *conn) run(raw string, protos []string, enqueue func(eventloop.Task)) {
	defer k.release()
	defer k.cancel()
	c, _, err := websocket.Dial(k.ctx, raw, &websocket.DialOptions{Subprotocols: protos, HTTPClient: k.env.HTTPClient})
	if err != nil {
		msg := err.Error()
		enqueue = k.deliver(enqueue, false, func(vm *goja.Runtime) []goja.Value {
			return []goja.Value{vm.ToValue("error"), vm.ToValue(msg)}
		})
		k.deliver(enqueue, true, func(vm *goja.Runtime) []goja.Value {
			return []goja.Value{vm.ToValue("close"), vm.ToValue(1006), vm.ToValue(""), vm.ToValue(false)}
		})
		return
	}
	c.SetReadLimit(64 << 20)
	proto := c.Subprotocol()
	k.mu.Lock()
	k.c = c
	pending := k.pending
	k.pending = nil
	k.mu.Unlock()
	enqueue = k.deliver(enqueue, false, func(vm *goja.Runtime) []goja.Value {
		return []goja.Value{vm.ToValue("open"), vm.ToValue(proto)}
	})
	writerDone := make(chan struct{})
	go k.writer(c, pending, writerDone)
	for {
		typ, data, err := c.Read(k.ctx)
		if err != nil {
			code, reason, clean := 1006, "", false
			var ce websocket.CloseError
			if errors.As(err, &ce) {
				code, reason, clean = int(ce.Code), ce.Reason, true
				if code == int(websocket.StatusNoStatusRcvd) {
					code = 1005
				}
			}
			c.CloseNow()
			k.cancel()
			<-writerDone
			k.deliver(enqueue, true, func(vm *goja.Runtime) []goja.Value {
				return []goja.Value{vm.ToValue("close"), vm.ToValue(code), vm.ToValue(reason), vm.ToValue(clean)}
			})
			return
		}
		binary := typ == websocket.MessageBinary
		enqueue = k.deliver(enqueue, false, func(vm *goja.Runtime) []goja.Value {
			var d goja.Value
			if binary {
				d = vm.ToValue(vm.NewArrayBuffer(data))
			} else {
				d = vm.ToValue(string(data))
			}
			return []goja.Value{vm.ToValue("message"), d, vm.ToValue(binary)}
		})
	}
}

// writer writes the queued frames in order; a close frame starts the
// closing handshake (the reader then sees its end).
func (k *conn) writer(c *websocket.Conn, pending []frame, done chan struct{}) {
	defer close(done)
	write := func(f frame) bool {
		if f.close {
			code := websocket.StatusCode(f.code)
			if f.code == 0 {
				code = websocket.StatusNormalClosure // close() without a code
			}
			// Close waits for the peer's close frame (the reader reports it)
			go func() { _ = c.Close(code, f.reason) }()
			return false
		}
		typ := websocket.MessageText
		if f.binary {
			typ = websocket.MessageBinary
		}
		return c.Write(k.ctx, typ, f.data) == nil
	}
	for _, f := range pending {
		if !write(f) {
			<-k.ctx.Done()
			return
		}
	}
	for {
		select {
		case f := <-k.writes:
			if !write(f) {
				<-k.ctx.Done()
				return
			}
		case <-k.ctx.Done():
			return
		}
	}
}
