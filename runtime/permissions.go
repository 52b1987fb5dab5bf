package runtime

import (
	"net"
	"os"
	"path/filepath"
	"strings"

	"github.com/arun-js/arun/bindings"
)

// Permissions says what scripts may touch (contract section 9). The zero
// value grants nothing; AllowAll grants everything.
type Permissions struct {
	// ReadAll, WriteAll, NetAll and EnvAll grant a whole kind.
	ReadAll, WriteAll, NetAll, EnvAll bool
	// Read and Write grant paths (a directory grants everything below it).
	Read, Write []string
	// Net grants hosts ("example.com", "127.0.0.1:8080", "localhost").
	Net []string
}

// AllowAll returns permissions that grant everything (the CLI's default).
func AllowAll() *Permissions {
	return &Permissions{ReadAll: true, WriteAll: true, NetAll: true, EnvAll: true}
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
	parts := strings.Split(p, string(os.PathSeparator))
	cur := string(os.PathSeparator)
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

func pathGranted(grants []string, target string) bool {
	if len(grants) == 0 {
		return false
	}
	t := resolvePath(target)
	for _, g := range grants {
		g = resolvePath(g)
		if t == g || strings.HasPrefix(t, g+string(os.PathSeparator)) || g == string(os.PathSeparator) {
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
