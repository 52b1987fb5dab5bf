package intl_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.json from node and arun")

var goldenLocales = []string{"en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "pt-BR", "ru-RU", "ar-EG", "hi-IN", "ja-JP", "zh-CN"}

// goldenExprs are evaluated with L bound to each locale; each yields a string.
var goldenExprs = []string{
	`new Intl.NumberFormat(L).format(1234567.891)`,
	`new Intl.NumberFormat(L).format(-0.5)`,
	`new Intl.NumberFormat(L, {maximumFractionDigits: 0}).format(2.5)`,
	`new Intl.NumberFormat(L, {maximumFractionDigits: 2}).format(1.005)`,
	`new Intl.NumberFormat(L, {minimumFractionDigits: 2}).format(1234)`,
	`new Intl.NumberFormat(L, {useGrouping: false}).format(1234567.5)`,
	`new Intl.NumberFormat(L, {minimumIntegerDigits: 3}).format(7)`,
	`new Intl.NumberFormat(L, {maximumSignificantDigits: 3}).format(123456)`,
	`new Intl.NumberFormat(L, {style: "percent"}).format(0.256)`,
	`new Intl.NumberFormat(L, {style: "percent", maximumFractionDigits: 1}).format(-0.1234)`,
	`new Intl.NumberFormat(L, {style: "currency", currency: "USD"}).format(1234.5)`,
	`new Intl.NumberFormat(L, {style: "currency", currency: "EUR", currencyDisplay: "code"}).format(-1234.5)`,
	`new Intl.NumberFormat(L, {style: "currency", currency: "JPY", currencyDisplay: "narrowSymbol"}).format(1234.5)`,
	`[0, 5, -5].map(new Intl.NumberFormat(L, {signDisplay: "always"}).format).join(" ")`,
	`[0, 5, -5].map(new Intl.NumberFormat(L, {signDisplay: "exceptZero"}).format).join(" ")`,
	`[-0, 5, -5].map(new Intl.NumberFormat(L, {signDisplay: "never"}).format).join(" ")`,
	`JSON.stringify(new Intl.NumberFormat(L).formatToParts(-1234.5))`,
	`new Intl.NumberFormat(L).format(NaN) + " " + new Intl.NumberFormat(L).format(-Infinity)`,
	`(1234.5).toLocaleString(L)`,
	`[0, 1, 2, 3, 5, 11, 21, 22, 101, 1.5].map(n => new Intl.PluralRules(L).select(n)).join(" ")`,
	`[1, 2, 3, 4, 11, 21, 22, 23, 101].map(n => new Intl.PluralRules(L, {type: "ordinal"}).select(n)).join(" ")`,
	`["z", "ä", "a", "Z", "é", "e", "ö", "o", "ß", "ss"].sort(new Intl.Collator(L).compare).join(" ")`,
	`["item10", "item9", "item1"].sort(new Intl.Collator(L, {numeric: true}).compare).join(" ")`,
	`["base", "accent", "case", "variant"].map(s => new Intl.Collator(L, {sensitivity: s}).compare("a", "Á")).join(" ")`,
	`"a".localeCompare("B", L) + " " + "résumé".localeCompare("resume", L, {sensitivity: "base"})`,
	`new Intl.NumberFormat(L).resolvedOptions().locale + " " + new Intl.Collator(L).resolvedOptions().locale`,
	`(l => [l.baseName, l.language, l.region, l.script, l.toString()].join(" "))(new Intl.Locale(L))`,
	`Intl.getCanonicalLocales(L.toLowerCase()).join(",")`,
}

// goldenScript prints one JSON object: "locale\texpr" -> result (or the
// thrown error as "throws: ...").
func goldenScript() string {
	var b strings.Builder
	b.WriteString("const out = {};\n")
	for _, l := range goldenLocales {
		for _, e := range goldenExprs {
			fmt.Fprintf(&b, "try { const L = %q; out[%q] = String(%s); } catch (e) { out[%q] = 'throws: ' + e.name; }\n", l, l+"\t"+e, e, l+"\t"+e)
		}
	}
	b.WriteString("console.log(JSON.stringify(out));\n")
	return b.String()
}

type goldenCase struct {
	Locale string `json:"locale"`
	Expr   string `json:"expr"`
	Node   string `json:"node"`
	// Arun is what arun prints when it differs from node.
	Arun *string `json:"arun,omitempty"`
}

func runArun(t *testing.T, src string) map[string]string {
	t.Helper()
	res := runtimetest.Run(t, "golden.js", src, runtime.Options{})
	if res.Err != nil {
		t.Fatalf("arun: %v\n%s", res.Err, res.Stderr)
	}
	var m map[string]string
	if err := json.Unmarshal([]byte(res.Stdout), &m); err != nil {
		t.Fatalf("arun output: %v\n%s", err, res.Stdout)
	}
	return m
}

func runNode(t *testing.T, src string) map[string]string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		return nil
	}
	f := filepath.Join(t.TempDir(), "golden.js")
	if err := os.WriteFile(f, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, f).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var m map[string]string
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatalf("node output: %v", err)
	}
	return m
}

// TestGolden compares arun's Intl with node's for a table of locales and
// options. testdata/golden.json holds node's answers and, where arun
// differs, arun's: a case that starts or stops matching node fails, and so
// does a node whose answers differ from the committed ones (when node is on
// PATH). go test -run Golden -update rewrites the file.
func TestGolden(t *testing.T) {
	src := goldenScript()
	got := runArun(t, src)
	nodeOut := runNode(t, src)
	path := filepath.Join("testdata", "golden.json")
	if *update {
		if nodeOut == nil {
			t.Fatal("-update needs node on PATH")
		}
		var cases []goldenCase
		for _, l := range goldenLocales {
			for _, e := range goldenExprs {
				k := l + "\t" + e
				c := goldenCase{Locale: l, Expr: e, Node: nodeOut[k]}
				if a := got[k]; a != c.Node {
					c.Arun = &a
				}
				cases = append(cases, c)
			}
		}
		data, _ := json.MarshalIndent(cases, "", "  ")
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cases []goldenCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) != len(goldenLocales)*len(goldenExprs) {
		t.Fatalf("golden.json has %d cases, the table %d: run with -update", len(cases), len(goldenLocales)*len(goldenExprs))
	}
	same := 0
	for _, c := range cases {
		k := c.Locale + "\t" + c.Expr
		if nodeOut != nil && nodeOut[k] != c.Node {
			t.Errorf("%s: %s: node now prints %q, golden.json has %q", c.Locale, c.Expr, nodeOut[k], c.Node)
		}
		want := c.Node
		if c.Arun != nil {
			want = *c.Arun
		} else {
			same++
		}
		if got[k] != want {
			t.Errorf("%s: %s:\n got  %q\n want %q (node %q)", c.Locale, c.Expr, got[k], want, c.Node)
		}
	}
	t.Logf("arun matches node in %d of %d cases", same, len(cases))
}
