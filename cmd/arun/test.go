package main

import (
	"fmt"
	"io"
)

// runTests runs the test runner.
func runTests(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "arun: the test runner is not built yet")
	return exitUsage
}
