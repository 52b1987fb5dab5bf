package trace

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
)

// HTML writes trace (a JSON trace as Tracer writes it) as one
// self-contained page: no network, no script or style from elsewhere. It
// draws a lane per task on a time axis, the task's life as a bar, its
// awaits as labelled gaps in it (hover: what, file:line, how long, who woke
// it), cancellations as red marks and wake-ups as arrows; the wheel zooms
// and dragging pans. The trace is embedded in a <script
// type="application/json" id="trace"> element (ExtractHTML reads it back).
func HTML(w io.Writer, trace []byte) error {
	var f File
	if err := json.Unmarshal(trace, &f); err != nil {
		return fmt.Errorf("trace: the trace to render is not a trace: %w", err)
	}
	b, err := json.Marshal(f) // compact, and html/template escapes it for the script element
	if err != nil {
		return err
	}
	return page.Execute(w, template.JS(b))
}

// ExtractHTML returns the trace a page from HTML embeds.
func ExtractHTML(page []byte) (File, error) {
	const open, end = `<script type="application/json" id="trace">`, `</script>`
	i := bytes.Index(page, []byte(open))
	if i < 0 {
		return File{}, fmt.Errorf("trace: no embedded trace in the page")
	}
	rest := page[i+len(open):]
	j := bytes.Index(rest, []byte(end))
	if j < 0 {
		return File{}, fmt.Errorf("trace: the embedded trace is not closed")
	}
	var f File
	err := json.Unmarshal(rest[:j], &f)
	return f, err
}

