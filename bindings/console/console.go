package console

import (
	"bytes"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/arun-js/arun/bindings"
	"github.com/dop251/goja"
)

// Options for Install.
type Options struct {
	// Stdout receives log, info, debug, dir, table, time*, count and group
	// output. nil means os.Stdout.
	Stdout io.Writer
	// Stderr receives error, warn, trace and assert output. nil means os.Stderr.
	Stderr io.Writer
	// Now is the monotonic clock used by console.time/timeLog/timeEnd (the
	// event-loop clock). nil means time.Since(the moment Install ran).
	Now func() time.Duration
	// Colors enables ANSI colors when inspecting non-string arguments.
	Colors bool
}

type console struct {
	r      *realm
	stdout io.Writer
	stderr io.Writer
	now    func() time.Duration
	colors bool

	mu     sync.Mutex
	indent string
	times  map[string]time.Duration
	counts map[string]int
}

// Install creates the console object on vm's global object.
func Install(vm *goja.Runtime, opts Options) error {
	c := &console{
		r:      newRealm(vm),
		stdout: opts.Stdout,
		stderr: opts.Stderr,
		now:    opts.Now,
		colors: opts.Colors,
		times:  map[string]time.Duration{},
		counts: map[string]int{},
	}
	if c.stdout == nil {
		c.stdout = os.Stdout
	}
	if c.stderr == nil {
		c.stderr = os.Stderr
	}
	if c.now == nil {
		start := time.Now()
		c.now = func() time.Duration { return time.Since(start) }
	}
	// Pre-resolve intrinsics used on hot paths so that later tampering with
	// globals does not affect console output.
	for _, p := range []string{"String", "JSON.stringify", "parseInt", "parseFloat",
		"Error.prototype.toString", "RegExp.prototype.toString", "Date.prototype.toISOString",
		"Date.prototype.getTime"} {
		c.r.method(p)
	}

	obj := vm.NewObject()
	methods := []struct {
		name string
		fn   func(goja.FunctionCall) goja.Value
	}{
		{"log", c.log},
		{"warn", c.warn},
		{"dir", c.dir},
		{"time", c.time},
		{"timeEnd", c.timeEnd},
		{"timeLog", c.timeLog},
		{"trace", c.trace},
		{"assert", c.assert},
		{"clear", func(goja.FunctionCall) goja.Value { return goja.Undefined() }},
		{"count", c.count},
		{"countReset", c.countReset},
		{"group", c.group},
		{"groupEnd", c.groupEnd},
		{"table", c.table},
		{"debug", c.log},
		{"info", c.log},
		{"dirxml", c.log},
		{"error", c.warn},
		{"groupCollapsed", c.group},
	}
	for _, m := range methods {
		fn := vm.ToValue(m.fn).(*goja.Object)
		_ = fn.DefineDataProperty("name", vm.ToValue(m.name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		if err := obj.Set(m.name, fn); err != nil {
			return err
		}
	}
	if err := obj.DefineDataPropertySymbol(goja.SymToStringTag, vm.ToValue("console"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return err
	}
	return vm.GlobalObject().DefineDataProperty("console", obj, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

func (c *console) write(w io.Writer, s string) {
	c.mu.Lock()
	indent := c.indent
	c.mu.Unlock()
	if indent != "" {
		if strings.Contains(s, "\n") {
			s = strings.ReplaceAll(s, "\n", "\n"+indent)
		}
		s = indent + s
	}
	_, _ = io.WriteString(w, s+"\n")
}

func (c *console) format(args []goja.Value) string {
	if len(args) == 1 {
		if s, ok := args[0].(goja.String); ok {
			return s.String()
		}
	}
	return formatWith(c.r, c.colors, args)
}

func (c *console) log(call goja.FunctionCall) goja.Value {
	c.write(c.stdout, c.format(call.Arguments))
	return goja.Undefined()
}

func (c *console) warn(call goja.FunctionCall) goja.Value {
	c.write(c.stderr, c.format(call.Arguments))
	return goja.Undefined()
}

func (c *console) warning(msg string) {
	_, _ = io.WriteString(c.stderr, "Warning: "+msg+"\n")
}

func (c *console) dir(call goja.FunctionCall) goja.Value {
	ctx := newCtx(c.r)
	ctx.colors = c.colors
	ctx.customInspect = false
	ctx.applyJSOptions(call.Argument(1))
	c.write(c.stdout, ctx.formatValue(call.Argument(0), 0, false))
	return goja.Undefined()
}

func labelOf(call goja.FunctionCall, r *realm) string {
	v := call.Argument(0)
	if goja.IsUndefined(v) {
		return "default"
	}
	return jsString(r, v)
}

func (c *console) time(call goja.FunctionCall) goja.Value {
	label := labelOf(call, c.r)
	c.mu.Lock()
	_, exists := c.times[label]
	if !exists {
		c.times[label] = c.now()
	}
	c.mu.Unlock()
	if exists {
		c.warning("Label '" + label + "' already exists for console.time()")
	}
	return goja.Undefined()
}

func (c *console) timeLogImpl(name, label string, data []goja.Value, end bool) {
	c.mu.Lock()
	start, ok := c.times[label]
	if ok && end {
		delete(c.times, label)
	}
	c.mu.Unlock()
	if !ok {
		c.warning("No such label '" + label + "' for console." + name + "()")
		return
	}
	ms := float64(c.now()-start) / float64(time.Millisecond)
	args := []goja.Value{c.r.vm.ToValue("%s: %s"), c.r.vm.ToValue(label), c.r.vm.ToValue(formatTime(ms))}
	args = append(args, data...)
	c.write(c.stdout, c.format(args))
}

func (c *console) timeEnd(call goja.FunctionCall) goja.Value {
	c.timeLogImpl("timeEnd", labelOf(call, c.r), nil, true)
	return goja.Undefined()
}

func (c *console) timeLog(call goja.FunctionCall) goja.Value {
	var data []goja.Value
	if len(call.Arguments) > 1 {
		data = call.Arguments[1:]
	}
	c.timeLogImpl("timeLog", labelOf(call, c.r), data, false)
	return goja.Undefined()
}

// formatTime mirrors Node's console formatTime.
func formatTime(ms float64) string {
	const (
		kSecond = 1000.0
		kMinute = 60 * kSecond
		kHour   = 60 * kMinute
	)
	hours, minutes, seconds := 0.0, 0.0, 0.0
	if ms >= kSecond {
		if ms >= kMinute {
			if ms >= kHour {
				hours = math.Floor(ms / kHour)
				ms = math.Mod(ms, kHour)
			}
			minutes = math.Floor(ms / kMinute)
			ms = math.Mod(ms, kMinute)
		}
		seconds = ms / kSecond
	}
	pad := func(s string) string {
		if len(s) < 2 {
			return "0" + s
		}
		return s
	}
	if hours != 0 || minutes != 0 {
		fixed := strconv.FormatFloat(seconds, 'f', 3, 64)
		parts := strings.SplitN(fixed, ".", 2)
		var res string
		if hours != 0 {
			res = strconv.FormatFloat(hours, 'f', -1, 64) + ":" + pad(strconv.FormatFloat(minutes, 'f', -1, 64))
		} else {
			res = strconv.FormatFloat(minutes, 'f', -1, 64)
		}
		unit := "m:ss.mmm"
		if hours != 0 {
			unit = "h:mm:ss.mmm"
		}
		return res + ":" + pad(parts[0]) + "." + parts[1] + " (" + unit + ")"
	}
	if seconds != 0 {
		return strconv.FormatFloat(seconds, 'f', 3, 64) + "s"
	}
	fixed, _ := strconv.ParseFloat(strconv.FormatFloat(ms, 'f', 3, 64), 64)
	return strconv.FormatFloat(fixed, 'f', -1, 64) + "ms"
}

func (c *console) trace(call goja.FunctionCall) goja.Value {
	msg := "Trace"
	if len(call.Arguments) > 0 {
		if m := formatWith(c.r, c.colors, call.Arguments); m != "" {
			msg += ": " + m
		}
	}
	frames := c.r.vm.CaptureCallStack(0, nil)
	var b strings.Builder
	b.WriteString(msg)
	var buf bytes.Buffer
	for i, f := range frames {
		if i == 0 && f.SrcName() == "<native>" {
			continue // console.trace itself
		}
		buf.Reset()
		f.Write(&buf)
		b.WriteString("\n    at ")
		b.WriteString(buf.String())
	}
	c.write(c.stderr, bindings.CleanStack(b.String()))
	return goja.Undefined()
}

func (c *console) assert(call goja.FunctionCall) goja.Value {
	if call.Argument(0).ToBoolean() {
		return goja.Undefined()
	}
	args := append([]goja.Value(nil), call.Arguments[1:]...)
	if len(args) == 0 {
		args = []goja.Value{c.r.vm.ToValue("Assertion failed")}
	} else {
		args[0] = c.r.vm.ToValue("Assertion failed: " + jsString(c.r, args[0]))
	}
	c.write(c.stderr, c.format(args))
	return goja.Undefined()
}

func (c *console) count(call goja.FunctionCall) goja.Value {
	label := labelOf(call, c.r)
	c.mu.Lock()
	c.counts[label]++
	n := c.counts[label]
	c.mu.Unlock()
	c.write(c.stdout, label+": "+strconv.Itoa(n))
	return goja.Undefined()
}

func (c *console) countReset(call goja.FunctionCall) goja.Value {
	label := labelOf(call, c.r)
	c.mu.Lock()
	_, ok := c.counts[label]
	delete(c.counts, label)
	c.mu.Unlock()
	if !ok {
		c.warning("Count for '" + label + "' does not exist")
	}
	return goja.Undefined()
}

func (c *console) group(call goja.FunctionCall) goja.Value {
	if len(call.Arguments) > 0 {
		c.log(call)
	}
	c.mu.Lock()
	c.indent += "  "
	c.mu.Unlock()
	return goja.Undefined()
}

func (c *console) groupEnd(goja.FunctionCall) goja.Value {
	c.mu.Lock()
	if len(c.indent) >= 2 {
		c.indent = c.indent[:len(c.indent)-2]
	}
	c.mu.Unlock()
	return goja.Undefined()
}

// ---------------------------------------------------------------------------
// console.table

// column is a sparse JS array of cell strings.
type column struct {
	cells  map[int]string
	length int
}

func (col *column) set(i int, s string) {
	if col.cells == nil {
		col.cells = map[int]string{}
	}
	col.cells[i] = s
	if i+1 > col.length {
		col.length = i + 1
	}
}

func denseColumn(cells []string) *column {
	col := &column{}
	for i, s := range cells {
		col.set(i, s)
	}
	return col
}

func (c *console) tableInspect(v goja.Value) string {
	ctx := newCtx(c.r)
	ctx.depth = 0
	if o, ok := v.(*goja.Object); ok {
		k := kindOf(o)
		if k != kindArray && k != kindTypedArray && len(o.Keys()) > 2 {
			ctx.depth = -1
		}
	}
	ctx.maxArrayLength = 3
	ctx.breakLength = math.MaxInt32
	ctx.colors = c.colors
	return ctx.formatValue(v, 0, false)
}

func (c *console) table(call goja.FunctionCall) goja.Value {
	data := call.Argument(0)
	var properties []string
	hasProps := false
	if p, ok := call.Argument(1).(*goja.Object); ok && kindOf(p) == kindArray {
		hasProps = true
		n := int(toLength(p.Get("length")))
		for i := 0; i < n; i++ {
			properties = append(properties, jsString(c.r, p.Get(strconv.Itoa(i))))
		}
	}
	obj, ok := data.(*goja.Object)
	if !ok {
		return c.log(goja.FunctionCall{Arguments: []goja.Value{data}})
	}
	final := func(head []string, cols []*column) goja.Value {
		c.write(c.stdout, renderTable(head, cols))
		return goja.Undefined()
	}
	indexColumn := func(n int) *column {
		col := &column{}
		for i := 0; i < n; i++ {
			col.set(i, c.tableInspect(c.r.vm.ToValue(i)))
		}
		return col
	}
	switch kindOf(obj) {
	case kindMap:
		var keys, values []string
		c.r.vm.ForOf(obj, func(e goja.Value) bool {
			eo, _ := e.(*goja.Object)
			if eo != nil {
				keys = append(keys, c.tableInspect(eo.Get("0")))
				values = append(values, c.tableInspect(eo.Get("1")))
			}
			return true
		})
		return final([]string{"(iteration index)", "Key", "Values"},
			[]*column{indexColumn(len(keys)), denseColumn(keys), denseColumn(values)})
	case kindSet:
		var values []string
		c.r.vm.ForOf(obj, func(v goja.Value) bool {
			values = append(values, c.tableInspect(v))
			return true
		})
		return final([]string{"(iteration index)", "Values"},
			[]*column{indexColumn(len(values)), denseColumn(values)})
	}

	var order []string
	cols := map[string]*column{}
	hasPrimitives := false
	valuesCol := &column{}
	indexKeys := obj.Keys()
	for i, ik := range indexKeys {
		item := obj.Get(ik)
		io, isObj := item.(*goja.Object)
		primitive := !isObj
		if !hasProps && primitive {
			hasPrimitives = true
			valuesCol.set(i, c.tableInspect(item))
			continue
		}
		keys := properties
		if !hasProps {
			keys = io.Keys()
		}
		for _, k := range keys {
			col, ok := cols[k]
			if !ok {
				col = &column{}
				cols[k] = col
				order = append(order, k)
			}
			if primitive || !hasOwn(c.r, io, c.r.vm.ToValue(k)) {
				col.set(i, "")
			} else {
				col.set(i, c.tableInspect(io.Get(k)))
			}
		}
	}
	order = jsKeyOrder(order)
	head := []string{"(index)"}
	columns := []*column{denseColumn(indexKeys)}
	for _, k := range order {
		head = append(head, k)
		columns = append(columns, cols[k])
	}
	if hasPrimitives {
		head = append(head, "Values")
		columns = append(columns, valuesCol)
	}
	return final(head, columns)
}

// jsKeyOrder orders keys like the own-keys of an ordinary object: integer
// indices ascending first, then the remaining keys in insertion order.
func jsKeyOrder(keys []string) []string {
	var idx, rest []string
	for _, k := range keys {
		if isIndexKey(k) {
			idx = append(idx, k)
		} else {
			rest = append(rest, k)
		}
	}
	if len(idx) == 0 {
		return keys
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, _ := strconv.ParseUint(idx[i], 10, 64)
		b, _ := strconv.ParseUint(idx[j], 10, 64)
		return a < b
	})
	return append(idx, rest...)
}

func renderTable(head []string, columns []*column) string {
	widths := make([]int, len(head))
	for i, h := range head {
		widths[i] = stringWidth(h, true)
	}
	longest := 0
	for _, col := range columns {
		if col.length > longest {
			longest = col.length
		}
	}
	rows := make([][]string, longest)
	for i := range head {
		col := columns[i]
		for j := 0; j < longest; j++ {
			if rows[j] == nil {
				rows[j] = make([]string, len(head))
			}
			v := col.cells[j]
			rows[j][i] = v
			if w := stringWidth(v, true); w > widths[i] {
				widths[i] = w
			}
		}
	}
	renderRow := func(row []string) string {
		var b strings.Builder
		b.WriteString("│ ")
		for i, cell := range row {
			b.WriteString(cell)
			if n := widths[i] - stringWidth(cell, true); n > 0 {
				b.WriteString(strings.Repeat(" ", n))
			}
			if i != len(row)-1 {
				b.WriteString(" │ ")
			}
		}
		b.WriteString(" │")
		return b.String()
	}
	divider := make([]string, len(widths))
	for i, w := range widths {
		divider[i] = strings.Repeat("─", w+2)
	}
	var b strings.Builder
	b.WriteString("┌" + strings.Join(divider, "┬") + "┐\n")
	b.WriteString(renderRow(head) + "\n")
	b.WriteString("├" + strings.Join(divider, "┼") + "┤\n")
	for _, row := range rows {
		b.WriteString(renderRow(row) + "\n")
	}
	b.WriteString("└" + strings.Join(divider, "┴") + "┘")
	return b.String()
}
