package bindings

import "testing"

// TestNodePlatform: Node's names for Go's GOOS and GOARCH.
func TestNodePlatform(t *testing.T) {
	for goos, want := range map[string]string{"windows": "win32", "linux": "linux", "darwin": "darwin", "freebsd": "freebsd"} {
		if got := NodePlatform(goos); got != want {
			t.Errorf("NodePlatform(%q) = %q, want %q", goos, got, want)
		}
	}
	for goarch, want := range map[string]string{"amd64": "x64", "arm64": "arm64", "386": "ia32", "arm": "arm", "ppc64le": "ppc64", "riscv64": "riscv64"} {
		if got := NodeArch(goarch); got != want {
			t.Errorf("NodeArch(%q) = %q, want %q", goarch, got, want)
		}
	}
}
