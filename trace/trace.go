// Package trace writes a timeline of a run's asyncio tasks in the Trace
// Event Format that Perfetto and chrome://tracing open
// ({"traceEvents":[...]}), and renders such a trace as one self-contained
// HTML page (HTML).
//
// The timeline has one track (tid) per task, named after the task; the
// script's top level, outside any task, is track 0 ("main"). Each task is a
// slice from its creation to its end (args: where it was created, by which
// task, how it ended), each runtime await a slice named by what it waits on
// ("sleep(1)", "Queue.get()", "fetch GET ...", args: site file:line,
// outcome), a cancel() an instant event on the cancelled task's track, and
// a wake-up by another task's code (a Queue.put waking a Queue.get) a flow
// arrow (ph "s" then "f") from the waker's track to the woken's.
// Timestamps, in microseconds, are the loop's clock (Loop.Now): virtual
// when the run is on virtual time.
package trace

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"time"

	"github.com/arun-js/arun/bindings"
)

// Event is one Trace Event Format event.
type Event struct {
	Name string         `json:"name"`
	Cat  string         `json:"cat,omitempty"`
	Ph   string         `json:"ph"`
	Ts   float64        `json:"ts"`
	Dur  *float64       `json:"dur,omitempty"`
	Pid  int            `json:"pid"`
	Tid  int            `json:"tid"`
	ID   int            `json:"id,omitempty"`
	S    string         `json:"s,omitempty"`
	Bp   string         `json:"bp,omitempty"`
	Args map[string]any `json:"args,omitempty"`
}

// File is a whole trace as written.
type File struct {
	TraceEvents []Event `json:"traceEvents"`
}

type task struct {
	tid    int
	start  time.Duration
	name   string
	parent int
	site   string
	done   bool
}

type await struct {
	start time.Duration
	tid   int
	// woken: AwaitWake saw waker wake it at wokeAt
	woken  bool
	waker  *bindings.TaskRef
	wokeAt time.Duration
}

// Tracer is a bindings.Tracer writing events to w as they complete.
type Tracer struct {
	w      *bufio.Writer
	now    func() time.Duration
	tasks  map[*bindings.TaskRef]*task
	awaits map[*bindings.Waiter]await
	order  []*task
	flows  int
	n      int // events written
	err    error
	closed bool
}

// New returns a tracer writing to w, with timestamps from now (the loop's
// Now). Close writes what is still open and the end of the JSON.
func New(w io.Writer, now func() time.Duration) *Tracer {
	t := &Tracer{w: bufio.NewWriter(w), now: now, tasks: map[*bindings.TaskRef]*task{}, awaits: map[*bindings.Waiter]await{}}
	_, t.err = t.w.WriteString("{\"traceEvents\":[\n")
	t.emit(Event{Name: "process_name", Ph: "M", Pid: 1, Args: map[string]any{"name": "arun"}})
	t.emit(Event{Name: "thread_name", Ph: "M", Pid: 1, Tid: 0, Args: map[string]any{"name": "main"}})
	return t
}

func us(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }

func (t *Tracer) emit(e Event) {
	if t.err != nil || t.closed {
		return
	}
	e.Pid = 1
	b, err := json.Marshal(e)
	if err != nil {
		t.err = err
		return
	}
	if t.n > 0 {
		_, _ = t.w.WriteString(",\n")
	}
	t.n++
	_, t.err = t.w.Write(b)
}

// tid is t's track; a task the tracer was not told about (one started
// before the trace) gets one on first sight.
func (t *Tracer) tid(r *bindings.TaskRef) int {
	if r == nil {
		return 0
	}
	if k := t.tasks[r]; k != nil {
		return k.tid
	}
	k := &task{tid: len(t.order) + 1, start: t.now(), name: "task #" + strconv.Itoa(len(t.order)+1) + " (started before the trace)"}
	t.tasks[r] = k
	t.order = append(t.order, k)
	return k.tid
}

// TaskStart implements bindings.Tracer.
func (t *Tracer) TaskStart(r, parent *bindings.TaskRef, name, site string) {
	p := t.tid(parent)
	k := &task{tid: len(t.order) + 1, start: t.now(), name: name, parent: p, site: site}
	t.tasks[r] = k
	t.order = append(t.order, k)
}

// TaskEnd implements bindings.Tracer.
func (t *Tracer) TaskEnd(r *bindings.TaskRef, name string, o bindings.Outcome) {
	k := t.tasks[r]
	if k == nil || k.done {
		return
	}
	k.name = name
	t.endTask(k, t.now(), o.String())
}

func (t *Tracer) endTask(k *task, end time.Duration, outcome string) {
	k.done = true
	t.emit(Event{Name: "thread_name", Ph: "M", Tid: k.tid, Args: map[string]any{"name": k.name}})
	t.emit(Event{Name: "thread_sort_index", Ph: "M", Tid: k.tid, Args: map[string]any{"sort_index": k.tid}})
	dur := us(end - k.start)
	args := map[string]any{"outcome": outcome}
	if k.site != "" {
		args["created"] = k.site
	}
	args["parent"] = t.trackName(k.parent)
	t.emit(Event{Name: k.name, Cat: "task", Ph: "X", Ts: us(k.start), Dur: &dur, Tid: k.tid, Args: args})
}

