// Command compare runs the same workloads under arun, node and python3
// asyncio (and deno and bun when they are on PATH), in one go on this
// machine, and prints a table: median wall time,
// peak RSS, and arun's ratios to python and node. Fetch workloads run
// against a loopback Go server started here, next to a plain Go net/http
// client loop (the ceiling). The Go client runs as its own process, as arun
// and node do (this binary re-executed with -goclient), so all three pay the
// same cross-process scheduling; the figure for a client in the server's own
// process is printed too, for reference.
//
// For the fetch workloads a third run sits between the two: arun's engine
// with a host function that does the whole request in Go (one goroutine
// round trip and one await per request, no Response, no second await;
// this binary re-executed with -fetchfloor). It is the least any binding
// of fetch can cost on this engine, so "arun fetch / Go client" can only
// be as low as "floor / Go client".
//
// A second table is the engine floor: arun running the Node version of each
// asyncio workload (plain promises and a few lines of JavaScript, no asyncio
// library), against python. Where even that takes more than half of
// python's time, or more memory, no change to arun's own code can meet the
// asyncio targets: what is left is the engine's cost per promise and per
// suspended async function.
//
// The I/O job (issue 30: 3,000 requests, a third of them slow, 100 at a
// time, a timeout on each, one retry, results to a file) gets its own
// tables: its forms under arun, node, deno and bun next to the same job in
// raw Go (this binary re-executed with -iojob), and the job under each
// timeout form (IOJOB_FORM), whose difference to "none" is the cost of a
// timeout per request.
//
//	go run ./bench/compare                 # everything, 3 runs each
//	go run ./bench/compare -runs 5 -only 'queue|sleep'
//	go run ./bench/compare -runs 1 -only iojob
//	go run ./bench/compare -serve          # just the server, for a script by hand
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/arun-js/arun/runtime"
	"github.com/dop251/goja"
)

type result struct {
	wall  time.Duration
	cpu   time.Duration // user + system
	rssKB int64
	out   string
	err   error
}

var order = []string{
	"hello", "sleeps_100k", "tasks_100k", "sleep0_1m", "queue_1x1", "queue_10x10",
	"semaphore_100k", "event_pingpong", "fetch_seq", "fetch_conc", "cpu_fib",
}

// ioJobN is the I/O job's request count (bench/workloads/iojob*).
const ioJobN = 3000

