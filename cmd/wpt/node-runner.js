// Runs one web-platform-tests file under Node in a shell global, the way
// arun's wpt package runs it (same globals, same harness, same scripts),
// and prints one JSON line: { harness, message, tests: [{name, status,
// message}] }. Used by cmd/wpt -node to compare pass rates.
//
//   node node-runner.js TESTHARNESS BASEURL TIMEOUT_MS ROOT TEST [SCRIPT...]
// TEST and SCRIPTs are relative to ROOT, the scripts in META order.
"use strict";
const vm = require("node:vm");
const fs = require("node:fs");
const path = require("node:path");

const [harness, base, timeoutMs, root, test, ...scripts] = process.argv.slice(2);
const testStatus = ["PASS", "FAIL", "TIMEOUT", "NOTRUN", "PRECONDITION_FAILED"];
const harnessStatus = ["OK", "ERROR", "TIMEOUT", "PRECONDITION_FAILED"];
const text = (v) => (v === undefined || v === null ? "" : String(v));
const out = { harness: "", message: "", tests: [] };
let printed = false;
const finish = (status, message) => {
  if (out.harness === "") { out.harness = harnessStatus[status] || `status ${status}`; out.message = message; }
  if (printed) return;
  printed = true;
  process.stdout.write(JSON.stringify(out) + "\n", () => process.exit(0));
};

globalThis.self = globalThis;
globalThis.GLOBAL = { isWindow: () => false, isWorker: () => false, isShadowRealm: () => false };
globalThis.location = new URL(base + "/" + test);
const realFetch = globalThis.fetch;
globalThis.fetch = function fetch(input, init = undefined) {
  return realFetch(typeof input === "string" ? new URL(input, location.href).href : input, init);
};
const load = (name, file) => vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: name });
load("/resources/testharness.js", harness);
add_result_callback((t) => out.tests.push({ name: text(t.name), status: testStatus[t.status] || `status ${t.status}`, message: text(t.message) }));
add_completion_callback((tests, status) => finish(status.status, text(status.message)));
process.on("uncaughtException", (e) => { if (out.harness === "") { out.harness = "ERROR"; out.message = "uncaught: " + text(e && e.stack); } });
process.on("unhandledRejection", () => {});
try {
  for (const s of scripts) load("/" + s, path.join(root, s));
  load("/" + test, path.join(root, test));
} catch (e) {
  out.harness = "ERROR";
  out.message = "uncaught while loading: " + text(e && e.stack ? e.stack : e);
}
// the harness's completion exits first; this ends a file that never completes
setTimeout(() => finish(2, `the file timed out after ${timeoutMs} ms`), Number(timeoutMs));
