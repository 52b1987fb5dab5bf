package main

import (
	"fmt"
	"io"

	"github.com/arun-js/arun/runtime"
)

// runREPL starts the interactive REPL.
func runREPL(opts runtime.Options, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "arun: the REPL is not built yet; run a file, or pipe a script to stdin")
	return exitUsage
}