func main() {
	runs := flag.Int("runs", 3, "runs per workload and runtime (the median is reported)")
	only := flag.String("only", "", "regexp selecting workloads")
	dir := flag.String("dir", "bench/workloads", "workload directory")
	goclient := flag.String("goclient", "", "internal: run the Go client against this URL (-n requests, -c at a time) and exit")
	n := flag.Int("n", 10_000, "internal: requests for -goclient")
	c := flag.Int("c", 1, "internal: concurrency for -goclient and -fetchfloor")
	fetchfloor := flag.String("fetchfloor", "", "internal: run arun's fetch floor against this URL (-n requests, -c at a time) and exit")
	iojob := flag.String("iojob", "", "internal: run the I/O job in Go against this URL (-c at a time), writing BENCH_OUT, and exit")
	serve := flag.Bool("serve", false, "only run the loopback server (prints its URL) until interrupted")
	flag.Parse()
	if *serve {
		_, url := startServer()
		fmt.Println(url)
		select {}
	}
	if *iojob != "" {
		if err := goIOJob(*iojob, ioJobN, *c, os.Getenv("BENCH_OUT")); err != nil {
			fail(err)
		}
		return
	}
	if *goclient != "" {
		goClient(*goclient, *n, *c)
		return
	}
	if *fetchfloor != "" {
		if err := fetchFloor(*fetchfloor, *n, *c); err != nil {
			fail(err)
		}
		return
	}

	tmp, err := os.MkdirTemp("", "arun-bench")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(tmp)
	arun := filepath.Join(tmp, "arun")
	if out, err := exec.Command("go", "build", "-o", arun, "./cmd/arun").CombinedOutput(); err != nil {
		fail(fmt.Errorf("building arun: %v\n%s", err, out))
	}

	srv, url := startServer()
	defer srv.Close()
	env := append(os.Environ(), "BENCH_URL="+url, "BENCH_OUT="+filepath.Join(tmp, "iojob.out"))

	var sel *regexp.Regexp
	if *only != "" {
		sel = regexp.MustCompile(*only)
	}
	runtimes := []struct {
		name, ext string
		cmd       func(file string) []string
	}{
		{"arun", ".js", func(f string) []string { return []string{arun, f} }},
		{"node", ".mjs", func(f string) []string { return []string{"node", f} }},
		{"python", ".py", func(f string) []string { return []string{"python3", f} }},
		// Deno and Bun run the Node workloads as they are, when on PATH
		// (npm i deno bun in a scratch folder, then its node_modules/.bin)
		{"deno", ".mjs", func(f string) []string { return []string{"deno", "run", "-A", f} }},
		{"bun", ".mjs", func(f string) []string { return []string{"bun", f} }},
	}
	self, err := os.Executable()
	if err != nil {
		fail(err)
	}
	fmt.Printf("%d runs each, medians; %s, %d CPUs\n\n", *runs, time.Now().Format("2006-01-02 15:04"), numCPU())
	var header func()
	header = func() {
		fmt.Println("| workload | arun | node | python | arun/python | arun/node | RSS arun | RSS node | RSS python |")
		fmt.Println("|---|---|---|---|---|---|---|---|---|")
		header = func() {}
	}
	all := map[string]map[string]result{}
	for _, w := range order {
		if sel != nil && !sel.MatchString(w) {
			continue
		}
		res := map[string]result{}
		for _, rt := range runtimes {
			file := filepath.Join(*dir, w+rt.ext)
			if _, err := os.Stat(file); err != nil {
				continue
			}
			if _, err := exec.LookPath(rt.cmd(file)[0]); err != nil {
				continue
			}
			if fw, ok := fetchLoads[w]; ok && rt.name == "arun" {
				// arun's fetch runs once, interleaved with its floor and
				// the Go client (the second table)
				r := measureInterleaved([][]string{
					rt.cmd(file),
					{self, "-fetchfloor", url, "-n", fw.n, "-c", fw.c},
					{self, "-goclient", url, "-n", fw.n, "-c", fw.c},
				}, env, *runs)
				res["arun"], res["floor"], res["goclient"] = r[0], r[1], r[2]
				continue
			}
			res[rt.name] = measure(rt.cmd(file), env, *runs)
		}
		// the engine floor, measured next to the others (the machine's
		// load drifts): the Node version run by arun
		if _, ok := res["python"]; ok && res["node"].wall != 0 {
			res["plain"] = measure([]string{arun, filepath.Join(*dir, w+".mjs")}, env, *runs)
		}
		a, n, p := res["arun"], res["node"], res["python"]
		all[w] = res
		header()
		fmt.Printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", w,
			dur(a), dur(n), dur(p), ratio(a, p), ratio(a, n), rss(a), rss(n), rss(p))
		for name, r := range res {
			if r.err != nil {
				fmt.Fprintf(os.Stderr, "  %s %s failed: %v\n%s\n", w, name, r.err, r.out)
			}
		}
	}
	if sel == nil || sel.MatchString("iojob") {
		ioJobTables(arun, self, url, *dir, env, *runs)
	}
	floor := false
	for _, w := range order {
		pl, ok := all[w]["plain"]
		if !ok {
			continue
		}
		if !floor {
			floor = true
			fmt.Println("\nEngine floor: arun running the Node version (plain promises, no asyncio library)")
			fmt.Println("\n| workload | arun (asyncio) | arun (plain JS) | python | plain/python | RSS asyncio | RSS plain | RSS python |")
			fmt.Println("|---|---|---|---|---|---|---|---|")
		}
		a, p := all[w]["arun"], all[w]["python"]
		fmt.Printf("| %s | %s | %s | %s | %s | %s | %s | %s |\n", w, dur(a), dur(pl), dur(p), ratio(pl, p), rss(a), rss(pl), rss(p))
	}
	if haveAny(all, "deno", "bun") {
		fmt.Println("\n| workload | arun | deno | bun | arun/deno | arun/bun | RSS arun | RSS deno | RSS bun |")
		fmt.Println("|---|---|---|---|---|---|---|---|---|")
		for _, w := range order {
			res, ok := all[w]
			if !ok {
				continue
			}
			a, d, b := res["arun"], res["deno"], res["bun"]
			fmt.Printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", w,
				dur(a), dur(d), dur(b), ratio(a, d), ratio(a, b), rss(a), rss(d), rss(b))
		}
	}
	if all["fetch_seq"] != nil || all["fetch_conc"] != nil {
		fmt.Println("\nfetch against the ceiling (a plain Go net/http client loop in its own process) and the engine floor")
		fmt.Println("(arun with a host function doing each request in Go: one goroutine round trip and one await per")
		fmt.Println("request), measured interleaved:")
		fmt.Println("\n| workload | arun fetch | floor | Go client | arun/Go | floor/Go | arun/floor |")
		fmt.Println("|---|---|---|---|---|---|---|")
		for _, w := range []string{"fetch_seq", "fetch_conc"} {
			r, ok := all[w]
			if !ok {
				continue
			}
			a, fl, gc := r["arun"], r["floor"], r["goclient"]
			fmt.Printf("| %s | %s | %s | %s | %s | %s | %s |\n", w, dur(a), dur(fl), dur(gc),
				ratio(a, gc), ratio(fl, gc), ratio(a, fl))
		}
		fmt.Printf("same Go client inside this process, next to the server: fetch_seq %s, fetch_conc %s\n",
			goClient(url, 10_000, 1).Round(time.Millisecond), goClient(url, 40_000, 50).Round(time.Millisecond))
	}
}

