package main

import (
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/arun-js/arun/runtime"
)

// TestVersionText: the commit comes from the go command's VCS stamp (with
// its time and "modified"), else from the link-time main.commit, else
// the module version of a `go install ...@version`, else "unknown"; the
// Go version and platform are the toolchain's.
func TestVersionText(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	head := "arun " + runtime.Version + "\n"
	for _, tc := range []struct {
		name   string
		info   *debug.BuildInfo
		linked string
		want   string
	}{
		{"stamped, clean", &debug.BuildInfo{GoVersion: "go1.26.8", Settings: vcs("vcs.revision", "abc123", "vcs.time", "2026-12-08T02:51:55Z", "vcs.modified", "false", "GOOS", "windows", "GOARCH", "arm64")}, "",
			head + "commit abc123 (2026-12-08T02:51:55Z)\ngo1.26.8 windows/arm64\n"},
		{"stamped, modified", &debug.BuildInfo{GoVersion: "go1.26.8", Settings: vcs("vcs.revision", "abc123", "vcs.modified", "true", "GOOS", "darwin", "GOARCH", "amd64")}, "def456",
			head + "commit abc123 (modified)\ngo1.26.8 darwin/amd64\n"},
		{"linked", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/arun-js/arun", Version: "(devel)"}, Settings: vcs("GOOS", "linux", "GOARCH", "amd64")}, "def456",
			head + "commit def456\ngo1.26.8 linux/amd64\n"},
		{"go install", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/arun-js/arun", Version: "v0.1.0"}, Settings: vcs("GOOS", "linux", "GOARCH", "arm64")}, "",
			head + "module github.com/arun-js/arun v0.1.0\ngo1.26.8 linux/arm64\n"},
		{"nothing", nil, "",
			head + "commit unknown (not built in a git checkout)\n" + goruntime.Version() + " " + goruntime.GOOS + "/" + goruntime.GOARCH + "\n"},
	} {
		if got := versionText(tc.info, tc.linked); got != tc.want {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}

// TestVersionBinary: a binary built with the commit set at link time
// prints it (or the go command's own stamp, which wins), and the
// toolchain that built it.
func TestVersionBinary(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "arun")
	const sha = "0123456789abcdef0123456789abcdef01234567"
	if out, err := exec.Command("go", "build", "-ldflags", "-X main.commit="+sha, "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	want := sha
	if info, err := exec.Command("go", "version", "-m", bin).Output(); err == nil {
		for _, line := range strings.Split(string(info), "\n") {
			if f := strings.Fields(line); len(f) == 2 && f[0] == "build" && strings.HasPrefix(f[1], "vcs.revision=") {
				want = strings.TrimPrefix(f[1], "vcs.revision=")
			}
		}
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != 3 || lines[0] != "arun "+runtime.Version || !strings.HasPrefix(lines[1], "commit "+want) ||
		lines[2] != goruntime.Version()+" "+goruntime.GOOS+"/"+goruntime.GOARCH {
		t.Errorf("arun --version printed\n%s", out)
	}
}
