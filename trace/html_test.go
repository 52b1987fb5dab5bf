package trace

import (
	"bytes"
	"testing"
	"time"

	"github.com/arun-js/arun/bindings"
)

// A label that would end the script element stays inside the embedded
// trace, which reads back as written.
func TestHTMLRoundTrip(t *testing.T) {
	var js, page bytes.Buffer
	now := time.Duration(0)
	tr := New(&js, func() time.Duration { return now })
	var task bindings.TaskRef
	tr.TaskStart(&task, nil, "</script><b>x", "a.js:1")
	tr.TaskCancel(&task, "bye")
	now = time.Second
	tr.TaskEnd(&task, "</script><b>x", bindings.Cancelled)
	if err := tr.Close(); err != nil {
		t.Fatal(err)
	}
	if err := HTML(&page, js.Bytes()); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(page.Bytes(), []byte("</script><b>")) {
		t.Fatal("the label was not escaped in the page")
	}
	f, err := ExtractHTML(page.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range f.TraceEvents {
		if e.Ph == "X" && e.Cat == "task" {
			got = append(got, e.Name, e.Args["outcome"].(string))
			if *e.Dur != 1e6 {
				t.Errorf("duration %v", *e.Dur)
			}
		}
	}
	if len(got) != 2 || got[0] != "</script><b>x" || got[1] != "cancelled" {
		t.Errorf("task slices %q", got)
	}
	if err := HTML(&page, []byte("{not json")); err == nil {
		t.Error("HTML accepted a broken trace")
	}
}
