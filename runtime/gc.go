package runtime

import (
	"errors"
	"fmt"
	"math"
	goruntime "runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// TuneGC applies the collector policy the arun CLI runs under, for hosts
// whose scripts allocate heavily: every goja promise is three objects with
// property maps, so the collector's pace is most of the difference between
// a fast and a slow asyncio script. Two regimes, measured on
// bench/workloads:
//
//   - a small live heap: a minimum heap goal of minHeap bytes (the CLI uses
//     DefaultMinHeap, or ARUN_MIN_HEAP_MB). GOGC is raised so that the next
//     collection comes only when the heap reaches the goal instead of every
//     few megabytes: 4-8x fewer collections, 12-27% faster than GOGC 200 on
//     sleep0_1m, queue_1x1, event_pingpong and fetch_conc. A bigger floor is
//     not better: at 64 MB the allocations walk out of the CPU caches and
//     fetch_seq got 15% slower (measured at 16, 32 and 64 MB; 32 was within
//     5% of the best on every workload);
//   - a large live heap (100k pending tasks): Go's GOGC 100. On large heaps
//     a higher GOGC only adds memory the kernel must fault in: GOGC 200 was
//     3-9% slower and took 20-35% more peak memory than 100 on sleeps_100k,
//     tasks_100k and semaphore_100k.
//
// The policy is process-wide (it sets debug.SetGCPercent after every
// collection): a call replaces the tuning of an earlier one. minHeap 0
// only sets GOGC 100. stop ends the tuning; GOGC keeps its last value.
func TuneGC(minHeap uint64) (stop func()) {
	activeMu.Lock()
	defer activeMu.Unlock()
	if active != nil {
		active.stop()
		active = nil
	}
	debug.SetGCPercent(baseGCPercent)
	if minHeap == 0 {
		return func() {}
	}
	active = newGCTuner(minHeap)
	return active.stop
}

// active is the tuner of the last TuneGC call (the policy is the process's).
var (
	activeMu sync.Mutex
	active   *gcTuner
)

const (
	baseGCPercent = 100
	// DefaultMinHeap is the minimum heap goal the arun CLI uses.
	DefaultMinHeap = 32 << 20
)

// gcPercentFor is the GOGC that puts the next heap goal at minHeap, or
// base if that is more. Go's goal is live + (live + roots)*GOGC/100 (roots:
// the scanned stacks and globals), so from the goal the runtime computed
// with the current GOGC, the one that hits minHeap is current scaled by
// (minHeap-live)/(goal-live).
func gcPercentFor(live, goal, minHeap uint64, current, base int) int {
	if live == 0 || goal <= live || minHeap <= live || current <= 0 {
		return base
	}
	p := int(float64(current) * float64(minHeap-live) / float64(goal-live))
	if p < base {
		return base
	}
	if p > 10000 {
		p = 10000
	}
	return p
}

func newGCTuner(minHeap uint64) *gcTuner {
	t := &gcTuner{minHeap: minHeap, percent: baseGCPercent,
		sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/goal:bytes"}}}
	// Before the first collection nothing is live yet: start at the goal
	// for a small heap (Go's first goal is 4 MB at GOGC 100).
	t.set(min(max(int(minHeap*100/(4<<20)), baseGCPercent), 10000))
	t.arm()
	return t
}

// gcTuner re-computes GOGC after every collection from the live heap.
type gcTuner struct {
	minHeap uint64
	mu      sync.Mutex
	percent int
	sample  []metrics.Sample
	stopped bool
}

// stop ends the tuning (GOGC keeps its last value).
func (t *gcTuner) stop() {
	t.mu.Lock()
	t.stopped = true
	t.mu.Unlock()
}

// arm has afterGC called after the next collection.
func (t *gcTuner) arm() { afterGC(t.afterGC) }

// afterGC calls fn after the next garbage collection, on the finalizer
// goroutine: a finalizer on a fresh object (16 bytes, too big for the tiny
// allocator, whose objects may never be finalized) that nothing references.
func afterGC(fn func()) {
	s := new([16]byte)
	goruntime.SetFinalizer(s, func(*[16]byte) { fn() })
}

func (t *gcTuner) afterGC() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return
	}
	metrics.Read(t.sample)
	var v [2]uint64
	for i, s := range t.sample {
		if s.Value.Kind() == metrics.KindUint64 {
			v[i] = s.Value.Uint64()
		}
	}
	t.setLocked(gcPercentFor(v[0], v[1], t.minHeap, t.percent, baseGCPercent))
	t.arm()
}

func (t *gcTuner) set(p int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.setLocked(p)
}

