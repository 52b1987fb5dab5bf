package zlib_test

import (
	"testing"

	"github.com/arun-js/arun/runtime/runtimetest"
)

// TestScripts runs testdata/*.mjs; their // Output: is node v20's
// (TestNodeAgrees), except the *.arun.mjs files, where arun follows the
// Compression Streams standard and node 20 does not.
func TestScripts(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	runtimetest.RunScripts(t, "testdata")
}

// TestNodeAgrees runs the same scripts under node, when it is installed.
func TestNodeAgrees(t *testing.T) { runtimetest.CompareWithNode(t, "testdata") }

// TestAbandonedStream: a decompression stream the script never ends leaves
// no goroutine behind when the run ends (VerifyNoLeaks).
func TestAbandonedStream(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	res := runtimetest.Run(t, "", `const zlib = require("zlib");
const g = zlib.createGunzip();
g.write(zlib.gzipSync("x".repeat(1000)).subarray(0, 20), () => console.log("wrote"));
const d = new DecompressionStream("gzip");
d.readable.getReader().read();
d.writable.getWriter().write(new Uint8Array([0x1f, 0x8b])).then(() => console.log("web wrote"));`, runtimetest.VirtualOptions())
	// the two writes finish on goroutines of their own: in either order
	if res.Err != nil || (res.Stdout != "wrote\nweb wrote\n" && res.Stdout != "web wrote\nwrote\n") {
		t.Fatalf("got %q, %v", res.Stdout, res.Err)
	}
}
