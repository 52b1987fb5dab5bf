// Command wpt runs web-platform-tests files under arun (package wpt) and,
// with -node, the same files under Node in the same shell global, and
// prints what passes: per file, per folder and in all.
//
//	go run ./cmd/wpt -root ~/wpt -node fetch/api/headers url encoding
//
// The arguments are folders (their *.any.js files, not their subfolders)
// or files, relative to -root, a checkout of the web-platform-tests.
// testharness.js is -harness, else $ARUN_TESTHARNESS, else
// root/resources/testharness.js, else npm's wpt-runner copy (fetched once
// into the user cache).
package main

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/arun-js/arun/wpt"
)

//go:embed node-runner.js
var nodeRunner []byte

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("wpt", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", "", "the web-platform-tests checkout")
	harness := fs.String("harness", "", "testharness.js (default: see the package doc)")
	node := fs.Bool("node", false, "also run each file under node, for comparison")
	verbose := fs.Bool("v", false, "list every subtest that did not pass")
	timeout := fs.Duration("timeout", 20*time.Second, "per file (timeout=long: 4x)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *root == "" || fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: wpt -root WPT_CHECKOUT [-node] [-v] folder-or-file...")
		return 2
	}
	h, err := findHarness(*harness, *root)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	files, err := testFiles(*root, fs.Args())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	opts := wpt.Options{Root: *root, Harness: h, Timeout: *timeout}
	var nodeScript string
	if *node {
		f, err := os.CreateTemp("", "arun-wpt-node-*.js")
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		defer os.Remove(f.Name())
		_, _ = f.Write(nodeRunner)
		f.Close()
		nodeScript = f.Name()
	}

	type sum struct{ pass, total, npass, ntotal, files int }
	dirs := map[string]*sum{}
	var all sum
	for _, rel := range files {
		f := wpt.RunFile(context.Background(), opts, rel)
		d := path.Dir(rel)
		if dirs[d] == nil {
			dirs[d] = &sum{}
		}
		s := dirs[d]
		s.files++
		s.pass += f.Passed()
		s.total += len(f.Tests)
		line := fmt.Sprintf("%-60s arun %4d/%-4d %s", rel, f.Passed(), len(f.Tests), f.Harness)
		if *node {
			nf := runNode(nodeScript, opts, rel)
			s.npass += nf.Passed()
			s.ntotal += len(nf.Tests)
			line += fmt.Sprintf("   node %4d/%-4d %s", nf.Passed(), len(nf.Tests), nf.Harness)
		}
		fmt.Fprintln(stdout, line)
		if *verbose {
			if f.Harness != "OK" {
				fmt.Fprintf(stdout, "    harness: %s\n", firstLine(f.Message))
			}
			for _, t := range f.Tests {
				if t.Status != "PASS" {
					fmt.Fprintf(stdout, "    %s %s: %s\n", t.Status, t.Name, firstLine(t.Message))
				}
			}
		}
	}
	fmt.Fprintln(stdout)
	names := make([]string, 0, len(dirs))
	for d := range dirs {
		names = append(names, d)
	}
	sort.Strings(names)
	for _, d := range names {
		s := dirs[d]
		all.pass, all.total, all.npass, all.ntotal, all.files = all.pass+s.pass, all.total+s.total, all.npass+s.npass, all.ntotal+s.ntotal, all.files+s.files
		fmt.Fprintf(stdout, "%-40s %3d files  arun %5d/%-5d%s\n", d, s.files, s.pass, s.total, nodeCol(*node, s.npass, s.ntotal))
	}
	fmt.Fprintf(stdout, "%-40s %3d files  arun %5d/%-5d%s\n", "all", all.files, all.pass, all.total, nodeCol(*node, all.npass, all.ntotal))
	return 0
}

func nodeCol(on bool, pass, total int) string {
	if !on {
		return ""
	}
	return fmt.Sprintf("  node %5d/%d", pass, total)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 160 {
		s = s[:160] + "..."
	}
	return s
}

func findHarness(flagValue, root string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	return wpt.DefaultHarness(os.Getenv, root)
}

// testFiles expands folders to their *.any.js files (sorted).
func testFiles(root string, args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		a = filepath.ToSlash(filepath.Clean(a))
		fi, err := os.Stat(filepath.Join(root, a))
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			out = append(out, a)
			continue
		}
		m, err := filepath.Glob(filepath.Join(root, a, "*.any.js"))
		if err != nil {
			return nil, err
		}
		sort.Strings(m)
		for _, f := range m {
			out = append(out, path.Join(a, filepath.Base(f)))
		}
	}
	return out, nil
}

// runNode runs rel under node with the node runner.
func runNode(script string, opts wpt.Options, rel string) wpt.File {
	f := wpt.File{Path: rel}
	src, err := os.ReadFile(filepath.Join(opts.Root, rel))
	if err != nil {
		f.Harness, f.Message = "ERROR", err.Error()
		return f
	}
	meta := wpt.ParseMeta(rel, string(src))
	timeout := opts.Timeout
	if meta.Long {
		timeout *= 4
	}
	base, stop, err := wpt.Serve(opts.Root)
	if err != nil {
		f.Harness, f.Message = "ERROR", err.Error()
		return f
	}
	defer stop()
	args := append([]string{script, opts.Harness, base, fmt.Sprint(timeout.Milliseconds()), opts.Root, rel}, meta.Scripts...)
	ctx, cancel := context.WithTimeout(context.Background(), timeout+10*time.Second)
	defer cancel()
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Stdout = &out
	_ = cmd.Run()
	var res struct {
		Harness, Message string
		Tests            []wpt.Test
	}
	line, _, _ := bytes.Cut(out.Bytes(), []byte("\n"))
	if err := json.Unmarshal(line, &res); err != nil {
		f.Harness, f.Message = "ERROR", "node printed no result"
		return f
	}
	f.Harness, f.Message, f.Tests = res.Harness, res.Message, res.Tests
	return f
}
