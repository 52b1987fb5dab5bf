package asyncio_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// jsPrelude is prepended to every case of testdata/cases.txt; PY_PRELUDE in
// scripts/asyncio-tests/regen.py is its Python twin.
const jsPrelude = `const loop = asyncio.getRunningLoop();
const T0 = loop.time();
const now = () => (loop.time() - T0).toFixed(1);
const print = (...a) => console.log(a.map((x) => (x === null || x === undefined ? "null" : String(x))).join(" "));
const J = (x) => JSON.stringify(x);
const N = (e) => e.name;
`

type pyCase struct {
	name, js, py, out string
}

var sectionRe = regexp.MustCompile(`(?m)^--- (js|py|out)\n`)

func readCases(t *testing.T, file string) []pyCase {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile(`(?m)^### `).Split(string(b), -1)[1:]
	var cases []pyCase
	for _, blk := range blocks {
		name, rest, _ := strings.Cut(blk, "\n")
		c := pyCase{name: strings.TrimSpace(name)}
		idx := sectionRe.FindAllStringSubmatchIndex(rest, -1)
		for i, m := range idx {
			end := len(rest)
			if i+1 < len(idx) {
				end = idx[i+1][0]
			}
			body := rest[m[1]:end]
			switch rest[m[2]:m[3]] {
			case "js":
				c.js = body
			case "py":
				c.py = body
			case "out":
				c.out = body
			}
		}
		if c.js == "" || c.py == "" {
			t.Fatalf("case %s: missing js or py section", c.name)
		}
		cases = append(cases, c)
	}
	return cases
}

// TestPythonParity runs every case of testdata/cases.txt and compares its
// output with what CPython printed for the same program.
func TestPythonParity(t *testing.T) {
	cases := readCases(t, "testdata/cases.txt")
	if len(cases) < 60 {
		t.Errorf("only %d cases", len(cases))
	}
	runParity(t, cases)
}

// runParity runs each case under virtual time after jsPrelude and compares
// its output with CPython's.
func runParity(t *testing.T, cases []pyCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := runtimetest.Run(t, c.name+".js", jsPrelude+c.js, runtimetest.VirtualOptions())
			if res.Err != nil {
				t.Fatalf("run failed: %v\nstderr:\n%s\nstdout:\n%s", res.Err, res.Stderr, res.Stdout)
			}
			got := strings.TrimRight(res.Stdout, "\n")
			want := strings.TrimRight(c.out, "\n")
			if got != want {
				t.Errorf("output differs from CPython's\n--- got ---\n%s\n--- want ---\n%s\n--- stderr ---\n%s", got, want, res.Stderr)
			}
		})
	}
}

func run(t *testing.T, src string) runtimetest.Result {
	t.Helper()
	return runtimetest.Run(t, "main.js", src, runtimetest.VirtualOptions())
}

func TestModuleAndGlobal(t *testing.T) {
	res := run(t, `
const a = require("asyncio"), b = require("arun:asyncio");
console.log(a === b, a === asyncio, typeof asyncio.run, asyncio.TimeoutError.name);
`)
	if res.Err != nil || strings.TrimSpace(res.Stdout) != "true true function TimeoutError" {
		t.Fatalf("got %q err %v", res.Stdout, res.Err)
	}
}

var _ = runtime.Options{}
