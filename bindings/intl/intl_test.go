package intl_test

import (
	"strings"
	"testing"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

func run(t *testing.T, src string, env map[string]string) string {
	t.Helper()
	res := runtimetest.Run(t, "t.js", src, runtime.Options{Env: env})
	if res.Err != nil {
		t.Fatalf("%v\n%s", res.Err, res.Stderr)
	}
	return strings.TrimSpace(res.Stdout)
}

// Intl is an accessor until first read, then a plain data property; the
// prototype methods work before Intl is ever read.
func TestLazy(t *testing.T) {
	got := run(t, `
const before = typeof Object.getOwnPropertyDescriptor(globalThis, "Intl").get;
const cmp = "a".localeCompare("b") + " " + (1234.5).toLocaleString();
const still = typeof Object.getOwnPropertyDescriptor(globalThis, "Intl").get;
const t = typeof Intl.NumberFormat;
const d = Object.getOwnPropertyDescriptor(globalThis, "Intl");
console.log(before, cmp, still, t, "value" in d, d.enumerable, Intl === globalThis.Intl);
`, nil)
	if want := "function -1 1,234.5 function function true false true"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// The default locale comes from the injected environment, LC_ALL first.
func TestDefaultLocale(t *testing.T) {
	src := `console.log((1234.5).toLocaleString(), new Intl.NumberFormat().resolvedOptions().locale)`
	for _, c := range []struct {
		env  map[string]string
		want string
	}{
		{nil, "1,234.5 en-US"},
		{map[string]string{"LANG": "de_DE.UTF-8"}, "1.234,5 de-DE"},
		{map[string]string{"LANG": "de_DE.UTF-8", "LC_ALL": "fr_FR"}, "1\u00a0234,5 fr-FR"},
		{map[string]string{"LANG": "C"}, "1,234.5 en-US"},
		{map[string]string{"LANG": "not a locale!"}, "1,234.5 en-US"},
	} {
		if got := run(t, src, c.env); got != c.want {
			t.Errorf("env %v: got %q, want %q", c.env, got, c.want)
		}
	}
}

// Bad input throws the error ECMA-402 names, with a message saying what.
func TestErrors(t *testing.T) {
	got := run(t, `
for (const f of [
  () => Intl.getCanonicalLocales("en_US!"),
  () => new Intl.NumberFormat("en", {style: "currency"}),
  () => new Intl.NumberFormat("en", {style: "currency", currency: "US"}),
  () => new Intl.NumberFormat("en", {style: "unit", unit: "meter"}),
  () => new Intl.NumberFormat("en", {maximumFractionDigits: 200}),
  () => new Intl.NumberFormat("en", {minimumFractionDigits: 3, maximumFractionDigits: 1}),
  () => new Intl.PluralRules("en", {type: "weird"}),
  () => new Intl.Collator("en", {caseFirst: "upper"}),
  () => Intl.NumberFormat.prototype.formatToParts.call({}, 1),
  () => new Intl.Locale(5),
]) { try { f(); console.log("no error"); } catch (e) { console.log(e.name + ": " + e.message); } }
`, nil)
	want := []string{"RangeError: Incorrect locale", "TypeError: Currency code is required", "RangeError: Invalid currency code", "RangeError: Intl.NumberFormat: style \"unit\"",
		"RangeError: maximumFractionDigits value is out of range", "RangeError: maximumFractionDigits", "RangeError: Value weird out of range", "RangeError: Intl.Collator: caseFirst",
		"TypeError: Method Intl.NumberFormat.prototype.formatToParts called on incompatible receiver", "TypeError: Intl.Locale: first argument"}
	lines := strings.Split(got, "\n")
	if len(lines) != len(want) {
		t.Fatalf("got\n%s", got)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("case %d: got %q, want prefix %q", i, lines[i], w)
		}
	}
}

// Locale's parts, options and maximize; subclasses and formats as
// detached functions.
func TestLocaleAndShapes(t *testing.T) {
	got := run(t, `
const l = new Intl.Locale("en-latn-us-u-nu-thai", {region: "GB"});
console.log(l.toString(), l.baseName, l.language, l.script, l.region, l.numberingSystem);
console.log(new Intl.Locale("zh").maximize().toString(), new Intl.Locale("ja").region);
class NF extends Intl.NumberFormat { hi() { return "hi " + this.format(1e6); } }
console.log(new NF("de").hi(), [1.5, 2].map(new Intl.NumberFormat("en", {minimumFractionDigits: 1}).format).join("|"));
console.log(Intl.NumberFormat.supportedLocalesOf(["de-DE", "en-gb"]).join(","), Object.prototype.toString.call(new Intl.Collator()));
`, nil)
	want := "en-Latn-GB-u-nu-thai en-Latn-GB en Latn GB thai\nzh-Hans-CN undefined\nhi 1.000.000 1.5|2.0\nde-DE,en-GB [object Intl.Collator]"
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}
