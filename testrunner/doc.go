// Package testrunner is `arun test`: it finds test files (*_test.js,
// *.test.js, *_test.ts, *.test.ts and their .mjs/.mts forms) under the given
// paths, skipping node_modules and dot-directories, runs each file in a fresh
// runtime (files in parallel, --jobs at a time), and reports one line per test
// through a Reporter (spec, tap or junit) with a closing line
// "N passed, N failed[, N skipped]".
//
// # How a file runs
//
// The runner installs a bindings/testing Harness in a new runtime whose
// directory is the file's, then runs a tiny main module:
//
//	import "./x.test.js";
//	await __arun_test_run();
//	__arun_test_done();
//
// The import evaluates the file's top level (top-level await included), which
// declares tests with arun:test; __arun_test_run then runs them in order,
// each awaited, with its hooks, its timeout and the sanitizers (a timer,
// interval, asyncio task or tracked resource left open fails the test and is
// then cleared, cancelled or closed); __arun_test_done stops the loop, so
// nothing a file leaves behind keeps it alive. Results reach Go through the
// Harness as they happen; console output printed while a test runs is
// attached to that test.
//
// Virtual time is per file: --virtual-time turns it on for every file, and a
// file whose source contains the option `virtualTime: true` (on a test or a
// describe) runs on virtual time as a whole, its top level included. A file
// whose option is computed switches to virtual time when its tests start
// (eventloop.Loop.UseVirtualTime), as a test file run directly does.
//
// A test that keeps the loop busy (a synchronous endless loop) past its
// timeout is stopped by interrupting the runtime: it fails with "test timed
// out", and the tests of that file that had not run yet are reported as
// failed ("not run"). An uncaught error that escapes the sanitizers (a
// binding calling Env.Fatal, process.exit) does the same.
//
// # Goroutine rules
//
// Run starts one goroutine per job; each owns the runtimes it creates. The
// Reporter is called from Run's goroutine only, in file order.
package testrunner
