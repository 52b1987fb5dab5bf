package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/arun-js/arun/runtime"
)

// parseArgs reads the flags before FILE; everything after FILE (or after
// -e CODE) belongs to the script. done means exit now with code.
func parseArgs(args []string, stdout, stderr io.Writer) (cfg config, code int, done bool) {
	cfg.opts.Permissions = runtime.AllowAll()
	var perms *runtime.Permissions // set once a permission flag is seen
	grant := func() *runtime.Permissions {
		if perms == nil {
			perms = &runtime.Permissions{}
		}
		return perms
	}
	bad := func(format string, a ...any) (config, int, bool) {
		fmt.Fprintf(stderr, "arun: "+format+"\n", a...)
		fmt.Fprintln(stderr, "run 'arun --help' for usage")
		return cfg, exitUsage, true
	}
	i := 0
	for ; i < len(args); i++ {
		a := args[i]
		if a == "-" {
			cfg.stdin = true
			i++
			break
		}
		if !strings.HasPrefix(a, "-") {
			break
		}
		name, val, hasVal := strings.Cut(a, "=")
		name = "--" + strings.TrimLeft(name, "-")
		switch name {
		case "--help", "--h":
			fmt.Fprint(stdout, usage)
			return cfg, exitOK, true
		case "--version", "--v":
			fmt.Fprint(stdout, versionText(buildInfo(), commit))
			return cfg, exitOK, true
		case "--e", "--eval":
			if !hasVal {
				if i+1 >= len(args) {
					return bad("%s needs CODE", a)
				}
				i++
				val = args[i]
			}
			cfg.eval = &val
			i++
			goto rest
		case "--virtual-time":
			cfg.opts.VirtualTime = true
			if hasVal {
				t, err := parseTimeOrigin(val)
				if err != nil {
					return bad("%v", err)
				}
				cfg.opts.TimeOrigin = t
			}
		case "--debug":
			cfg.opts.Debug = true
		case "--trace":
			if !hasVal {
				if i+1 >= len(args) {
					return bad("--trace needs a FILE (.json or .html)")
				}
				i++
				val = args[i]
			}
			cfg.trace = val
		case "--location":
			if !hasVal {
				if i+1 >= len(args) {
					return bad("--location needs an http or https URL")
				}
				i++
				val = args[i]
			}
			cfg.opts.Location = val
		case "--timeout":
			if !hasVal {
				if i+1 >= len(args) {
					return bad("--timeout needs a duration")
				}
				i++
				val = args[i]
			}
			d, err := time.ParseDuration(val)
			if err != nil || d <= 0 {
				return bad("--timeout: invalid duration %q (use Go syntax: 500ms, 10s, 2m)", val)
			}
			cfg.timeout = d
		case "--max-memory":
			if !hasVal {
				if i+1 >= len(args) {
					return bad("--max-memory needs a size (512M, 2G)")
				}
				i++
				val = args[i]
			}
			n, err := parseSize(val)
			if err != nil {
				return bad("--max-memory: %v", err)
			}
			cfg.opts.MaxMemory = n
		case "--unhandled-rejections":
			if !hasVal {
				if i+1 >= len(args) {
					return bad("--unhandled-rejections needs strict, warn or none")
				}
				i++
				val = args[i]
			}
			p, err := runtime.ParseRejectionPolicy(val)
			if err != nil {
				return bad("%v", err)
			}
			cfg.opts.UnhandledRejections = p
		case "--sandbox":
			grant()
		case "--allow-read":
			p := grant()
			if hasVal {
				p.Read = append(p.Read, splitList(val)...)
			} else {
				p.ReadAll = true
			}
		case "--allow-write":
			p := grant()
			if hasVal {
				p.Write = append(p.Write, splitList(val)...)
			} else {
				p.WriteAll = true
			}
		case "--allow-net":
			p := grant()
			if hasVal {
				p.Net = append(p.Net, splitList(val)...)
			} else {
				p.NetAll = true
			}
		case "--allow-env":
			grant().EnvAll = true
		case "--allow-run":
			p := grant()
			if hasVal {
				p.Run = append(p.Run, splitList(val)...)
			} else {
				p.RunAll = true
			}
		case "--allow-all":
			perms = runtime.AllowAll()
		default:
			return bad("unknown flag %s", a)
		}
	}
	if cfg.eval == nil && !cfg.stdin && i < len(args) {
		cfg.file = args[i]
		i++
	}
rest:
	if perms != nil {
		cfg.opts.Permissions = perms
	}
	if i < len(args) {
		cfg.opts.Args = append(cfg.opts.Args, args[i:]...)
	}
	script := cfg.file
	switch {
	case cfg.eval != nil:
		script = "[eval]"
	case cfg.stdin:
		script = "-"
	}
	if script != "" {
		cfg.opts.Args = append([]string{script}, cfg.opts.Args...)
	}
	return cfg, 0, false
}

// parseTimeOrigin reads the TIME of --virtual-time=TIME: RFC 3339
// (2024-01-01T00:00:00Z, with an offset or fractional seconds) or a date
// (2024-01-01, midnight UTC).
func parseTimeOrigin(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("--virtual-time: invalid time %q (use RFC 3339, 2024-01-01T00:00:00Z, or a date, 2024-01-01)", s)
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// parseSize reads a --max-memory size: a number with an optional binary
// unit, case-insensitive (B; K, KB, KiB = 1024; M, MB, MiB; G, GB, GiB;
// T, TB, TiB), as docker's --memory and the JVM's -Xmx read theirs: 512M,
// 2G, 1.5GiB, 100MB. Less than 1 MiB is refused: the runtime alone needs
// more, so such a bound is a missing unit.
func parseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	num := strings.TrimRightFunc(t, func(r rune) bool { return r >= 'a' && r <= 'z' })
	unit := strings.TrimSpace(t[len(num):])
	shift := -1
	for i, names := range [][]string{{"", "b"}, {"k", "kb", "kib"}, {"m", "mb", "mib"}, {"g", "gb", "gib"}, {"t", "tb", "tib"}} {
		for _, n := range names {
			if unit == n {
				shift = 10 * i
			}
		}
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	switch {
	case shift < 0 || err != nil || num == "" || math.IsNaN(v) || math.IsInf(v, 0):
		return 0, fmt.Errorf("invalid size %q (use a number and a unit: 512M, 2G, 100MB)", s)
	case v*float64(uint64(1)<<shift) >= math.MaxInt64:
		return 0, fmt.Errorf("size %q is too large", s)
	}
	n := int64(v * float64(uint64(1)<<shift))
	if n < 1<<20 {
		return 0, errors.New("size " + strconv.Quote(s) + " is below 1 MiB (use a unit: 512M, 2G)")
	}
	return n, nil
}
