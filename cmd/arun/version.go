package main

import (
	"fmt"
	goruntime "runtime"
	"runtime/debug"
	"strings"

	"github.com/arun-js/arun/runtime"
)

// commit is the commit arun was built from, for a build the go command
// cannot stamp: a git worktree (golang/go#58218) or a source tree without
// .git. Set it when linking:
//
//	go build -ldflags "-X main.commit=$(git rev-parse HEAD)" ./cmd/arun
var commit string

// versionText is what `arun --version` prints: arun's version, the commit
// it was built from (with its time, and "modified" for a build of a tree
// with uncommitted changes) and the Go toolchain and platform, so that a
// bug report says exactly what ran. info is the binary's build
// information (debug.ReadBuildInfo; nil if it has none): the go command
// stamps the commit into a binary built inside a git checkout; linked is
// the commit set at link time (main.commit), used when info has none; a
// binary built by `go install ...@version` has the module version.
func versionText(info *debug.BuildInfo, linked string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "arun %s\n", runtime.Version)
	settings := map[string]string{}
	goVersion := goruntime.Version()
	if info != nil {
		for _, s := range info.Settings {
			settings[s.Key] = s.Value
		}
		if info.GoVersion != "" {
			goVersion = info.GoVersion
		}
	}
	switch rev := settings["vcs.revision"]; {
	case rev != "":
		var notes []string
		if t := settings["vcs.time"]; t != "" {
			notes = append(notes, t)
		}
		if settings["vcs.modified"] == "true" {
			notes = append(notes, "modified")
		}
		fmt.Fprintf(&b, "commit %s", rev)
		if len(notes) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(notes, ", "))
		}
		b.WriteByte('\n')
	case linked != "":
		fmt.Fprintf(&b, "commit %s\n", linked)
	case info != nil && info.Main.Version != "" && info.Main.Version != "(devel)":
		fmt.Fprintf(&b, "module %s %s\n", info.Main.Path, info.Main.Version)
	default:
		b.WriteString("commit unknown (not built in a git checkout)\n")
	}
	goos, goarch := settings["GOOS"], settings["GOARCH"]
	if goos == "" {
		goos, goarch = goruntime.GOOS, goruntime.GOARCH
	}
	fmt.Fprintf(&b, "%s %s/%s\n", goVersion, goos, goarch)
	return b.String()
}

// buildInfo is the running binary's build information, nil if none.
func buildInfo() *debug.BuildInfo {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return nil
	}
	return info
}
