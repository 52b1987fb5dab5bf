// Package testing provides the modules scripts test with: "arun:test" (also
// "node:test": test, describe, it, the four hooks, skip/only/todo) and
// "assert" (also "node:assert", "assert/strict", "node:assert/strict"):
// Node's assert with its messages and "+ actual - expected" diffs.
//
// The registry and the in-runtime runner are JavaScript (test.js, assert.js,
// embedded); this package's Go side gives them a clock, loop timers the
// sanitizers do not count, the resource tracker and the result channel to
// the host. A test runner (package testrunner) drives one file per runtime
// through a Harness installed with Install: the file's top level declares
// tests, then the runner calls the hidden global __arun_test_run(), which
// runs every test in order (hooks, per-test timeout, leak checks) and hands
// each Result to Harness.OnResult. Without a Harness (a test file run with
// `arun file.test.js`), the tests run by themselves once the loop goes idle
// and print one line each to stdout. If a test to run asks for virtualTime
// and the runtime is on real time, the runtime switches to virtual time
// before the tests run (the clock keeps its reading and from then on moves
// only by jumps to the next timer).
//
// # Goroutine rules
//
// Everything here runs on the runtime's loop goroutine, except the Harness
// watchdog (a time.AfterFunc that interrupts a loop blocked by a test past
// its timeout) and the Harness accessors (Running, Blocked, Pending, Stop),
// which are safe from any goroutine.
package testing
