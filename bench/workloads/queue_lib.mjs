// A minimal bounded async queue for Node (Node has no asyncio.Queue).
export class Queue {
  constructor(max) { this.max = max; this.items = []; this.getters = []; this.putters = []; }
  async put(v) {
    while (this.items.length >= this.max) await new Promise((r) => this.putters.push(r));
    this.items.push(v);
    const g = this.getters.shift(); if (g) g();
  }
  async get() {
    while (this.items.length === 0) await new Promise((r) => this.getters.push(r));
    const v = this.items.shift();
    const p = this.putters.shift(); if (p) p();
    return v;
  }
}
