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
// # Goroutine rules
//
// Everything here runs on the loop goroutine: natives are called by
// JavaScript, timers and scheduled wake-ups are loop tasks. Nothing in this
// package starts a goroutine.
package asyncio