var page = template.Must(template.New("page").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>arun trace</title>
<style>
body{font:13px system-ui,sans-serif;margin:0;background:#fafafa;color:#222}
header{padding:8px 12px;border-bottom:1px solid #ddd;background:#fff}
#wrap{position:relative;overflow:hidden;cursor:grab}
canvas{display:block}
#tip{position:absolute;pointer-events:none;background:#222;color:#fff;padding:4px 7px;border-radius:4px;font-size:12px;white-space:pre;display:none}
#summary{padding:8px 12px}
</style></head><body>
<header><b>arun trace</b> — a lane per task; bars are a task's life, gaps its awaits (labelled with what they wait on), red marks cancellations, arrows wake-ups. Wheel: zoom, drag: pan.</header>
<div id="wrap"><canvas id="c"></canvas><div id="tip"></div></div>
<div id="summary"></div>
<script type="application/json" id="trace">{{.}}</script>
<script>
"use strict";
const T = JSON.parse(document.getElementById("trace").textContent).traceEvents;
// a lane is a (pid, tid): arun test --trace has a process per test file
const names = {}, procs = {}, lanes = new Map(), awaits = [], cancels = [], flows = {};
const K = (e) => e.pid + "/" + e.tid;
for (const e of T) {
  e.tid = K(e);
  if (e.ph === "M" && e.name === "thread_name") names[e.tid] = e.args.name;
  else if (e.ph === "M" && e.name === "process_name") procs[e.pid] = e.args.name;
  else if (e.ph === "X" && e.cat === "task") lanes.set(e.tid, e);
  else if (e.ph === "X" && e.cat === "await") awaits.push(e);
  else if (e.ph === "i" && e.cat === "cancel") cancels.push(e);
  else if (e.cat === "wake") (flows[e.id] = flows[e.id] || {})[e.ph] = e;
}
for (const e of awaits.concat(cancels)) if (!lanes.has(e.tid)) lanes.set(e.tid, null);
const multi = Object.keys(procs).length > 1;
const num = (k) => k.split("/").map(Number);
const tids = [...lanes.keys()].sort((a, b) => { const x = num(a), y = num(b); return x[0] - y[0] || x[1] - y[1]; });
const laneName = (k) => (multi ? procs[num(k)[0]] + ": " : "") + (names[k] || (num(k)[1] === 0 ? "main" : "task " + num(k)[1]));
let t0 = Infinity, t1 = -Infinity;
for (const e of T) if (e.ph !== "M") { t0 = Math.min(t0, e.ts); t1 = Math.max(t1, e.ts + (e.dur || 0)); }
if (!isFinite(t0)) { t0 = 0; t1 = 1; }
if (t1 <= t0) t1 = t0 + 1;
const LH = 34, TOP = 24, LEFT = multi ? 260 : 150;
const cv = document.getElementById("c"), cx = cv.getContext("2d"), tip = document.getElementById("tip");
let v0 = t0, v1 = t1 + (t1 - t0) * 0.02;
function fmt(us) { return us >= 1e6 ? (us / 1e6).toFixed(3) + " s" : us >= 1e3 ? (us / 1e3).toFixed(2) + " ms" : us.toFixed(0) + " µs"; }
function X(ts) { return LEFT + (ts - v0) / (v1 - v0) * (cv.width - LEFT - 10); }
function Y(tid) { return TOP + tids.indexOf(tid) * LH; }
let boxes = [];
function draw() {
  cv.width = document.getElementById("wrap").clientWidth || 900;
  cv.height = TOP + tids.length * LH + 10;
  cx.clearRect(0, 0, cv.width, cv.height);
  cx.font = "12px system-ui,sans-serif"; cx.textBaseline = "middle";
  boxes = [];
  for (let i = 0; i <= 8; i++) {
    const ts = v0 + (v1 - v0) * i / 8, x = X(ts);
    cx.fillStyle = "#ddd"; cx.fillRect(x, TOP - 4, 1, cv.height);
    cx.fillStyle = "#666"; cx.fillText(fmt(ts - t0), x + 2, 10);
  }
  for (const tid of tids) {
    const y = Y(tid), task = lanes.get(tid);
    cx.fillStyle = "#222"; cx.fillText(laneName(tid), 6, y + LH / 2);
    if (task) {
      const a = X(task.ts), b = Math.max(X(task.ts + task.dur), a + 2);
      cx.fillStyle = task.args.outcome === "cancelled" ? "#e8a0a0" : task.args.outcome === "rejected" ? "#e8c080" : "#7fb2e5";
      cx.fillRect(a, y + 8, b - a, LH - 16);
      boxes.push({x0: a, x1: b, y0: y, y1: y + LH, e: task, kind: "task"});
    }
  }
  for (const e of awaits) {
    const y = Y(e.tid), a = X(e.ts), b = Math.max(X(e.ts + e.dur), a + 1);
    cx.fillStyle = "#fafafa"; cx.fillRect(a, y + 6, b - a, LH - 12);
    cx.strokeStyle = "#999"; cx.strokeRect(a + 0.5, y + 6.5, b - a - 1, LH - 13);
    if (b - a > 30) { cx.save(); cx.beginPath(); cx.rect(a, y, b - a, LH); cx.clip(); cx.fillStyle = "#555"; cx.fillText(e.name, a + 3, y + LH / 2); cx.restore(); }
    boxes.push({x0: a, x1: b, y0: y, y1: y + LH, e, kind: "await"});
  }
  cx.strokeStyle = "#c33"; cx.lineWidth = 1.5;
  for (const id in flows) {
    const f = flows[id]; if (!f.s || !f.f) continue;
    const xa = X(f.s.ts), ya = Y(f.s.tid) + LH / 2, xb = X(f.f.ts), yb = Y(f.f.tid) + LH / 2;
    cx.strokeStyle = "#2a7"; cx.beginPath(); cx.moveTo(xa, ya); cx.lineTo(xb, yb); cx.stroke();
    cx.fillStyle = "#2a7"; cx.beginPath(); cx.arc(xb, yb, 3, 0, 7); cx.fill();
  }
  for (const e of cancels) {
    const x = X(e.ts), y = Y(e.tid);
    cx.fillStyle = "#c00"; cx.fillRect(x - 1.5, y + 2, 3, LH - 4);
    cx.beginPath(); cx.moveTo(x - 6, y + 2); cx.lineTo(x + 6, y + 2); cx.lineTo(x, y + 10); cx.fill();
    boxes.push({x0: x - 6, x1: x + 6, y0: y, y1: y + LH, e, kind: "cancel"});
  }
  cx.lineWidth = 1;
}
function describe(b) {
  const e = b.e, a = e.args || {};
  if (b.kind === "cancel") return "cancel() at " + fmt(e.ts - t0) + (a.msg ? "\nmessage: " + a.msg : "");
  if (b.kind === "task") return e.name + " (" + a.outcome + ")\n" + fmt(e.dur) + (a.created ? "\ncreated at " + a.created : "") + (a.parent ? " by " + a.parent : "");
  return "await " + e.name + (a.site ? "\nat " + a.site : "") + "\n" + fmt(e.dur) + ", " + a.outcome + (a.wokenBy ? "\nwoken by " + a.wokenBy : "");
}
cv.addEventListener("mousemove", (ev) => {
  const r = cv.getBoundingClientRect(), x = ev.clientX - r.left, y = ev.clientY - r.top;
  if (drag) { const d = (x - drag.x) / (cv.width - LEFT - 10) * (drag.v1 - drag.v0); v0 = drag.v0 - d; v1 = drag.v1 - d; draw(); return; }
  let hit = null;
  for (const b of boxes) if (x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1) hit = b; // the last drawn is on top
  if (!hit) { tip.style.display = "none"; return; }
  tip.textContent = describe(hit); tip.style.display = "block";
  tip.style.left = (x + 12) + "px"; tip.style.top = (y + 12) + "px";
});
let drag = null;
cv.addEventListener("mousedown", (ev) => { const r = cv.getBoundingClientRect(); drag = {x: ev.clientX - r.left, v0, v1}; });
window.addEventListener("mouseup", () => { drag = null; });
cv.addEventListener("wheel", (ev) => {
  ev.preventDefault();
  const r = cv.getBoundingClientRect(), x = ev.clientX - r.left;
  const at = v0 + (x - LEFT) / (cv.width - LEFT - 10) * (v1 - v0), k = ev.deltaY > 0 ? 1.25 : 0.8;
  v0 = at - (at - v0) * k; v1 = at + (v1 - at) * k; draw();
}, {passive: false});
window.addEventListener("resize", draw);
draw();
const longest = awaits.slice().sort((a, b) => b.dur - a.dur).slice(0, 5);
const s = document.getElementById("summary");
s.textContent = tids.length + " lanes, " + awaits.length + " awaits, " + cancels.length + " cancellations, run of " + fmt(t1 - t0) + ". Longest waits: " +
  (longest.map((e) => e.name + " " + fmt(e.dur) + " (" + laneName(e.tid) + (e.args.site ? ", " + e.args.site : "") + ")").join("; ") || "none");
</script></body></html>
`))