// fetchLoads are the fetch workloads' request counts and concurrency, for
// the floor and the Go client.
var fetchLoads = map[string]struct{ n, c string }{
	"fetch_seq":  {"10000", "1"},
	"fetch_conc": {"40000", "50"},
}

func measure(argv, env []string, runs int) result {
	return measureInterleaved([][]string{argv}, env, runs)[0]
}

// measureInterleaved runs each command once per round, runs rounds, and
// returns each one's median (or its first failure): the machine's load
// drifts, and commands compared with each other should see the same drift.
func measureInterleaved(argvs [][]string, env []string, runs int) []result {
	all := make([][]result, len(argvs))
	failed := make([]*result, len(argvs))
	for i := 0; i < runs; i++ {
		for k, argv := range argvs {
			if failed[k] != nil {
				continue
			}
			r := runOnce(argv, env)
			if r.err != nil {
				failed[k] = &r
				continue
			}
			all[k] = append(all[k], r)
		}
	}
	out := make([]result, len(argvs))
	for k := range argvs {
		if failed[k] != nil {
			out[k] = *failed[k]
			continue
		}
		out[k] = median(all[k])
	}
	return out
}

// median is the run of median wall time, with the median CPU of the runs,
// whichever run that was.
func median(rs []result) result {
	cpus := make([]time.Duration, len(rs))
	for i, r := range rs {
		cpus[i] = r.cpu
	}
	sort.Slice(cpus, func(i, j int) bool { return cpus[i] < cpus[j] })
	sort.Slice(rs, func(i, j int) bool { return rs[i].wall < rs[j].wall })
	m := rs[len(rs)/2]
	m.cpu = cpus[len(cpus)/2]
	return m
}

func runOnce(argv, env []string) result {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	r := result{wall: time.Since(start), out: out.String(), err: err}
	r.rssKB = peakRSSKB(cmd.ProcessState)
	if ps := cmd.ProcessState; ps != nil {
		r.cpu = ps.UserTime() + ps.SystemTime()
	}
	return r
}

func dur(r result) string {
	if r.wall == 0 {
		return "-"
	}
	if r.err != nil {
		return "failed"
	}
	return fmt.Sprintf("%.3fs", r.wall.Seconds())
}

func rss(r result) string {
	if r.rssKB == 0 || r.err != nil {
		return "-"
	}
	return fmt.Sprintf("%d MB", r.rssKB/1024)
}

func ratio(a, b result) string {
	if a.wall == 0 || b.wall == 0 || a.err != nil || b.err != nil {
		return "-"
	}
	return fmt.Sprintf("%.2fx", a.wall.Seconds()/b.wall.Seconds())
}

func startServer() (*http.Server, string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail(err)
	}
	body := []byte(strings.Repeat("arun bench ", 10))
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" { // the I/O job's slow third
			time.Sleep(20 * time.Millisecond)
		}
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write(body)
	})}
	go func() { _ = srv.Serve(ln) }()
	return srv, "http://" + ln.Addr().String() + "/"
}

// goClient is the ceiling: n requests, c at a time, with one pooled client.
func goClient(url string, n, c int) time.Duration {
	if n <= 0 || c <= 0 {
		fail(fmt.Errorf("goclient: -n and -c must be positive"))
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: c}}
	var next int64
	var mu sync.Mutex
	start := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < c; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				if next >= int64(n) {
					mu.Unlock()
					return
				}
				next++
				mu.Unlock()
				req, _ := http.NewRequestWithContext(context.Background(), "GET", url, nil)
				resp, err := client.Do(req)
				if err != nil {
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	return time.Since(start)
}

