package runtime

import (
	"regexp"

	"github.com/arun-js/arun/bindings"
)

// Missing modules are reported with Node's messages and codes, whatever
// found them missing: esbuild at bundle time ("Could not resolve "x"") or
// the module table at run time.

// unknownBuiltin is Node's error for a "node:" name it does not have.
func unknownBuiltin(name string) error {
	return &bindings.Error{Name: "Error", Code: "ERR_UNKNOWN_BUILTIN_MODULE", Message: "No such built-in module: " + name}
}

var couldNotResolve = regexp.MustCompile(`^Could not resolve "(.*)"$`)

// moduleNotFound rewrites esbuild's resolve failure into Node's text,
// "Cannot find module 'x'"; other messages are returned unchanged.
func moduleNotFound(text string) (string, bool) {
	m := couldNotResolve.FindStringSubmatch(text)
	if m == nil {
		return text, false
	}
	return "Cannot find module '" + m[1] + "'", true
}