func (t *Tracer) trackName(tid int) string {
	if tid == 0 || tid > len(t.order) {
		return "main"
	}
	k := t.order[tid-1]
	if k.name == "" {
		return "Task #" + strconv.Itoa(tid)
	}
	return k.name
}

// TaskCancel implements bindings.Tracer.
func (t *Tracer) TaskCancel(r *bindings.TaskRef, msg string) {
	args := map[string]any{}
	if msg != "" {
		args["msg"] = msg
	}
	t.emit(Event{Name: "cancel", Cat: "cancel", Ph: "i", S: "t", Ts: us(t.now()), Tid: t.tid(r), Args: args})
}

// AwaitStart implements bindings.Tracer.
func (t *Tracer) AwaitStart(w *bindings.Waiter) {
	t.awaits[w] = await{start: t.now(), tid: t.tid(w.Task())}
}

// AwaitEnd implements bindings.Tracer.
func (t *Tracer) AwaitEnd(w *bindings.Waiter, owner, waker *bindings.TaskRef, o bindings.Outcome) {
	a, ok := t.awaits[w]
	if !ok {
		return
	}
	delete(t.awaits, w)
	tid := a.tid
	if owner != nil { // (adopted by a task since it began)
		tid = t.tid(owner)
	}
	now := t.now()
	args := map[string]any{"outcome": o.String()}
	if site := w.Site(); site != "" {
		args["site"] = site
	}
	wokeAt := now
	if a.woken {
		waker, wokeAt = a.waker, a.wokeAt
	}
	if waker != nil && waker != owner {
		from := t.tid(waker)
		args["wokenBy"] = t.trackName(from)
		t.flows++
		t.emit(Event{Name: "wake", Cat: "wake", Ph: "s", ID: t.flows, Ts: us(wokeAt), Tid: from})
		t.emit(Event{Name: "wake", Cat: "wake", Ph: "f", Bp: "e", ID: t.flows, Ts: us(now), Tid: tid})
	}
	t.awaitSlice(w.What, a.start, now, tid, args)
}

// AwaitWake implements bindings.Tracer.
func (t *Tracer) AwaitWake(w *bindings.Waiter, waker *bindings.TaskRef) {
	if a, ok := t.awaits[w]; ok {
		a.woken, a.waker, a.wokeAt = true, waker, t.now()
		t.awaits[w] = a
	}
}

func (t *Tracer) awaitSlice(what string, start, end time.Duration, tid int, args map[string]any) {
	dur := us(end - start)
	t.emit(Event{Name: what, Cat: "await", Ph: "X", Ts: us(start), Dur: &dur, Tid: tid, Args: args})
}

// Close ends what is still open at the current time (outcome "unfinished")
// and writes the end of the JSON. It returns the first write error.
func (t *Tracer) Close() error {
	if t.closed {
		return t.err
	}
	now := t.now()
	type open struct {
		w *bindings.Waiter
		a await
	}
	var ws []open
	for w, a := range t.awaits {
		ws = append(ws, open{w, a})
	}
	sort.Slice(ws, func(i, j int) bool { return ws[i].a.start < ws[j].a.start })
	for _, o := range ws {
		args := map[string]any{"outcome": "unfinished"}
		if site := o.w.Site(); site != "" {
			args["site"] = site
		}
		t.awaitSlice(o.w.What, o.a.start, now, o.a.tid, args)
	}
	for _, k := range t.order {
		if !k.done {
			if k.name == "" {
				k.name = "Task #" + strconv.Itoa(k.tid)
			}
			t.endTask(k, now, "unfinished")
		}
	}
	if t.err == nil {
		_, t.err = t.w.WriteString("\n]}\n")
	}
	t.closed = true
	if err := t.w.Flush(); t.err == nil {
		t.err = err
	}
	t.awaits, t.tasks = nil, nil
	return t.err
}

var _ bindings.Tracer = (*Tracer)(nil)

// Part is one runtime's trace, for Merge.
type Part struct {
	Name  string // the process's name in the merged trace (a test file)
	Trace []byte // a trace as Tracer writes it
}

// Merge writes the parts as one trace, each part a process (pid 1, 2, ...)
// named by its Name: `arun test --trace` gives each test file its own.
func Merge(w io.Writer, parts []Part) error {
	var all File
	all.TraceEvents = []Event{}
	for i, p := range parts {
		var f File
		if err := json.Unmarshal(p.Trace, &f); err != nil {
			return fmt.Errorf("trace: the trace of %s: %w", p.Name, err)
		}
		for _, e := range f.TraceEvents {
			e.Pid = i + 1
			if e.Ph == "M" && e.Name == "process_name" {
				e.Args = map[string]any{"name": p.Name}
			}
			if e.ID != 0 {
				e.ID += (i + 1) << 32 // flow ids are per process
			}
			all.TraceEvents = append(all.TraceEvents, e)
		}
	}
	b, err := json.Marshal(all)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
