package fs_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// TestRenameRace swaps a directory inside the grant with a symlink to a
// directory outside it, in a loop on another goroutine, while the script
// reads and writes through that directory a fixed number of times. Whatever
// the interleaving, the outside marker is never read and nothing is written
// outside.
func TestRenameRace(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	root := t.TempDir()
	a := filepath.Join(root, "A")
	out := filepath.Join(root, "outside")
	write(t, filepath.Join(a, "d", "f"), "inside")
	write(t, filepath.Join(out, "f"), "SECRET")
	if err := os.Symlink(out, filepath.Join(a, "ln")); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		d, ln, real := filepath.Join(a, "d"), filepath.Join(a, "ln"), filepath.Join(a, "real")
		for {
			select {
			case <-stop:
				return
			default:
			}
			_ = os.Rename(d, real) // A/d moves away...
			_ = os.Rename(ln, d)   // ...and the link to outside takes its place
			_ = os.Rename(d, ln)
			_ = os.Rename(real, d)
		}
	}()
	const iterations = 400
	res := run(t, a, `const fs = require("fs/promises");
const seen = {};
const note = (k) => { seen[k] = (seen[k] || 0) + 1; };
for (let i = 0; i < `+strconv.Itoa(iterations)+`; i++) {
  try { note(await fs.readFile("d/f", "utf8")); } catch (e) { note(e.code); }
  try { await fs.writeFile("d/w", "x"); note("written"); } catch (e) { note(e.code); }
  try { const h = await fs.open("d/f"); note("open:" + await h.readFile("utf8")); await h.close(); } catch (e) { note(e.code); }
}
console.log(JSON.stringify(seen));`, &runtime.Permissions{Read: []string{a}, Write: []string{a}})
	close(stop)
	wg.Wait()
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	t.Logf("outcomes: %s", strings.TrimSpace(res.Stdout))
	if strings.Contains(res.Stdout, "SECRET") {
		t.Errorf("the script read the outside file: %s", res.Stdout)
	}
	if _, err := os.Stat(filepath.Join(out, "w")); err == nil {
		t.Errorf("the script wrote outside the grant")
	}
}
