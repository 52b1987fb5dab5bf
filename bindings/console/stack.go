package console

import "github.com/arun-js/arun/bindings"

// CleanStack rewrites a goja stack trace into Node's shape: frame lines are
// indented with four spaces ("    at f (file.js:2:51)") instead of a tab,
// goja's bytecode offset suffix ("(9)" in "file.js:2:51(9)") is removed and
// trailing newlines are dropped. Text that is not a frame line is kept as is.
func CleanStack(s string) string {
	return bindings.CleanStack(s)
}
