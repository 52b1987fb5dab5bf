package runtime

import (
	goruntime "runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestGCPercentFor(t *testing.T) {
	const mb = 1 << 20
	cases := []struct {
		name                string
		live, goal, minHeap uint64
		current, want       int
	}{
		{"nothing live yet", 0, 4 * mb, 64 * mb, 100, 200},
		{"small heap: goal raised to the minimum", 4 * mb, 12 * mb, 64 * mb, 200, 1500},
		{"goal overshot: lowered", 2 * mb, 93 * mb, 64 * mb, 3100, 2112},
		{"half the goal: base", 32 * mb, 96 * mb, 64 * mb, 200, 200},
		{"large heap paced at base", 500 * mb, 1500 * mb, 64 * mb, 200, 200},
		{"tiny heap capped", 1024, 3 * 1024, 64 * mb, 200, 10000},
		{"no minimum", 4 * mb, 12 * mb, 0, 200, 200},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := gcPercentFor(c.live, c.goal, c.minHeap, c.current, 200); got != c.want {
				t.Errorf("gcPercentFor(%d, %d, %d, %d) = %d, want %d", c.live, c.goal, c.minHeap, c.current, got, c.want)
			}
		})
	}
}

// TestGCTunerRaisesPercent runs the tuner in this process: after a
// collection with a small live heap, GOGC is the one that puts the next
// goal at the minimum heap; after stop, it is left alone.
func TestGCTunerRaisesPercent(t *testing.T) {
	orig := debug.SetGCPercent(100)
	defer debug.SetGCPercent(orig)
	tuner := newGCTuner(256 << 20)
	defer tuner.stop()
	// push the tuner off the goal first, so that a later raise is its doing
	tuner.set(100)
	deadline := time.Now().Add(5 * time.Second)
	for {
		goruntime.GC()
		if p := tuner.current(); p > 1000 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("GOGC stayed at %d after collections with a small heap", tuner.current())
		}
		time.Sleep(10 * time.Millisecond)
	}
	tuner.stop()
	debug.SetGCPercent(100)
	goruntime.GC()
	goruntime.GC()
	if p := debug.SetGCPercent(100); p != 100 {
		t.Fatalf("after stop the tuner changed GOGC to %d", p)
	}
}

// current is the GOGC the tuner last set.
func (t *gcTuner) current() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.percent
}

// A second TuneGC replaces the first: the first tuner stops.
func TestTuneGCReplaces(t *testing.T) {
	orig := debug.SetGCPercent(100)
	defer debug.SetGCPercent(orig)
	stop1 := TuneGC(64 << 20)
	first := active
	stop2 := TuneGC(32 << 20)
	defer stop2()
	defer stop1()
	first.mu.Lock()
	stopped := first.stopped
	first.mu.Unlock()
	if !stopped || active == first {
		t.Fatalf("the first tuner still runs (stopped %v)", stopped)
	}
}

// The soft memory limit follows the smallest bound watched, never rises
// above the one found before, and is put back when the last watch ends;
// a collection that finds the live heap over a bound stops that watch's run
// only.
func TestWatchMemoryLimits(t *testing.T) {
	orig := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(orig)
	debug.SetMemoryLimit(10 << 30)
	limit := func() int64 { return debug.SetMemoryLimit(-1) }
	fired := make(chan uint64, 2)
	big := watchMemory(1<<40, func(h uint64) { fired <- h })
	if got := limit(); got != 10<<30 {
		t.Fatalf("a bound above the limit found: %d, want it kept", got)
	}
	small := watchMemory(1<<20, func(h uint64) { fired <- h })
	if got, want := limit(), softLimit(1<<20); got != want {
		t.Fatalf("with a 1 MiB bound: %d, want %d", got, want)
	}
	keep := make([]byte, 4<<20) // live past the small bound
	goruntime.GC()
	select {
	case h := <-fired:
		if h <= 1<<20 {
			t.Errorf("fired with a live heap of %d", h)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a collection over the bound did not fire")
	}
	goruntime.KeepAlive(keep)
	small()
	if got := limit(); got != 10<<30 {
		t.Errorf("after the small bound ended: %d", got)
	}
	big()
	big() // idempotent
	if got := limit(); got != 10<<30 {
		t.Errorf("after the last watch: %d, want the limit found before", got)
	}
	select {
	case h := <-fired:
		t.Errorf("the 1 TiB bound fired at %d", h)
	default:
	}
}