// fetchFloor is the least a fetch binding can cost on arun's engine: a
// runtime (tuned as the CLI tunes it) whose script awaits getText(url), a
// host function that does the request and reads the body in Go, n times,
// c at a time.
func fetchFloor(url string, n, c int) error {
	if n <= 0 || c <= 0 {
		return fmt.Errorf("fetchfloor: -n and -c must be positive")
	}
	defer runtime.TuneGC(runtime.DefaultMinHeap)()
	rt, err := runtime.New(runtime.Options{Permissions: runtime.AllowAll(), Stdout: os.Stdout, Stderr: os.Stderr})
	if err != nil {
		return err
	}
	defer rt.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: c}}
	env := rt.Env()
	if err := env.VM.Set("getText", func(u string) goja.Value {
		return env.Async("getText "+u, func(ctx context.Context) (any, error) {
			req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
			if err != nil {
				return nil, err
			}
			resp, err := client.Do(req)
			if err != nil {
				return nil, err
			}
			defer resp.Body.Close()
			b, err := io.ReadAll(resp.Body)
			return string(b), err
		})
	}); err != nil {
		return err
	}
	src := fmt.Sprintf(`const url = %q;
let left = %d, bytes = 0;
async function worker() { while (left-- > 0) { const t = await getText(url); bytes += t.length; } }
await Promise.all(Array.from({ length: %d }, worker));
console.log("done", bytes);`, url, n, c)
	return rt.RunString(context.Background(), "fetchfloor.js", src)
}

// haveAny reports whether any workload has a result from one of names.
func haveAny(all map[string]map[string]result, names ...string) bool {
	for _, res := range all {
		for _, n := range names {
			if _, ok := res[n]; ok {
				return true
			}
		}
	}
	return false
}

func numCPU() int {
	out, err := exec.Command("nproc").Output()
	if err != nil {
		return 0
	}
	var n int
	fmt.Sscan(string(out), &n)
	return n
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "compare:", err)
	os.Exit(1)
}

