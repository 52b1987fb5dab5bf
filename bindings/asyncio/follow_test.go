package asyncio_test

import (
	"strings"
	"testing"
)

// TestTaskFollowIsInvisible pins that the way a task follows its promise
// (shared handlers registered through Promise.prototype.then with a
// borrowed prototype, see core.thenQuiet) cannot be seen by scripts: the
// promise keeps its prototype and species, subclasses and foreign thenables
// still settle their tasks, and `then` on the promise still makes derived
// promises for everyone else.
func TestTaskFollowIsInvisible(t *testing.T) {
	res := run(t, `
class MyPromise extends Promise {}
const p = new Promise((r) => setTimeout(() => r("plain"), 10));
const t1 = asyncio.createTask(() => p);
const t2 = asyncio.createTask(p.then((v) => v + "!"));
const sub = new MyPromise((r) => setTimeout(() => r("sub"), 10));
const t3 = asyncio.createTask(sub);
const t4 = asyncio.createTask({ then(ok) { setTimeout(() => ok("thenable"), 10); } });
const t5 = asyncio.createTask(async () => { await asyncio.sleep(0.01); throw new Error("boom"); });
console.log(Object.getPrototypeOf(p) === Promise.prototype, p.constructor === Promise);
console.log(Object.getPrototypeOf(sub) === MyPromise.prototype, sub.then(() => 0) instanceof MyPromise);
const r = await asyncio.gather(t1, t2, t3, t4, t5, { returnExceptions: true });
console.log(r.map((x) => (x instanceof Error ? x.message : x)).join(" "));
console.log(p.then(() => 1) instanceof Promise, Object.getPrototypeOf(p) === Promise.prototype);
console.log(asyncio.allTasks().size);
`)
	want := "true true\ntrue true\nplain plain! sub thenable boom\ntrue true\n0"
	if res.Err != nil || strings.TrimSpace(res.Stdout) != want {
		t.Fatalf("got %q, want %q\nerr %v\nstderr %s", res.Stdout, want, res.Err, res.Stderr)
	}
}

// TestTaskFollowCallsThenOverrides: a task follows the promise its function
// returns through that promise's own then, as await would: a lazy promise
// subclass whose then starts the work, and a promise with its own then.
func TestTaskFollowCallsThenOverrides(t *testing.T) {
	res := run(t, `
class PLazy extends Promise {
  #ex; #p;
  constructor(ex) { super((r) => r()); this.#ex = ex; }
  static get [Symbol.species]() { return Promise; }
  then(a, b) { this.#p ??= new Promise(this.#ex); return this.#p.then(a, b); }
}
console.log(await asyncio.createTask(() => new PLazy((r) => setTimeout(() => r(42), 10))));
const p = Promise.resolve(1);
p.then = (a, b) => Promise.resolve(2).then(a, b);
console.log(await asyncio.createTask(() => p));
const bad = Promise.resolve(3);
bad.then = () => { throw new RangeError("no then today"); };
try { await asyncio.createTask(() => bad); } catch (e) { console.log(e.name, e.message); }
`)
	want := "42\n2\nRangeError no then today"
	if res.Err != nil || strings.TrimSpace(res.Stdout) != want {
		t.Fatalf("got %q, want %q\nerr %v\nstderr %s", res.Stdout, want, res.Err, res.Stderr)
	}
}
