package testing

import (
	"bytes"
	"sort"
	"strings"
	"sync"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// ResourceKey is the bindings.Env value key under which a test run publishes
// its ResourceTracker. Bindings that open things a test could forget to
// close (servers, file handles, requests) register them there, without
// importing this package:
//
//	if t, ok := env.Value("arun:resources").(interface {
//		Track(kind, what string, close func()) (release func())
//	}); ok {
//		release = t.Track("server", "serve 127.0.0.1:8080", srv.Close)
//	}
//
// and call release when the resource closes. Outside a test run the value is
// absent and nothing is tracked.
const ResourceKey = "arun:resources"

// ResourceTracker records open resources for the test sanitizers.
type ResourceTracker interface {
	// Track records a resource opened now (on the loop goroutine, from a Go
	// function called by JS: the creation stack is captured) and returns the
	// function to call (from any goroutine) when it closes. If a test ends
	// with the resource still open, the test fails naming kind, what and the
	// stack, and close is called (on the loop) to release it.
	Track(kind, what string, close func()) (release func())
}

type resource struct {
	kind, what, stack string
	owner             int64
	close             func()
}

// resources is the runtime's ResourceTracker.
type resources struct {
	env   *bindings.Env
	mu    sync.Mutex
	owner int64
	next  int64
	open  map[int64]*resource
}

func newResources(env *bindings.Env) *resources {
	return &resources{env: env, open: map[int64]*resource{}}
}

func (r *resources) setOwner(id int64) {
	r.mu.Lock()
	r.owner = id
	r.mu.Unlock()
}

// Track implements ResourceTracker.
func (r *resources) Track(kind, what string, close func()) func() {
	stack := captureStack(r.env.VM)
	r.mu.Lock()
	r.next++
	id := r.next
	r.open[id] = &resource{kind: kind, what: what, stack: stack, owner: r.owner, close: close}
	r.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			r.mu.Lock()
			delete(r.open, id)
			r.mu.Unlock()
		})
	}
}

// collect returns owner's open resources, forgets and closes them.
func (r *resources) collect(owner int64) []*resource {
	r.mu.Lock()
	var ids []int64
	for id, res := range r.open {
		if res.owner == owner {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	out := make([]*resource, 0, len(ids))
	for _, id := range ids {
		out = append(out, r.open[id])
		delete(r.open, id)
	}
	r.mu.Unlock()
	for _, res := range out {
		if res.close != nil {
			res.close()
		}
	}
	return out
}

// captureStack is the JS stack at the call, in Error.stack's format.
func captureStack(vm *goja.Runtime) string {
	var lines []string
	for _, f := range vm.CaptureCallStack(0, nil) {
		var b bytes.Buffer
		f.Write(&b)
		s := b.String()
		if strings.HasPrefix(s, "arun:internal") || strings.Contains(s, "(native)") {
			continue
		}
		lines = append(lines, "at "+s)
	}
	return strings.Join(lines, "\n")
}
