// MessageChannel: delivery order, copies, start(), close, Node's on().
const { port1, port2 } = new MessageChannel();
const got = [];
port2.onmessage = (e) => {
  got.push(e.data);
  if (got.length === 3) {
    console.log(JSON.stringify(got), e instanceof MessageEvent, e.type, e.ports.length, JSON.stringify(e.origin));
    port1.close();
  }
};
const obj = { nested: { n: 1 }, list: [1, 2] };
port1.postMessage(obj);
obj.nested.n = 2; // the message is a copy made at postMessage
port1.postMessage("two");
port1.postMessage(new Map([["k", 3]]).get("k"));
console.log("sync first");
await new Promise((res) => port2.addEventListener("close", res));
console.log("closed");

// as in Node, addEventListener("message") starts a port too
const c = new MessageChannel();
let seen = 0;
c.port1.addEventListener("message", () => seen++);
c.port2.postMessage("x");
await new Promise((res) => setTimeout(res, 5));
console.log("before start", seen);
c.port1.start();
await new Promise((res) => setTimeout(res, 5));
console.log("after start", seen);
c.port1.close();

// Node-style listeners get the data
const n = new MessageChannel();
const data = await new Promise((res) => {
  n.port1.on("message", res);
  n.port2.postMessage({ hi: "there" });
});
console.log(data.hi);
n.port1.close();

// uncloneable values throw DataCloneError
try { n.port2.postMessage(() => {}); } catch (e) { console.log(e.name); }
try { new MessagePort(); } catch (e) { console.log(e.name); }
console.log(String(new MessageChannel()), String(new MessageEvent("message", { data: 1 }).data));
// Output:
// sync first
// [{"nested":{"n":1},"list":[1,2]},"two",3] true message 0 ""
// closed
// before start 1
// after start 1
// there
// DataCloneError
// TypeError
// [object Object] 1
