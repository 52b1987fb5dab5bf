package node

import (
	"testing"

	"github.com/dop251/goja"
)

// TestPlatformChoices: Node's Windows choices (path.win32 by default,
// "\r\n", \\.\nul, USERPROFILE) and the POSIX ones.
func TestPlatformChoices(t *testing.T) {
	win, lin := platformOf("windows"), platformOf("linux")
	for _, tc := range []struct{ name, got, want string }{
		{"windows path", win.pathFlavour(), "win32"},
		{"linux path", lin.pathFlavour(), "posix"},
		{"windows EOL", win.eol(), "\r\n"},
		{"linux EOL", lin.eol(), "\n"},
		{"windows devNull", win.devNull(), `\\.\nul`},
		{"linux devNull", lin.devNull(), "/dev/null"},
		{"windows home", win.homeVar(), "USERPROFILE"},
		{"linux home", lin.homeVar(), "HOME"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

// TestTmpdir: os.tmpdir's variables and trailing-separator rule, as Node's.
func TestTmpdir(t *testing.T) {
	for _, tc := range []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", map[string]string{}, "/tmp"},
		{"linux", map[string]string{"TMPDIR": "/var/tmp/", "TMP": "/x"}, "/var/tmp"},
		{"linux", map[string]string{"TEMP": "/"}, "/"},
		{"darwin", map[string]string{"TMPDIR": "/var/folders/xy/T/"}, "/var/folders/xy/T"},
		{"windows", map[string]string{"TEMP": `C:\Users\me\AppData\Local\Temp\`, "TMP": `D:\t`}, `C:\Users\me\AppData\Local\Temp`},
		{"windows", map[string]string{"TMP": `D:\`}, `D:\`},
		{"windows", map[string]string{"SystemRoot": `C:\Windows`}, `C:\Windows\temp`},
		{"windows", map[string]string{"windir": `C:\WINNT`}, `C:\WINNT\temp`},
		{"windows", map[string]string{"TMPDIR": "/tmp"}, `\temp`},
	} {
		lookup := func(k string) (string, bool) { v, ok := tc.env[k]; return v, ok }
		if got := platformOf(tc.goos).tmpdir(lookup); got != tc.want {
			t.Errorf("%s tmpdir with %v = %q, want %q", tc.goos, tc.env, got, tc.want)
		}
	}
}

// TestPathOnWindows: path.js as the Windows build runs it: posix.resolve
// starts from the cwd without its drive and with forward slashes, win32's
// from the cwd itself.
func TestPathOnWindows(t *testing.T) {
	vm := goja.New()
	v, err := vm.RunString(pathSrc)
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := goja.AssertFunction(v)
	cwd := vm.ToValue(func(goja.FunctionCall) goja.Value { return vm.ToValue(`C:\Users\me\proj`) })
	nodeError := vm.ToValue(func(goja.FunctionCall) goja.Value { return goja.Undefined() })
	for _, tc := range []struct {
		windows         bool
		flavour, expect string
	}{
		{true, "posix", "/Users/me/proj/a/b"},
		{true, "win32", `C:\Users\me\proj\a\b`},
		{false, "posix", `C:\Users\me\proj/a/b`},
	} {
		r, err := fn(goja.Undefined(), cwd, nodeError, vm.ToValue(tc.windows))
		if err != nil {
			t.Fatal(err)
		}
		resolve, _ := goja.AssertFunction(r.ToObject(vm).Get(tc.flavour).ToObject(vm).Get("resolve"))
		got, err := resolve(goja.Undefined(), vm.ToValue("a"), vm.ToValue("b"))
		if err != nil {
			t.Fatal(err)
		}
		if got.String() != tc.expect {
			t.Errorf("windows=%v %s.resolve('a', 'b') = %q, want %q", tc.windows, tc.flavour, got, tc.expect)
		}
	}
}
