export interface Pair { a: number; b: number }
export function add({ a, b }: Pair): number { return a + b; }
export default class Counter { n = 0; inc() { return ++this.n; } }
