package bindings

// Tracer receives the runtime's task events, for a timeline of the run
// (arun --trace). It is nil when tracing is off: each hook is one nil check.
// Every call is made on the loop's goroutine.
type Tracer interface {
	// TaskStart: t, named name, was created by parent (nil: outside any
	// task) at site.
	TaskStart(t, parent *TaskRef, name, site string)
	// TaskEnd: t finished; name is its name now, outcome how it ended.
	TaskEnd(t *TaskRef, name string, outcome Outcome)
	// TaskCancel: t.cancel(msg) was called by the current task.
	TaskCancel(t *TaskRef, msg string)
	// AwaitStart: w was created (w.What, w.Site(), w.Task() say what,
	// where and whose).
	AwaitStart(w *Waiter)
	// AwaitEnd: w was settled while owner (nil if none) was its task;
	// waker is the task whose code settled it (nil: a timer, I/O).
	AwaitEnd(w *Waiter, owner, waker *TaskRef, outcome Outcome)
	// AwaitWake: waker's code woke w, which a later loop task settles (a
	// Queue.put waking a Queue.get): waker, not the settler, woke it.
	AwaitWake(w *Waiter, waker *TaskRef)
}

// Outcome is how a task or an await ended.
type Outcome int

// The outcomes.
const (
	Resolved Outcome = iota
	Rejected
	Cancelled
)

func (o Outcome) String() string {
	switch o {
	case Resolved:
		return "resolved"
	case Rejected:
		return "rejected"
	}
	return "cancelled"
}

// SetTracer turns tracing on (t non-nil) or off.
func (e *Env) SetTracer(t Tracer) { e.tracer = t }

// Tracer is the tracer in use, or nil.
func (e *Env) Tracer() Tracer { return e.tracer }

// traceEnd reports w's end, before it leaves its task.
func (w *Waiter) traceEnd(o Outcome) {
	tr := w.env.tracer
	tr.AwaitEnd(w, w.Task(), w.env.CurrentTask(), o)
}
