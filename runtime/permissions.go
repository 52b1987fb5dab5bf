package runtime

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/arun-js/arun/bindings"
)

// Permissions says what scripts may touch (contract section 9). The zero
// value grants nothing; AllowAll grants everything.
type Permissions struct {
	// ReadAll, WriteAll, NetAll, EnvAll and RunAll grant a whole kind.
	ReadAll, WriteAll, NetAll, EnvAll, RunAll bool
	// Read and Write grant paths (a directory grants everything below it).
	Read, Write []string
	// Net grants hosts ("example.com", "127.0.0.1:8080", "localhost").
	Net []string
	// Run grants programs to start as child processes ("git",
	// "/usr/bin/python3"): a bare name grants the file it names on the
	// PATH, a path that file; a script may name it either way.
	Run []string
}

// AllowAll returns permissions that grant everything (the CLI's default).
func AllowAll() *Permissions {
	return &Permissions{ReadAll: true, WriteAll: true, NetAll: true, EnvAll: true, RunAll: true}
}

// Check implements bindings.Permissions. Paths are made absolute, cleaned
// and resolved through symlinks before they are compared, so neither ".."
// nor a link escapes a grant.
func (p *Permissions) Check(kind bindings.PermissionKind, target string) error {
	if p == nil {
		return &bindings.PermissionError{Kind: kind, Target: target}
	}
	switch kind {
	case bindings.PermRead:
		if p.ReadAll || pathGranted(p.Read, target) {
			return nil
		}
	case bindings.PermWrite:
		if p.WriteAll || pathGranted(p.Write, target) {
			return nil
		}
	case bindings.PermNet:
		if p.NetAll || hostGranted(p.Net, target) {
			return nil
		}
	case bindings.PermEnv:
		if p.EnvAll {
			return nil
		}
	case bindings.PermRun:
		if p.RunAll || programGranted(p.Run, target) {
			return nil
		}
	}
	return &bindings.PermissionError{Kind: kind, Target: target}
}

// resolvePath makes p absolute and resolves it component by component as
// the kernel does: a symlink is replaced by its target (even a dangling
// one) before any later "..", so neither ".." after a link nor a link to a
// file yet to be created escapes a grant.
func resolvePath(p string) string {
	if !filepath.IsAbs(p) {
		wd, err := os.Getwd()
		if err != nil {
			return filepath.Clean(p)
		}
		p = wd + string(os.PathSeparator) + p // no Clean: ".." must apply after links
	}
	return walkPath(p, 0)
}

func walkPath(p string, depth int) string {
	// a Windows path keeps its volume (C:, \\server\share) as its root
	vol := filepath.VolumeName(p)
	parts := strings.Split(p[len(vol):], string(os.PathSeparator))
	cur := vol + string(os.PathSeparator)
	for i, part := range parts {
		switch part {
		case "", ".":
			continue
		case "..":
			cur = filepath.Dir(cur)
			continue
		}
		next := filepath.Join(cur, part)
		if depth < 40 {
			if dest, err := os.Readlink(next); err == nil {
				if !filepath.IsAbs(dest) {
					dest = cur + string(os.PathSeparator) + dest
				}
				return walkPath(dest+string(os.PathSeparator)+strings.Join(parts[i+1:], string(os.PathSeparator)), depth+1)
			}
		}
		cur = next
	}
	return cur
}

// covers reports whether the resolved grant g covers the resolved path t:
// t is g or below it (a root, "/" or `C:\`, ends with the separator
// already).
func covers(g, t string) bool {
	sep := string(os.PathSeparator)
	return t == g || strings.HasPrefix(t, strings.TrimSuffix(g, sep)+sep)
}

func pathGranted(grants []string, target string) bool {
	if len(grants) == 0 {
		return false
	}
	t := resolvePath(target)
	for _, g := range grants {
		g = resolvePath(g)
		if covers(g, t) {
			return true
		}
	}
	return false
}

func hostGranted(grants []string, target string) bool {
	host, port, err := net.SplitHostPort(target)
	if err != nil {
		host, port = target, ""
	}
	host = strings.ToLower(strings.Trim(host, "[]"))
	for _, g := range grants {
		gh, gp, err := net.SplitHostPort(g)
		if err != nil {
			gh, gp = g, ""
		}
		gh = strings.ToLower(strings.Trim(gh, "[]"))
		if gh == host && (gp == "" || gp == port) {
			return true
		}
	}
	return false
}

