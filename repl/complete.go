package repl

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/dop251/goja"
)

var (
	// require("fs/pro  or  import("asy
	requireRe = regexp.MustCompile(`(?:require|import)\(\s*["']([\w:@/.\-]*)$`)
	// a property chain being typed: asyncio.sle, globalTh, a.b.c
	chainRe = regexp.MustCompile(`((?:[A-Za-z_$][\w$]*\s*\.\s*)*)([A-Za-z_$][\w$]*)?$`)
	// valid as a completion after a dot
	identRe = regexp.MustCompile(`^[A-Za-z_$][\w$]*$`)
)

var keywords = []string{
	"async", "await", "break", "case", "catch", "class", "const", "continue",
	"default", "delete", "do", "else", "export", "extends", "false", "finally",
	"for", "function", "if", "import", "in", "instanceof", "let", "new", "null",
	"return", "super", "switch", "this", "throw", "true", "try", "typeof",
	"undefined", "var", "void", "while", "yield",
}

// completionTimeout bounds how long completion waits for a busy loop.
const completionTimeout = time.Second

// complete is liner's word completer: it completes global names, the
// properties along a property chain (asyncio.sle -> asyncio.sleep) and
// module names in require("...").
func (r *repl) complete(line string, pos int) (head string, completions []string, tail string) {
	runes := []rune(line)
	if pos > len(runes) {
		pos = len(runes)
	}
	before, tail := string(runes[:pos]), string(runes[pos:])
	if m := requireRe.FindStringSubmatch(before); m != nil {
		prefix := m[1]
		for _, n := range r.rt.ModuleNames() {
			if strings.HasPrefix(n, prefix) {
				completions = append(completions, n)
			}
		}
		return before[:len(before)-len(prefix)], completions, tail
	}
	loc := chainRe.FindStringSubmatchIndex(before)
	if loc == nil {
		return before, nil, tail
	}
	if loc[0] > 0 && strings.ContainsAny(before[loc[0]-1:loc[0]], ".])'\"`") {
		return before, nil, tail // a chain we cannot evaluate safely
	}
	var path []string
	if loc[2] >= 0 && loc[3] > loc[2] {
		for _, p := range strings.Split(before[loc[2]:loc[3]], ".") {
			if p = strings.TrimSpace(p); p != "" {
				path = append(path, p)
			}
		}
	}
	prefix := ""
	if loc[4] >= 0 {
		prefix = before[loc[4]:loc[5]]
	}
	if len(path) == 0 && prefix == "" {
		return before, nil, tail
	}
	names := r.propertyNames(path)
	if len(path) == 0 {
		names = append(names, keywords...)
	}
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] || !strings.HasPrefix(n, prefix) || !identRe.MatchString(n) {
			continue
		}
		if strings.HasPrefix(n, "__") && !strings.HasPrefix(prefix, "_") {
			continue // esbuild's helpers and engine internals
		}
		seen[n] = true
		completions = append(completions, n)
	}
	sort.Strings(completions)
	return before[:len(before)-len(prefix)], completions, tail
}

// propertyNames lists the property names (own and inherited) of the value
// at path from the global object. It only reads properties (no code of the
// input line runs) and gives up when the loop is busy.
func (r *repl) propertyNames(path []string) []string {
	ctx, cancel := context.WithTimeout(context.Background(), completionTimeout)
	defer cancel()
	ch := make(chan []string, 1)
	err := r.sess.Do(ctx, func(vm *goja.Runtime) {
		var out []string
		// a throwing getter (or proxy trap) just means no completions
		if ex := vm.Try(func() { out = ownAndInherited(vm, path) }); ex != nil {
			out = nil
		}
		ch <- out
	})
	if err != nil {
		return nil
	}
	return <-ch
}

func ownAndInherited(vm *goja.Runtime, path []string) []string {
	obj := vm.GlobalObject()
	for _, p := range path {
		v := obj.Get(p)
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return nil
		}
		obj = v.ToObject(vm)
	}
	var out []string
	for o, depth := obj, 0; o != nil && depth < 32; o, depth = o.Prototype(), depth+1 {
		out = append(out, o.GetOwnPropertyNames()...)
	}
	return out
}
