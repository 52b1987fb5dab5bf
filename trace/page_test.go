package trace

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// pageScript is the page's own script (the second script element).
var pageScript = regexp.MustCompile(`(?s)<script>(.*)</script>`)

// The page's script runs against a stub DOM whose canvas records what is
// drawn: the lanes are labelled with the tasks, the awaits with what they
// wait on, and the summary counts them (no browser here; see the README).
func TestPageDraws(t *testing.T) {
	var js, page bytes.Buffer
	now := time.Duration(0)
	tr := New(&js, func() time.Duration { return now })
	var a, b bindings.TaskRef
	tr.TaskStart(&a, nil, "fetcher", "x.js:1")
	tr.TaskStart(&b, nil, "victim", "x.js:2")
	tr.TaskCancel(&b, "")
	now = 2 * time.Second
	tr.TaskEnd(&a, "fetcher", bindings.Resolved)
	tr.TaskEnd(&b, "victim", bindings.Cancelled)
	if err := tr.Close(); err != nil {
		t.Fatal(err)
	}
	// an await slice, as AwaitEnd writes it (a Waiter needs a runtime)
	j := strings.Replace(js.String(), "\n]}", `,
{"name":"fetch GET http://x/","cat":"await","ph":"X","ts":0,"dur":1500000,"pid":1,"tid":1,"args":{"site":"x.js:5","outcome":"resolved"}}
]}`, 1)
	if err := HTML(&page, []byte(j)); err != nil {
		t.Fatal(err)
	}
	m := pageScript.FindSubmatch(page.Bytes())
	if m == nil {
		t.Fatal("no page script")
	}
	vm := goja.New()
	var texts []string
	ctx := vm.NewObject()
	for _, name := range []string{"clearRect", "fillRect", "strokeRect", "save", "restore", "beginPath", "rect", "clip", "moveTo", "lineTo", "stroke", "arc", "fill"} {
		_ = ctx.Set(name, func(goja.FunctionCall) goja.Value { return goja.Undefined() })
	}
	_ = ctx.Set("fillText", func(c goja.FunctionCall) goja.Value {
		texts = append(texts, c.Argument(0).String())
		return goja.Undefined()
	})
	el := map[string]*goja.Object{}
	for _, id := range []string{"trace", "c", "wrap", "tip", "summary"} {
		o := vm.NewObject()
		_ = o.Set("style", vm.NewObject())
		_ = o.Set("addEventListener", func(goja.FunctionCall) goja.Value { return goja.Undefined() })
		el[id] = o
	}
	raw := page.Bytes()
	i := bytes.Index(raw, []byte(`id="trace">`)) + len(`id="trace">`)
	_ = el["trace"].Set("textContent", string(raw[i:i+bytes.Index(raw[i:], []byte("</script>"))]))
	_ = el["c"].Set("getContext", func(goja.FunctionCall) goja.Value { return ctx })
	_ = el["wrap"].Set("clientWidth", 900)
	doc := vm.NewObject()
	_ = doc.Set("getElementById", func(c goja.FunctionCall) goja.Value { return el[c.Argument(0).String()] })
	_ = vm.Set("document", doc)
	win := vm.NewObject()
	_ = win.Set("addEventListener", func(goja.FunctionCall) goja.Value { return goja.Undefined() })
	_ = vm.Set("window", win)
	if _, err := vm.RunString(string(m[1])); err != nil {
		t.Fatalf("the page's script fails: %v", err)
	}
	drawn := strings.Join(texts, "|")
	for _, want := range []string{"fetcher", "victim", "fetch GET http://x/", "1.020 s"} {
		if !strings.Contains(drawn, want) {
			t.Errorf("%q not drawn: %s", want, drawn)
		}
	}
	sum := el["summary"].Get("textContent").String()
	if !strings.Contains(sum, "1 awaits, 1 cancellations") || !strings.Contains(sum, "fetch GET http://x/ 1.500 s (fetcher, x.js:5)") {
		t.Errorf("summary %q", sum)
	}
}
