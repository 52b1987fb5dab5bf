// MessageChannel, MessagePort and MessageEvent (the HTML standard's channel
// messaging, as Node has it): messages are copied with structuredClone and
// delivered each in a macrotask of its own, once the receiving port is
// started (a "message" listener starts it, as in Node).
(function (g) {
  "use strict";
  const kOther = Symbol("kOther");
  const kQueue = Symbol("kQueue");
  const kStarted = Symbol("kStarted");
  const kClosed = Symbol("kClosed");
  const kHandler = Symbol("kHandler");
  const kScheduled = Symbol("kScheduled");
  const kInit = Symbol("kInit");

  class MessageEvent extends Event {
    constructor(type, init) {
      if (arguments.length < 1) throw new TypeError('The "type" argument must be specified');
      super(type, init);
      init = init || {};
      this.data = init.data === undefined ? null : init.data;
      this.origin = init.origin === undefined ? "" : String(init.origin);
      this.lastEventId = init.lastEventId === undefined ? "" : String(init.lastEventId);
      this.source = init.source === undefined ? null : init.source;
      this.ports = Object.freeze(Array.isArray(init.ports) ? init.ports.slice() : []);
    }
  }

  function schedule(port) {
    if (port[kScheduled] || !port[kStarted] || port[kQueue].length === 0) return;
    port[kScheduled] = true;
    g.setImmediate(() => {
      port[kScheduled] = false;
      if (!port[kStarted] || port[kClosed]) return;
      const data = port[kQueue].shift();
      port.dispatchEvent(new MessageEvent("message", { data }));
      schedule(port);
    });
  }

  class MessagePort extends EventTarget {
    constructor(key) {
      if (key !== kInit) throw new TypeError("Illegal constructor");
      super();
      this[kOther] = null;
      this[kQueue] = [];
      this[kStarted] = false;
      this[kClosed] = false;
      this[kHandler] = null;
      this[kScheduled] = false;
    }
    postMessage(message, transfer) {
      if (arguments.length < 1) throw new TypeError('The "message" argument must be specified');
      if (transfer !== undefined && transfer !== null && !Array.isArray(transfer) && typeof transfer !== "object") {
        throw new TypeError("Optional transferList argument must be an iterable");
      }
      const data = structuredClone(message);
      const other = this[kOther];
      if (this[kClosed] || !other || other[kClosed]) return;
      other[kQueue].push(data);
      schedule(other);
    }
    start() {
      this[kStarted] = true;
      schedule(this);
    }
    close() {
      if (this[kClosed]) return;
      const other = this[kOther];
      this[kClosed] = true;
      this[kQueue].length = 0;
      this.dispatchEvent(new Event("close"));
      if (other && !other[kClosed]) other.close();
    }
    // as in Node, a "message" listener starts the port (the standard
    // starts it only for onmessage)
    addEventListener(type, fn, opts) {
      super.addEventListener(type, fn, opts);
      if (type === "message") this.start();
    }
    get onmessage() { return this[kHandler]; }
    set onmessage(fn) {
      if (this[kHandler]) this.removeEventListener("message", this[kHandler]);
      this[kHandler] = typeof fn === "function" ? fn : null;
      if (this[kHandler]) {
        this.addEventListener("message", this[kHandler]);
        this.start();
      }
    }
    // Node's EventEmitter-style listeners receive the data itself
    on(type, fn) {
      const wrapped = (e) => fn.call(this, type === "message" ? e.data : e);
      fn.__arunWrapped = wrapped;
      this.addEventListener(type, wrapped);
      if (type === "message") this.start();
      return this;
    }
    once(type, fn) {
      const wrapped = (e) => fn.call(this, type === "message" ? e.data : e);
      this.addEventListener(type, wrapped, { once: true });
      if (type === "message") this.start();
      return this;
    }
    off(type, fn) {
      if (fn && fn.__arunWrapped) this.removeEventListener(type, fn.__arunWrapped);
      return this;
    }
    ref() { return this; }
    unref() { return this; }
    hasRef() { return false; }
  }
  MessagePort.prototype.addListener = MessagePort.prototype.on;
  MessagePort.prototype.removeListener = MessagePort.prototype.off;

  class MessageChannel {
    constructor() {
      const a = new MessagePort(kInit), b = new MessagePort(kInit);
      a[kOther] = b;
      b[kOther] = a;
      Object.defineProperty(this, "port1", { value: a, enumerable: true });
      Object.defineProperty(this, "port2", { value: b, enumerable: true });
    }
  }
  return { MessageChannel, MessagePort, MessageEvent };
})
