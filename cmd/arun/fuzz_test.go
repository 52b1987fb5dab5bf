package main

import (
	"io"
	"strings"
	"testing"
)

// FuzzParseArgs: any command line parses to a config or a usage error,
// never a panic.
func FuzzParseArgs(f *testing.F) {
	for _, seed := range []string{
		"file.js a b", "-e 1", "--timeout 1s x.js", "--timeout=", "--allow-read=/a,/b --sandbox f.ts",
		"--unhandled-rejections warn -", "-e", "--allow-net= --allow-env x", "--", "--version", "-h",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Fields(line)
		cfg, code, done := parseArgs(args, io.Discard, io.Discard)
		if done && code != exitOK && code != exitUsage {
			t.Fatalf("parseArgs(%q) exit code %d", args, code)
		}
		if !done && cfg.opts.Permissions == nil {
			t.Fatalf("parseArgs(%q): no permissions", args)
		}
	})
}
