package navigator_test

import (
	"fmt"
	goruntime "runtime"
	"testing"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

func TestNavigator(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	src := `console.log(navigator.userAgent, navigator.hardwareConcurrency, navigator.language, navigator.languages.join(), Object.isFrozen(navigator.languages), String(navigator));
try { navigator.userAgent = "x"; } catch (e) {} console.log(navigator.userAgent === "x");`
	cases := []struct {
		name string
		env  map[string]string
		perm *runtime.Permissions
		lang string
	}{
		{"LANG", map[string]string{"LANG": "de_DE.UTF-8"}, nil, "de-DE"},
		{"LC_ALL wins", map[string]string{"LANG": "de_DE.UTF-8", "LC_ALL": "fr_CA"}, nil, "fr-CA"},
		{"C locale", map[string]string{"LANG": "C.UTF-8"}, nil, "en-US"},
		{"none", nil, nil, "en-US"},
		{"env denied", map[string]string{"LANG": "de_DE.UTF-8"}, &runtime.Permissions{}, "en-US"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opts := runtime.Options{Env: c.env}
			if c.perm != nil {
				opts.Permissions = c.perm
			}
			res := runtimetest.Run(t, "", src, opts)
			want := fmt.Sprintf("arun/%s %d %s %s true [object Navigator]\nfalse\n", runtime.Version, goruntime.NumCPU(), c.lang, c.lang)
			if res.Err != nil || res.Stdout != want {
				t.Errorf("got %q, %v; want %q", res.Stdout, res.Err, want)
			}
		})
	}
}
