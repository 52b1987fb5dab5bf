package runtime

import (
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

// arm sets a finalizer on a fresh object: it runs after the next
// collection, on the finalizer goroutine, and re-arms itself.
func (t *gcTuner) arm() {
	s := new([16]byte)
	goruntime.SetFinalizer(s, func(*[16]byte) { t.afterGC() })
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
