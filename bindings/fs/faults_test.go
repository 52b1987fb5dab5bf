package fs_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// TestFaults: the file system failing under the script (a full disk, a
// file deleted while open, a closed handle, data that throws when
// converted) gives Node's JS errors with their codes, never a crash.
func TestFaults(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full on this system")
	}
	const show = `const fs = require("fs/promises");
const show = (w, e) => console.log(w, e.name, e.code, e.errno, e.syscall, e.path === undefined ? "-" : e.path.split("/").pop(), e instanceof Error);
`
	tests := []struct {
		name, src, want string
	}{
		{"full disk writeFile", `try { await fs.writeFile("/dev/full", "x"); console.log("no error") } catch (e) { show("writeFile", e); console.log(e.message) }`,
			"writeFile Error ENOSPC -28 write - true\nENOSPC: no space left on device, write"},
		{"full disk appendFile", `try { await fs.appendFile("/dev/full", new Uint8Array(1 << 16)); console.log("no error") } catch (e) { show("appendFile", e) }`,
			"appendFile Error ENOSPC -28 write - true"},
		{"full disk FileHandle", `const fh = await fs.open("/dev/full", "w");
try { await fh.write("hello"); console.log("no error") } catch (e) { show("write", e) }
try { await fh.writeFile("hello"); console.log("no error") } catch (e) { show("writeFile", e) }
await fh.close(); console.log("closed");`,
			"write Error ENOSPC -28 write - true\nwriteFile Error ENOSPC -28 write - true\nclosed"},
		{"full disk sync", `const fss = require("fs");
try { fss.writeFileSync("/dev/full", "x"); console.log("no error") } catch (e) { show("writeFileSync", e) }`,
			"writeFileSync Error ENOSPC -28 write - true"},
		{"deleted under an open handle", `await fs.writeFile("victim.txt", "still here");
const h = await fs.open("victim.txt", "r");
await fs.unlink("victim.txt");
console.log(await h.readFile("utf8"));
const buf = Buffer.alloc(5);
const { bytesRead } = await h.read(buf, 0, 5, 6);
console.log(bytesRead, buf.subarray(0, bytesRead).toString());
const st = await h.stat(); console.log("nlink", st.nlink, "size", st.size);
for (const [w, f] of [["stat", () => fs.stat("victim.txt")], ["readFile", () => fs.readFile("victim.txt")],
    ["open", () => fs.open("victim.txt", "r+")], ["rename", () => fs.rename("victim.txt", "other.txt")], ["unlink", () => fs.unlink("victim.txt")]]) {
  try { await f(); console.log(w, "no error") } catch (e) { show(w, e) }
}
await h.close();
try { await h.readFile(); console.log("no error") } catch (e) { show("after close", e) }`,
			"still here\n4 here\nnlink 0 size 10\nstat Error ENOENT -2 stat victim.txt true\nreadFile Error ENOENT -2 open victim.txt true\n" +
				"open Error ENOENT -2 open victim.txt true\nrename Error ENOENT -2 rename victim.txt true\nunlink Error ENOENT -2 unlink victim.txt true\n" +
				"after close Error EBADF -9 read - true"},
		{"directory removed under the script", `await fs.mkdir("d/e", { recursive: true });
await fs.writeFile("d/e/f.txt", "x");
await fs.rm("d", { recursive: true });
try { await fs.writeFile("d/e/g.txt", "y"); console.log("no error") } catch (e) { show("writeFile", e) }
try { await fs.readdir("d"); console.log("no error") } catch (e) { show("readdir", e) }`,
			"writeFile Error ENOENT -2 open g.txt true\nreaddir Error ENOENT -2 scandir d true"},
		{"data that throws", `try { await fs.writeFile("t.txt", { toString() { throw new RangeError("toString") } }); console.log("no error") } catch (e) { console.log(e.name, e.code) }
try { await fs.writeFile("t.txt", "x", { get encoding() { throw new RangeError("getter") } }); console.log("no error") } catch (e) { console.log(e.name, e.message) }`,
			"TypeError ERR_INVALID_ARG_TYPE\nRangeError getter"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			res := run(t, dir, show+tc.src, runtime.AllowAll())
			if res.Err != nil {
				t.Fatalf("run failed: %v\nstdout:\n%s", res.Err, res.Stdout)
			}
			if got := strings.TrimSpace(res.Stdout); got != tc.want {
				t.Errorf("stdout:\n%s\nwant:\n%s", got, tc.want)
			}
			if entries, _ := os.ReadDir(dir); tc.name == "deleted under an open handle" && len(entries) != 0 {
				t.Errorf("left files behind: %v", entries)
			}
		})
	}
}

// TestFaultReadOnlyDir: a write into a directory the process may not
// write gives EACCES (skipped as root, who may write anywhere).
func TestFaultReadOnlyDir(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	if os.Geteuid() == 0 {
		t.Skip("root ignores directory permissions")
	}
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	res := run(t, dir, `try { await require("fs/promises").writeFile("ro/x.txt", "x") } catch (e) { console.log(e.code, e.syscall) }`, runtime.AllowAll())
	if got := strings.TrimSpace(res.Stdout); got != "EACCES open" {
		t.Errorf("stdout %q, want EACCES open (err %v)", got, res.Err)
	}
}
