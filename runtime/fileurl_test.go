package runtime

import (
	"net/url"
	"testing"
)

// TestFileURL: file URLs to and from POSIX and Windows paths, as Node's
// pathToFileURL and fileURLToPath.
func TestFileURL(t *testing.T) {
	for _, tc := range []struct {
		windows   bool
		path, url string
	}{
		{false, "/home/me/a b.js", "file:///home/me/a%20b.js"},
		{true, `C:\Users\me\x.js`, "file:///C:/Users/me/x.js"},
		{true, `\\server\share\x.js`, "file://server/share/x.js"},
	} {
		if got := fileURL(tc.path, tc.windows); got != tc.url {
			t.Errorf("fileURL(%q, %v) = %q, want %q", tc.path, tc.windows, got, tc.url)
		}
		u, _ := url.Parse(tc.url)
		if got, err := fileURLPath(u, tc.windows); err != nil || got != tc.path {
			t.Errorf("fileURLPath(%q, %v) = %q, %v; want %q", tc.url, tc.windows, got, err, tc.path)
		}
	}
	for _, tc := range []struct {
		windows bool
		url     string
	}{
		{false, "file://server/x.js"},
		{true, "file:///x.js"},
	} {
		u, _ := url.Parse(tc.url)
		if p, err := fileURLPath(u, tc.windows); err == nil {
			t.Errorf("fileURLPath(%q, %v) = %q, want an error", tc.url, tc.windows, p)
		}
	}
	u, _ := url.Parse("file://localhost/etc/x.js")
	if p, err := fileURLPath(u, false); err != nil || p != "/etc/x.js" {
		t.Errorf("localhost: %q, %v", p, err)
	}
}
