package bindings

import (
	"reflect"
	"testing"
)

// TestLookRules: how a program is found on POSIX (execvp) and on Windows
// (libuv: the working directory first, Path in any case, .com and .exe).
func TestLookRules(t *testing.T) {
	posix, win := lookRules{}, lookRules{windows: true}
	for _, tc := range []struct {
		r       lookRules
		program string
		isPath  bool
	}{
		{posix, "git", false}, {posix, "./git", true}, {posix, `bin\git`, false},
		{win, "git", false}, {win, `bin\git`, true}, {win, "bin/git", true}, {win, `C:git.exe`, true},
	} {
		if got := tc.r.isPath(tc.program); got != tc.isPath {
			t.Errorf("windows=%v isPath(%q) = %v", tc.r.windows, tc.program, got)
		}
	}
	env := []string{"HOME=/h", "Path=C:\\bin;;D:\\tools"}
	if got := win.pathOf(env); got != `C:\bin;;D:\tools` {
		t.Errorf("windows pathOf = %q", got)
	}
	if got := posix.pathOf(env); got != "/usr/local/bin:/usr/bin:/bin" {
		t.Errorf("posix pathOf without PATH = %q", got)
	}
	if got := win.pathOf(nil); got != "" {
		t.Errorf("windows pathOf without Path = %q", got)
	}
	for _, tc := range []struct {
		r    lookRules
		path string
		want []string
	}{
		{posix, "/a::/b", []string{"/a", ".", "/b"}},
		{posix, "", nil},
		{win, `C:\bin;;D:\tools`, []string{".", `C:\bin`, `D:\tools`}},
		{win, "", []string{"."}},
	} {
		if got := tc.r.dirs(tc.path); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("windows=%v dirs(%q) = %q, want %q", tc.r.windows, tc.path, got, tc.want)
		}
	}
	for _, tc := range []struct {
		r    lookRules
		p    string
		want []string
	}{
		{posix, "/bin/git", []string{"/bin/git"}},
		{win, "git", []string{"git.com", "git.exe"}},
		{win, "run.cmd", []string{"run.cmd", "run.cmd.com", "run.cmd.exe"}},
	} {
		if got := tc.r.candidates(tc.p); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("windows=%v candidates(%q) = %q, want %q", tc.r.windows, tc.p, got, tc.want)
		}
	}
}
