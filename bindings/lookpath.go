package bindings

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// onWindows is whether this build runs on Windows (its paths, its rules
// for finding programs).
const onWindows = os.PathSeparator == '\\'

// LookPath finds program as execvp would with the environment env: a name
// with a slash is taken as it is (relative to dir), a bare name is searched
// on env's PATH. On Windows it is libuv's search: "\" and "C:" make a path
// too, a bare name is looked for in dir first, then on the PATH (Path,
// Windows's variable names have no case), and a name without an extension
// is tried with .com and .exe (not .cmd or .bat: as in Node, run those
// through the shell). The error is a Node-style ENOENT or EACCES naming
// program.
func LookPath(program, dir string, env []string) (string, error) {
	if program == "" {
		return "", &Error{Name: "TypeError", Code: "ERR_INVALID_ARG_VALUE", Message: "the program must be a non-empty string"}
	}
	r := lookRules{windows: onWindows}
	var dirs []string
	if r.isPath(program) {
		dirs = []string{""}
	} else {
		dirs = r.dirs(r.pathOf(env))
	}
	var denied error
	for _, d := range dirs {
		p := filepath.Join(d, program)
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		for _, c := range r.candidates(p) {
			err := r.executable(c)
			if err == nil {
				return c, nil
			}
			if errors.Is(err, fs.ErrPermission) && denied == nil {
				denied = err
			}
		}
	}
	if denied != nil {
		return "", spawnError(program, denied)
	}
	return "", spawnError(program, fs.ErrNotExist)
}

// lookRules are LookPath's rules on POSIX or on Windows: plain functions of
// strings, so that both are tested on every platform.
type lookRules struct{ windows bool }

// isPath reports whether program names a file rather than a name to
// search for.
func (r lookRules) isPath(program string) bool {
	if r.windows {
		return strings.ContainsAny(program, `/\:`)
	}
	return strings.ContainsRune(program, '/')
}

// pathOf is env's search path: PATH (any case on Windows), or what
// execvp uses without one (confstr's _CS_PATH; nothing on Windows).
func (r lookRules) pathOf(env []string) string {
	path, ok := "", false
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		if k == "PATH" || (r.windows && strings.EqualFold(k, "PATH")) {
			path, ok = v, true
		}
	}
	if !ok && !r.windows {
		return "/usr/local/bin:/usr/bin:/bin"
	}
	return path
}

// dirs are the directories to search, in order: an empty entry is the
// working directory; on Windows the working directory comes first.
func (r lookRules) dirs(path string) []string {
	sep := ":"
	var out []string
	if r.windows {
		sep = ";"
		out = append(out, ".")
	}
	if path == "" {
		return out
	}
	for _, d := range strings.Split(path, sep) {
		if d == "" {
			if r.windows {
				continue
			}
			d = "."
		}
		out = append(out, d)
	}
	return out
}

// candidates are the files p may name: p itself; on Windows p if it has an
// extension, then p.com and p.exe.
func (r lookRules) candidates(p string) []string {
	if !r.windows {
		return []string{p}
	}
	var out []string
	if ext := filepath.Ext(p); ext != "" && ext != "." {
		out = append(out, p)
	}
	return append(out, p+".com", p+".exe")
}

// executable reports whether p is a file that may be run: a regular file
// with an execute bit (on Windows a file: it has no execute bits).
func (r lookRules) executable(p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		return err
	}
	if fi.IsDir() || (!r.windows && fi.Mode()&0o111 == 0) {
		return fs.ErrPermission
	}
	return nil
}
