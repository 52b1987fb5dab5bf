package node

import (
	goruntime "runtime"
	"strings"
)

// platform holds Node's choices that differ on Windows: the path flavour
// of "path", os.EOL, os.devNull, where os.tmpdir and os.homedir look.
// host is this build's; tests take the other one by its GOOS.
type platform struct{ windows bool }

var host = platformOf(goruntime.GOOS)

func platformOf(goos string) platform { return platform{windows: goos == "windows"} }

// pathFlavour is the "path" module's default: path.win32 on Windows.
func (p platform) pathFlavour() string {
	if p.windows {
		return "win32"
	}
	return "posix"
}

// eol is os.EOL.
func (p platform) eol() string {
	if p.windows {
		return "\r\n"
	}
	return "\n"
}

// devNull is os.devNull.
func (p platform) devNull() string {
	if p.windows {
		return `\\.\nul`
	}
	return "/dev/null"
}

// homeVar is the variable os.homedir reads first (libuv's uv_os_homedir).
func (p platform) homeVar() string {
	if p.windows {
		return "USERPROFILE"
	}
	return "HOME"
}

// tmpdir is os.tmpdir from the variables env (lookup) has, as Node's:
// TMPDIR, TMP, TEMP or /tmp without a trailing slash; on Windows TEMP,
// TMP, then %SystemRoot%\temp (or %windir%\temp), without a trailing
// backslash unless it is a drive's root ("C:\").
func (p platform) tmpdir(lookup func(string) (string, bool)) string {
	if p.windows {
		t, ok := lookup("TEMP")
		if !ok {
			t, ok = lookup("TMP")
		}
		if !ok {
			root, ok := lookup("SystemRoot")
			if !ok {
				root, _ = lookup("windir")
			}
			t = root + `\temp`
		}
		if len(t) > 1 && strings.HasSuffix(t, `\`) && t[len(t)-2] != ':' {
			t = t[:len(t)-1]
		}
		return t
	}
	for _, k := range []string{"TMPDIR", "TMP", "TEMP"} {
		if t, ok := lookup(k); ok {
			if len(t) > 1 {
				t = strings.TrimSuffix(t, "/")
			}
			return t
		}
	}
	return "/tmp"
}
