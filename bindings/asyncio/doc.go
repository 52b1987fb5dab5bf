// Package asyncio implements arun's asyncio module (contract section 4):
// Python's asyncio for JavaScript, with CPython 3.12 semantics and times in
// seconds. It owns the module "asyncio" (alias "arun:asyncio") and the global
// `asyncio`.
//
// # Design
//
// The API surface (Future, Task, the combinators, queues and locks) is
// JavaScript (asyncio.js, compiled once per process), a close port of
// CPython's asyncio. The hot parts are Go natives in this package: task
// records with their *bindings.TaskRef, entering a task's first step with
// Env.SetCurrentTask, sleeps on the loop's timer heap, callSoon on the loop's
// ready queue, and wait queues whose waiters are bindings Waiters (so that
// task.cancel() rejects what the task awaits and the wait queue forgets the
// waiter). Waking a waiter is scheduled with Loop.Schedule, as CPython
// schedules a task's wake-up with call_soon, so tasks interleave as they do
// in Python.
//
// A task awaiting a Future or another Task is found through the `then`
// getter of Future.prototype, which runs synchronously when the task awaits
// (before goja's thenable job): the awaiting task records the future it
// waits on, and cancelling the task cancels that future (or task), as in
// Python; shield stops that.
//
// A Timeout (timeout, timeoutAt, waitFor) is a timer of the wheel that
// cancels its task; waitFor of a pending runtime await of the current task
// (Env.OwnAwait: waitFor(fetch(url), 5)) awaits it in that task, as
// CPython 3.12's wait_for awaits inside timeout(), with no Task of its
// own; a coroutine call, a future or a foreign promise goes through
// ensureFuture.
//
// # Streams
//
// openConnection and startServer (CPython's asyncio streams) are
// streams.js (StreamReader, StreamWriter, Server) over streams.go, which
// owns the sockets: the read buffer with CPython's limit and its
// LimitOverrunError/IncompleteReadError rules, the write buffer with its
// high- and low-water marks, and the waiters of read, drain and
// waitClosed. Each connection's callback runs as its own Task. Servers and
// connections are closed by a graceful shutdown of the runtime and when
// the run ends; they are reported to the resource tracker.
//
// # Subprocesses
//
// createSubprocessExec and createSubprocessShell (CPython's
// asyncio/subprocess.py) are subprocess.js (Process) over subprocess.go,
// which starts the child with bindings.Env.StartChild (run permission,
// PATH lookup, reaping, the kill when the run ends) and makes each of its
// pipes a stream of streams.go: stdout and stderr are read-only streams
// (a StreamReader), stdin a write-only one (a StreamWriter). wait()
// resolves once the child has exited and its read pipes have reached
// their end, as CPython's; cancelling the task awaiting it (or
// communicate) kills the child. toThread runs a host Go function through
// bindings.Env.ToThread.
//
// # Goroutine rules
//
// Everything here runs on the loop goroutine: natives are called by
// JavaScript, timers and scheduled wake-ups are loop tasks. The only
// goroutines are the streams': one per connection reading the socket and
// one per server accepting, each holding one idle loop reservation (a
// "credit") at a time and handing plain Go data to the loop through it (a
// connection whose buffer passes twice its limit gets no new credit until
// the script reads: backpressure); one Loop.Go per write flush and per
// connect; for a child process, one goroutine reaping it (Loop.Go, so a
// running child is work in flight) and its pipes' streams. They end when the socket is closed, which closing the stream or
// server, or the end of the run (a context.AfterFunc on Env.Context), does.
package asyncio