// ioJobTables measures the I/O job: each form under each runtime next to
// the job in raw Go (interleaved, one round per run), then the job under
// each timeout form.
func ioJobTables(arun, self, url, dir string, env []string, runs int) {
	type entry struct{ name, rt string }
	var names []entry
	var argvs [][]string
	add := func(name, rt string, argv ...string) {
		if _, err := exec.LookPath(argv[0]); err != nil {
			return
		}
		names = append(names, entry{name, rt})
		argvs = append(argvs, argv)
	}
	js, mjs := filepath.Join(dir, "iojob.js"), filepath.Join(dir, "iojob.mjs")
	pjs, pmjs := filepath.Join(dir, "iojob_pool.js"), filepath.Join(dir, "iojob_pool.mjs")
	add("raw Go (net/http, 100 goroutines, context.WithTimeout)", "go", self, "-iojob", url, "-c", "100")
	add("arun, asyncio form (Semaphore.withAcquire, waitFor(fetch(u), 5))", "arun", arun, js)
	add("arun, web form (fetch(u, {signal: AbortSignal.timeout(5000)}))", "arun", arun, mjs)
	add("arun, worker pool (100 tasks, asyncio.timeout(5, ...))", "arun", arun, pjs)
	for _, rt := range []struct {
		name string
		argv []string
	}{
		{"node", []string{"node"}}, {"deno", []string{"deno", "run", "-A"}}, {"bun", []string{"bun"}},
	} {
		add(rt.name+", web form", rt.name, append(append([]string{}, rt.argv...), mjs)...)
		add(rt.name+", worker pool (AbortSignal.timeout)", rt.name, append(append([]string{}, rt.argv...), pmjs)...)
	}
	res := measureInterleaved(argvs, env, runs)
	fmt.Printf("\nThe I/O job: %d requests (a third wait 20 ms), 100 at a time, a 5 s timeout on each, one retry,\nresults to a file; the whole process, %d run(s), medians\n\n", ioJobN, runs)
	fmt.Println("| the same job | wall | peak RSS | /raw Go |")
	fmt.Println("|---|---|---|---|")
	for i, e := range names {
		fmt.Printf("| %s | %s | %s | %s |\n", e.name, dur(res[i]), rss(res[i]), ratio(res[i], res[0]))
		if res[i].err != nil {
			fmt.Fprintf(os.Stderr, "  iojob %s failed: %v\n%s\n", e.name, res[i].err, res[i].out)
		}
	}

	// the timeout forms: the job with each, against the job with none
	forms := []struct{ form, what, file string }{
		{"none", "none (plain fetch)", js},
		{"signal", "`fetch(u, { signal: AbortSignal.timeout(5000) })`", js},
		{"any", "`AbortSignal.any([controller.signal, AbortSignal.timeout(5000)])`", js},
		{"timeout", "`asyncio.timeout(5, () => fetch(u))`", js},
		{"waitFor", "`asyncio.waitFor(fetch(u), 5)`", js},
		{"setTimeout", "`setTimeout` + `clearTimeout` aborting a controller", js},
	}
	argvs = argvs[:0]
	var envs [][]string
	for _, f := range forms {
		argvs = append(argvs, []string{arun, f.file})
		envs = append(envs, append(append([]string{}, env...), "IOJOB_FORM="+f.form))
	}
	var bun []result
	bunForms := []string{"none", "signal", "any", "setTimeout"}
	if _, err := exec.LookPath("bun"); err == nil {
		for _, f := range bunForms {
			argvs = append(argvs, []string{"bun", mjs})
			envs = append(envs, append(append([]string{}, env...), "IOJOB_FORM="+f))
		}
	}
	all := measureInterleavedEnv(argvs, envs, runs)
	if len(all) > len(forms) {
		bun = all[len(forms):]
	}
	fmt.Println("\nThe cost per request is the form's time less none's, over the requests: wall (the loop is the")
	fmt.Println("bottleneck at 100 in flight) and CPU (user + system, every core: steadier on a shared machine).")
	fmt.Println("\n| per-request timeout | arun | cost per request | arun CPU | CPU per request | bun |")
	fmt.Println("|---|---|---|---|---|---|")
	for i, f := range forms {
		b := "-"
		for k, bf := range bunForms {
			if bf == f.form && bun != nil {
				b = dur(bun[k])
			}
		}
		cost, cpuCost := "-", "-"
		if i > 0 && all[i].err == nil && all[0].err == nil {
			cost = fmt.Sprintf("%+.0f us", (all[i].wall-all[0].wall).Seconds()*1e6/ioJobN)
			cpuCost = fmt.Sprintf("%+.0f us", (all[i].cpu-all[0].cpu).Seconds()*1e6/ioJobN)
		}
		cpu := "-"
		if all[i].err == nil {
			cpu = fmt.Sprintf("%.3fs", all[i].cpu.Seconds())
		}
		fmt.Printf("| %s | %s | %s | %s | %s | %s |\n", f.what, dur(all[i]), cost, cpu, cpuCost, b)
		if all[i].err != nil {
			fmt.Fprintf(os.Stderr, "  iojob form %s failed: %v\n%s\n", f.form, all[i].err, all[i].out)
		}
	}
}

// goIOJob is the I/O job in raw Go: n requests, c goroutines, each request
// (and its body) under a 5 s context timeout, one retry, the lines written
// to out.
func goIOJob(url string, n, c int, out string) error {
	if c <= 0 || out == "" {
		return fmt.Errorf("iojob: -c must be positive and BENCH_OUT set")
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: c}}
	lines := make([]string, n)
	get := func(u string) (string, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
		if err != nil {
			return "", err
		}
		resp, err := client.Do(req)
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return fmt.Sprintf("%d %d", resp.StatusCode, len(b)), err
	}
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < c; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				u := fmt.Sprintf("%s?i=%d", url, i)
				if i%3 == 0 {
					u = fmt.Sprintf("%sslow?i=%d", url, i)
				}
				for try := 1; ; try++ {
					s, err := get(u)
					if err == nil {
						lines[i] = fmt.Sprintf("%d %s", i, s)
						break
					}
					if try == 2 {
						lines[i] = fmt.Sprintf("%d failed %v", i, err)
						break
					}
				}
			}
		}()
	}
	wg.Wait()
	if err := os.WriteFile(out, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		return err
	}
	fmt.Println("done", n)
	return nil
}

// measureInterleavedEnv is measureInterleaved with an environment per
// command.
func measureInterleavedEnv(argvs, envs [][]string, runs int) []result {
	all := make([][]result, len(argvs))
	out := make([]result, len(argvs))
	for i := 0; i < runs; i++ {
		for k, argv := range argvs {
			if out[k].err != nil {
				continue
			}
			r := runOnce(argv, envs[k])
			if r.err != nil {
				out[k] = r
				continue
			}
			all[k] = append(all[k], r)
		}
	}
	for k := range argvs {
		if out[k].err != nil {
			continue
		}
		out[k] = median(all[k])
	}
	return out
}
