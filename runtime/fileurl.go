package runtime

import (
	"errors"
	"net/url"
	"os"
	"strings"
)

// File URLs, as Node's pathToFileURL and fileURLToPath: on POSIX
// file:///home/me/x.js; on Windows file:///C:/Users/me/x.js, and a UNC
// path \\server\share\x.js is file://server/share/x.js.

// onWindows is whether paths are Windows paths (os.PathSeparator).
const onWindows = os.PathSeparator == '\\'

// fileURL is the file: URL of the absolute path p (a Windows path if
// windows).
func fileURL(p string, windows bool) string {
	if !windows {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	s := strings.ReplaceAll(p, `\`, "/")
	if rest, ok := strings.CutPrefix(s, "//"); ok {
		host, path, _ := strings.Cut(rest, "/")
		return (&url.URL{Scheme: "file", Host: host, Path: "/" + path}).String()
	}
	return (&url.URL{Scheme: "file", Path: "/" + s}).String()
}

// fileURLPath is the path of the file URL u (a Windows path if windows),
// or why it has none.
func fileURLPath(u *url.URL, windows bool) (string, error) {
	host := u.Host
	if host == "localhost" {
		host = ""
	}
	if !windows {
		if host != "" {
			return "", errors.New("not a local file URL")
		}
		return u.Path, nil
	}
	p := strings.ReplaceAll(u.Path, "/", `\`)
	if host != "" {
		return `\\` + host + p, nil
	}
	// \C:\x is C:\x
	if len(p) >= 3 && p[0] == '\\' && p[2] == ':' && isLetter(p[1]) {
		return p[1:], nil
	}
	return "", errors.New("a Windows file URL must name a drive (file:///C:/...) or a server")
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
