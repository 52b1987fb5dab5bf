package testing

import (
	"bytes"
	"sort"
	"strings"
	"sync"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

type resource struct {
	kind, what, stack string
	owner             int64
	close             func()
}

// resources is the runtime's bindings.ResourceTracker.
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

// Track implements bindings.ResourceTracker.
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