func (t *gcTuner) setLocked(p int) {
	// only a change of more than a tenth is worth telling the runtime
	if p == t.percent || (p > t.percent*9/10 && p < t.percent*11/10) {
		return
	}
	t.percent = p
	debug.SetGCPercent(p)
}

// ErrMemoryLimit is the cause of a run stopped because the heap passed
// Options.MaxMemory: errors.Is(err, ErrMemoryLimit) holds for the run's
// error, whose errors.As target *MemoryLimitError says by how much.
var ErrMemoryLimit = errors.New("runtime: memory limit exceeded")

// MemoryLimitError is the Go cause of a run stopped by Options.MaxMemory.
type MemoryLimitError struct {
	Limit uint64 // Options.MaxMemory
	Heap  uint64 // the live heap the collector found
}

// Error is "script exceeded the memory limit of 512 MiB (live heap 530 MiB)".
func (e *MemoryLimitError) Error() string {
	return fmt.Sprintf("script exceeded the memory limit of %s (live heap %s)", FormatSize(e.Limit), FormatSize(e.Heap))
}

// Is reports whether target is ErrMemoryLimit.
func (e *MemoryLimitError) Is(target error) bool { return target == ErrMemoryLimit }

// FormatSize writes a byte count in binary units: 512 MiB, 1.5 GiB, 100 KiB.
func FormatSize(n uint64) string {
	units := []string{"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}
	v, i := float64(n), 0
	for v >= 1024 && i < len(units)-1 {
		v /= 1024
		i++
	}
	if i == 0 || v == math.Trunc(v) || v >= 100 {
		return fmt.Sprintf("%.0f %s", v, units[i])
	}
	return fmt.Sprintf("%.1f %s", v, units[i])
}

// The memory watcher: while a run with Options.MaxMemory is in progress,
// the live heap is read after every collection (the number the collector
// has just computed: reading it costs nothing between collections) and a
// run whose bound it passes is stopped. The heap is the process's, so
// every watched run in the process answers for it. So that a collection
// (and therefore a check) comes before the heap overshoots by much, the
// process's soft memory limit (debug.SetMemoryLimit) is lowered to an
// eighth above the smallest bound while runs are watched, and put back
// after the last one; GOGC (TuneGC's policy) paces the collector below it.
var mem memState

type memState struct {
	mu      sync.Mutex
	watches map[*memWatch]struct{}
	armed   bool  // a collection will call memAfterGC
	prev    int64 // the memory limit before the first watch
	sample  []metrics.Sample
}

type memWatch struct {
	limit uint64
	stop  func(heap uint64)
	fired bool
}

// softLimit is the collector's memory limit for a heap bound.
func softLimit(bound uint64) int64 {
	l := bound + bound/8
	if l > math.MaxInt64 || l < bound {
		return math.MaxInt64
	}
	return int64(l)
}

// watchMemory calls stop (once, on the finalizer goroutine) when a
// collection finds more than limit bytes of live heap, until unwatch.
func watchMemory(limit uint64, stop func(heap uint64)) (unwatch func()) {
	w := &memWatch{limit: limit, stop: stop}
	mem.mu.Lock()
	defer mem.mu.Unlock()
	if len(mem.watches) == 0 {
		mem.watches = map[*memWatch]struct{}{}
		mem.prev = debug.SetMemoryLimit(-1)
	}
	mem.watches[w] = struct{}{}
	mem.setLimitLocked()
	if !mem.armed {
		mem.armed = true
		afterGC(memAfterGC)
	}
	return func() {
		mem.mu.Lock()
		defer mem.mu.Unlock()
		if _, ok := mem.watches[w]; !ok {
			return
		}
		delete(mem.watches, w)
		if len(mem.watches) == 0 {
			debug.SetMemoryLimit(mem.prev)
			return
		}
		mem.setLimitLocked()
	}
}

// setLimitLocked sets the soft memory limit for the smallest bound
// watched, or the limit found before if that is lower.
func (m *memState) setLimitLocked() {
	limit := m.prev
	for w := range m.watches {
		limit = min(limit, softLimit(w.limit))
	}
	debug.SetMemoryLimit(limit)
}

func memAfterGC() {
	mem.mu.Lock()
	if len(mem.watches) == 0 {
		mem.armed = false
		mem.mu.Unlock()
		return
	}
	if mem.sample == nil {
		mem.sample = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	}
	metrics.Read(mem.sample)
	var live uint64
	if mem.sample[0].Value.Kind() == metrics.KindUint64 {
		live = mem.sample[0].Value.Uint64()
	}
	var fire []func(uint64)
	for w := range mem.watches {
		if !w.fired && live > w.limit {
			w.fired = true
			fire = append(fire, w.stop)
		}
	}
	afterGC(memAfterGC)
	mem.mu.Unlock()
	for _, f := range fire {
		f(live)
	}
}