// programGranted reports whether the program target (a name or a path) is
// one of grants: the same text, or the same file once names are looked up
// on the PATH and links resolved (as Deno's --allow-run compares them).
func programGranted(grants []string, target string) bool {
	if len(grants) == 0 {
		return false
	}
	for _, g := range grants {
		if g == target {
			return true
		}
	}
	t := programFile(target)
	if t == "" {
		return false
	}
	for _, g := range grants {
		if programFile(g) == t {
			return true
		}
	}
	return false
}

// programFile is the file a program name or path runs, links resolved, or
// "" if there is none.
func programFile(p string) string {
	path, err := exec.LookPath(p)
	if err != nil {
		return ""
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	return abs
}

// Confine implements bindings.Confiner: it checks kind on target as Check
// does and returns the place to do the I/O, an os.Root opened at the
// deepest grant covering target's resolved path, and that path inside it.
// Every later step of the operation goes through the Root, which follows a
// symlink only while it stays inside the grant and holds the directory
// itself rather than its name, so a rename or a link made after the check
// cannot take the operation outside. Without follow, the last component of
// target is not resolved (the operation acts on a link, not on what it
// points to). A kind granted in full (ReadAll, WriteAll) is not confined:
// the place has no Root and the operation uses plain os calls. Net and env
// are checked as by Check.
func (p *Permissions) Confine(kind bindings.PermissionKind, target string, follow bool) (bindings.Place, error) {
	free := bindings.Place{Path: target, Kind: kind}
	if p == nil {
		return bindings.Place{}, &bindings.PermissionError{Kind: kind, Target: target}
	}
	var all bool
	var grants []string
	switch kind {
	case bindings.PermRead:
		all, grants = p.ReadAll, p.Read
	case bindings.PermWrite:
		all, grants = p.WriteAll, p.Write
	default:
		if err := p.Check(kind, target); err != nil {
			return bindings.Place{}, err
		}
		return free, nil
	}
	if all {
		return free, nil
	}
	var t string
	if follow {
		t = resolvePath(target)
	} else {
		t = resolveParent(target)
	}
	g := coveringGrant(grants, t)
	if g == "" {
		return bindings.Place{}, &bindings.PermissionError{Kind: kind, Target: target}
	}
	root, rel, err := openGrant(g, t, follow)
	if err != nil {
		return bindings.Place{}, err
	}
	return bindings.Place{Root: root, Rel: rel, Path: target, Kind: kind}, nil
}

// resolveParent is resolvePath for all but the last component of p, which
// stays as it is (a symlink there is the thing operated on).
func resolveParent(p string) string {
	base := filepath.Base(p)
	if base == "." || base == ".." || base == string(os.PathSeparator) {
		return resolvePath(p) // names a directory, never a link
	}
	return filepath.Join(resolvePath(filepath.Dir(p)), base)
}

// coveringGrant returns the deepest of grants, resolved, that covers the
// resolved path t, or "".
func coveringGrant(grants []string, t string) string {
	best := ""
	for _, g := range grants {
		g = resolvePath(g)
		if covers(g, t) && len(g) > len(best) {
			best = g
		}
	}
	return best
}

// openGrant opens the Root for resolved path t under the resolved grant g
// and returns t relative to it. The grant's own directory is the root,
// except for the grant itself when it is not a directory (a file grant) or
// when its own entry is operated on without following (rm, rename of the
// granted directory): then the root is its parent and the path its last
// component. A grant not created yet is reached from its nearest existing
// ancestor, so that writing or a recursive mkdir can create it.
func openGrant(g, t string, follow bool) (*os.Root, string, error) {
	sep := string(os.PathSeparator)
	dir := g
	if t == g && g != sep {
		if fi, err := os.Stat(g); !follow || err != nil || !fi.IsDir() {
			dir = filepath.Dir(g)
		}
	}
	for {
		root, err := openRoot(dir)
		if err == nil {
			rel := strings.TrimPrefix(strings.TrimPrefix(t, dir), sep)
			if rel == "" {
				rel = "."
			}
			return root, rel, nil
		}
		if !errors.Is(err, fs.ErrNotExist) || dir == sep {
			return nil, "", err
		}
		dir = filepath.Dir(dir)
	}
}

// openRoot is os.OpenRoot with ENOTDIR for a path that is not a directory.
func openRoot(dir string) (*os.Root, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		if fi, serr := os.Stat(dir); serr == nil && !fi.IsDir() {
			return nil, &os.PathError{Op: "open", Path: dir, Err: syscall.ENOTDIR}
		}
		return nil, err
	}
	return root, nil
}
