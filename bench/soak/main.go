// Command soak builds arun, runs bench/soak/soak.js (10,000 asyncio tasks in
// sleep loops and hundreds of fetches in flight against a loopback
// arun:http server) for a duration, samples the child's resident memory
// (VmRSS in /proc/PID/status, Linux only) every few seconds, and prints a
// table of RSS over time and the growth from the first minute to the end.
//
//	go run ./bench/soak -duration 3m
//
// A steady RSS after the first minute means no leak per task turn or per
// request; the script must also stop by itself at the end of the duration.
package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	duration := flag.Duration("duration", 2*time.Minute, "how long the workload runs")
	every := flag.Duration("every", 5*time.Second, "RSS sampling interval")
	tasks := flag.Int("tasks", 10000, "asyncio tasks in sleep loops")
	fetchers := flag.Int("fetchers", 200, "fetches kept in flight")
	flag.Parse()
	if goruntime.GOOS != "linux" {
		fmt.Fprintln(os.Stderr, "soak: RSS sampling needs /proc (Linux)")
		os.Exit(2)
	}
	if err := run(*duration, *every, *tasks, *fetchers); err != nil {
		fmt.Fprintln(os.Stderr, "soak:", err)
		os.Exit(1)
	}
}

type sample struct {
	at  time.Duration
	rss int64 // KiB
}

func run(duration, every time.Duration, tasks, fetchers int) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "arun-soak")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "arun")
	build := exec.Command("go", "build", "-o", bin, "./cmd/arun")
	build.Dir, build.Stdout, build.Stderr = root, os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building arun: %w", err)
	}

	// the script stops by itself; the deadline only guards against a hang
	ctx, cancel := context.WithTimeout(context.Background(), duration+2*time.Minute)
	defer cancel()
	secs := strconv.FormatFloat(duration.Seconds(), 'f', -1, 64)
	cmd := exec.CommandContext(ctx, bin, filepath.Join(root, "bench", "soak", "soak.js"), secs, strconv.Itoa(tasks), strconv.Itoa(fetchers))
	cmd.Dir = root
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return err
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			fmt.Printf("  [%6.1fs] %s\n", time.Since(start).Seconds(), sc.Text())
		}
		_, _ = io.Copy(io.Discard, stdout)
	}()
	exited := make(chan error, 1)
	go func() {
		wg.Wait()
		exited <- cmd.Wait()
	}()

	fmt.Printf("soak: %d tasks, %d fetchers, %v (pid %d)\n", tasks, fetchers, duration, cmd.Process.Pid)
	var samples []sample
	tick := time.NewTicker(every)
	defer tick.Stop()
	var runErr error
loop:
	for {
		select {
		case runErr = <-exited:
			break loop
		case <-tick.C:
			if kb, err := vmRSS(cmd.Process.Pid); err == nil {
				samples = append(samples, sample{time.Since(start), kb})
			}
		}
	}
	total := time.Since(start)
	report(samples, total)
	if runErr != nil {
		return fmt.Errorf("arun exited with %v after %v\nstderr:\n%s", runErr, total.Round(time.Millisecond), stderr.String())
	}
	if total > duration+30*time.Second {
		return fmt.Errorf("the script took %v to stop after a %v run", total-duration, duration)
	}
	fmt.Printf("stopped by itself %.1fs after the %v deadline\n", (total - duration).Seconds(), duration)
	return nil
}

// report prints the RSS table and the growth from minute 1 to the end.
func report(samples []sample, total time.Duration) {
	if len(samples) == 0 {
		fmt.Println("no RSS samples")
		return
	}
	fmt.Printf("\n%8s  %10s\n", "time", "RSS (MiB)")
	var peak int64
	for _, s := range samples {
		fmt.Printf("%7.0fs  %10.1f\n", s.at.Seconds(), float64(s.rss)/1024)
		peak = max(peak, s.rss)
	}
	// the first sample at or after one minute is the baseline: the first
	// minute is warm-up (the tasks start, the connection pool fills)
	base := -1
	for i, s := range samples {
		if s.at >= time.Minute {
			base = i
			break
		}
	}
	last := samples[len(samples)-1]
	fmt.Printf("peak %.1f MiB, run %v\n", float64(peak)/1024, total.Round(time.Second))
	if base < 0 || base == len(samples)-1 {
		fmt.Println("growth from minute 1: run shorter than a minute and a sample")
		return
	}
	b := samples[base]
	delta := last.rss - b.rss
	mins := (last.at - b.at).Minutes()
	fmt.Printf("growth from %.0fs (%.1f MiB) to %.0fs (%.1f MiB): %+.1f MiB (%+.1f%%), %+.2f MiB/min\n",
		b.at.Seconds(), float64(b.rss)/1024, last.at.Seconds(), float64(last.rss)/1024,
		float64(delta)/1024, 100*float64(delta)/float64(b.rss), float64(delta)/1024/mins)
}

// vmRSS reads VmRSS (KiB) from /proc/PID/status.
func vmRSS(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			f := strings.Fields(rest)
			if len(f) == 0 {
				break
			}
			return strconv.ParseInt(f[0], 10, 64)
		}
	}
	return 0, fmt.Errorf("no VmRSS in /proc/%d/status", pid)
}

// moduleRoot is the directory of go.mod, found from the working directory
// up.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}
