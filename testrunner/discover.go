package testrunner

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// testSuffixes are the file name endings Discover picks.
var testSuffixes = func() []string {
	var out []string
	for _, ext := range []string{".js", ".ts", ".mjs", ".mts"} {
		out = append(out, "_test"+ext, ".test"+ext)
	}
	return out
}()

// IsTestFile reports whether name (a base name) is a test file.
func IsTestFile(name string) bool {
	for _, s := range testSuffixes {
		if strings.HasSuffix(name, s) && len(name) > len(s) {
			return true
		}
	}
	return false
}

// ErrNoPath is returned by Discover for a path that does not exist.
var ErrNoPath = errors.New("testrunner: no such file or directory")

// Discover returns the test files under paths (files named on the command
// line are taken as they are), sorted and without duplicates. Directories
// named node_modules or starting with a dot are skipped.
func Discover(paths []string) ([]string, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		abs, err := filepath.Abs(p)
		if err != nil || seen[abs] {
			return
		}
		seen[abs] = true
		out = append(out, abs)
	}
	for _, root := range paths {
		st, err := os.Stat(root)
		if err != nil {
			return nil, fmt.Errorf("%w: %s", ErrNoPath, root)
		}
		if !st.IsDir() {
			add(root)
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == root {
					return err
				}
				return nil // unreadable subdirectory: skip it
			}
			name := d.Name()
			if d.IsDir() {
				if p != root && (name == "node_modules" || strings.HasPrefix(name, ".")) {
					return filepath.SkipDir
				}
				return nil
			}
			if IsTestFile(name) && d.Type().IsRegular() {
				add(p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("testrunner: %w", err)
		}
	}
	sort.Strings(out)
	return out, nil
}
