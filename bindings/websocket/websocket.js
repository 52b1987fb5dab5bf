// WebSocket and CloseEvent (the WHATWG WebSockets standard), over the Go
// connection in `native` (websocket.go).
(function (native) {
  "use strict";
  const CONNECTING = 0, OPEN = 1, CLOSING = 2, CLOSED = 3;
  const k = Symbol("kState");

  class CloseEvent extends Event {
    constructor(type, init) {
      super(type, init);
      init = init || {};
      this.wasClean = !!init.wasClean;
      this.code = init.code === undefined ? 0 : init.code;
      this.reason = init.reason === undefined ? "" : String(init.reason);
    }
  }
  const handlerNames = ["open", "message", "error", "close"];

  class WebSocket extends EventTarget {
    constructor(url, protocols) {
      super();
      if (arguments.length < 1) throw new TypeError("Failed to construct 'WebSocket': 1 argument required, but only 0 present.");
      let u;
      try {
        u = new URL(String(url));
      } catch (e) {
        throw new DOMException(`Failed to construct 'WebSocket': The URL '${url}' is invalid.`, "SyntaxError");
      }
      if (u.protocol === "http:") u.protocol = "ws:";
      else if (u.protocol === "https:") u.protocol = "wss:";
      if (u.protocol !== "ws:" && u.protocol !== "wss:") {
        throw new DOMException(`Failed to construct 'WebSocket': The URL's scheme must be either 'http', 'https', 'ws', or 'wss'. '${u.protocol}' is not allowed.`, "SyntaxError");
      }
      if (u.hash) throw new DOMException("Failed to construct 'WebSocket': The URL contains a fragment identifier.", "SyntaxError");
      if (protocols === undefined) protocols = [];
      else if (typeof protocols === "string") protocols = [protocols];
      else protocols = Array.from(protocols, String);
      if (new Set(protocols).size !== protocols.length) {
        throw new DOMException("Failed to construct 'WebSocket': The subprotocol is duplicated.", "SyntaxError");
      }
      for (const p of protocols) {
        if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(p)) {
          throw new DOMException(`Failed to construct 'WebSocket': The subprotocol '${p}' is invalid.`, "SyntaxError");
        }
      }
      this[k] = { url: u.href, readyState: CONNECTING, protocol: "", binaryType: "blob", buffered: 0, handlers: {} };
      this[k].handle = native.connect(u.href, protocols, (kind, a, b, c) => this._event(kind, a, b, c));
    }
    _event(kind, a, b, c) {
      const st = this[k];
      if (kind === "open") {
        if (st.readyState !== CONNECTING) return;
        st.readyState = OPEN;
        st.protocol = a;
        this.dispatchEvent(new Event("open"));
      } else if (kind === "message") {
        if (st.readyState !== OPEN) return;
        let data = a;
        if (b) data = st.binaryType === "arraybuffer" ? a : new Blob([a]);
        this.dispatchEvent(new MessageEventLike("message", data, st.url));
      } else if (kind === "error") {
        st.failed = true;
        this.dispatchEvent(new Event("error"));
      } else if (kind === "close") {
        st.readyState = CLOSED;
        st.buffered = 0;
        if (!b && !c && !st.failed && a === 1006) this.dispatchEvent(new Event("error"));
        this.dispatchEvent(new CloseEvent("close", { wasClean: c, code: a, reason: b }));
      }
    }
    get url() { return this[k].url; }
    get readyState() { return this[k].readyState; }
    get protocol() { return this[k].protocol; }
    get extensions() { return ""; }
    get bufferedAmount() { return this[k].buffered; }
    get binaryType() { return this[k].binaryType; }
    set binaryType(v) {
      if (v === "blob" || v === "arraybuffer") this[k].binaryType = v;
    }
    send(data) {
      const st = this[k];
      if (st.readyState === CONNECTING) throw new DOMException("Failed to execute 'send' on 'WebSocket': Still in CONNECTING state.", "InvalidStateError");
      if (st.readyState !== OPEN) return;
      if (typeof data === "string") return void native.send(st.handle, data, false);
      if (data instanceof ArrayBuffer) return void native.send(st.handle, new Uint8Array(data), true);
      if (ArrayBuffer.isView(data)) return void native.send(st.handle, new Uint8Array(data.buffer, data.byteOffset, data.byteLength), true);
      if (typeof Blob === "function" && data instanceof Blob) {
        data.arrayBuffer().then((ab) => { if (st.readyState === OPEN) native.send(st.handle, new Uint8Array(ab), true); });
        return;
      }
      native.send(st.handle, String(data), false);
    }
    close(code, reason) {
      const st = this[k];
      if (code !== undefined) {
        code = Number(code);
        if (!Number.isInteger(code) || (code !== 1000 && (code < 3000 || code > 4999))) {
          throw new DOMException(`Failed to execute 'close' on 'WebSocket': The close code must be either 1000, or between 3000 and 4999. ${code} is neither.`, "InvalidAccessError");
        }
      }
      reason = reason === undefined ? "" : String(reason);
      if (new TextEncoder().encode(reason).length > 123) {
        throw new DOMException("Failed to execute 'close' on 'WebSocket': The close reason must not be greater than 123 UTF-8 bytes.", "SyntaxError");
      }
      if (st.readyState === CLOSING || st.readyState === CLOSED) return;
      if (st.readyState === CONNECTING) {
        st.readyState = CLOSING;
        native.abort(st.handle);
        return;
      }
      st.readyState = CLOSING;
      native.close(st.handle, code === undefined ? 0 : code, reason);
    }
  }
  // MessageEventLike: the global MessageEvent when there is one.
  function MessageEventLike(type, data, origin) {
    const ME = globalThis.MessageEvent;
    if (typeof ME === "function") return new ME(type, { data, origin: new URL(origin).origin });
    const e = new Event(type);
    e.data = data;
    e.origin = new URL(origin).origin;
    return e;
  }
  for (const name of handlerNames) {
    Object.defineProperty(WebSocket.prototype, "on" + name, {
      get() { return this[k].handlers[name] || null; },
      set(fn) {
        const h = this[k].handlers;
        if (h[name]) this.removeEventListener(name, h[name]);
        h[name] = typeof fn === "function" ? fn : null;
        if (h[name]) this.addEventListener(name, h[name]);
      },
      configurable: true,
      enumerable: true,
    });
  }
  for (const [n, v] of [["CONNECTING", CONNECTING], ["OPEN", OPEN], ["CLOSING", CLOSING], ["CLOSED", CLOSED]]) {
    Object.defineProperty(WebSocket, n, { value: v, enumerable: true });
    Object.defineProperty(WebSocket.prototype, n, { value: v, enumerable: true });
  }
  return { WebSocket, CloseEvent };
})
