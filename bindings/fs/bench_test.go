package fs_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// BenchmarkReadFile is one fs.readFile of a small file three directories
// down, awaited, with all permissions (plain os calls) and under a sandbox
// grant (the check and the open through the grant's os.Root).
func BenchmarkReadFile(b *testing.B) {
	dir := b.TempDir()
	sub := filepath.Join(dir, "a", "b", "c")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, "f.txt"), []byte("hello"), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name  string
		perms *runtime.Permissions
	}{
		{"allowall", runtime.AllowAll()},
		{"sandbox", &runtime.Permissions{Read: []string{dir}}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			opts := runtimetest.VirtualOptions()
			opts.Dir = dir
			opts.Permissions = bc.perms
			src := `const fs = require("fs/promises");
for (let i = 0; i < ` + strconv.Itoa(b.N) + `; i++) await fs.readFile("a/b/c/f.txt");`
			b.ResetTimer()
			if res := runtimetest.Run(b, "bench.js", src, opts); res.Err != nil {
				b.Fatal(res.Err)
			}
		})
	}
}
