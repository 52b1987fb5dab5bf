// a child's stdio as streams: writing stdin, encodings, pause/resume,
// pipe between children, for await
const { spawn } = require("child_process");
const closed = (c) => new Promise((res) => c.on("close", (code, sig) => res([code, sig])));

(async () => {
  const cat = spawn("cat");
  cat.stdout.setEncoding("utf8");
  let got = "";
  cat.stdout.on("data", (s) => (got += s));
  console.log("write:", cat.stdin.write("abc"), cat.stdin.writableHighWaterMark);
  cat.stdin.write(Buffer.from("-bytes-"), () => console.log("write callback"));
  cat.stdin.end("end\n", () => console.log("end callback"));
  cat.stdin.on("finish", () => console.log("finish"));
  console.log(await closed(cat), JSON.stringify(got));

  // 1 MB through cat: write() says when to wait for 'drain'
  const big = spawn("wc", ["-c"]);
  let count = "";
  big.stdout.on("data", (b) => (count += b));
  let falses = 0;
  const chunk = Buffer.alloc(65536, 120);
  for (let i = 0; i < 16; i++) {
    if (!big.stdin.write(chunk)) {
      falses++;
      await new Promise((res) => big.stdin.once("drain", res));
    }
  }
  big.stdin.end();
  console.log(await closed(big), count.trim(), falses > 0);

  // producer | consumer
  const producer = spawn("printf", ["b\\nc\\na\\n"]);
  const sorter = spawn("sort");
  producer.stdout.pipe(sorter.stdin);
  const sorterClosed = closed(sorter); // before anything can emit it
  let sorted = "";
  for await (const chunk of sorter.stdout) sorted += chunk;
  console.log(JSON.stringify(sorted), await sorterClosed);

  // paused output waits in the buffer
  const p = spawn("printf", ["paused"]);
  p.stdout.pause();
  p.stdout.on("data", (b) => console.log("data after resume:", b.toString()));
  setTimeout(() => p.stdout.resume(), 50);
  console.log(await closed(p));

  // nobody reads: output that fits the pipe is drained at exit and
  // 'close' comes (more than that would block the child, as in Node)
  console.log("unread:", await closed(spawn("head", ["-c", "3000", "/dev/zero"])));

  // writing to a child that has gone
  const gone = spawn("true");
  await new Promise((res) => gone.on("exit", res));
  gone.stdin.on("error", (e) => console.log("stdin error:", e.code));
  gone.stdin.write("x", (e) => console.log("write callback error:", e && e.code));
})();
// Output:
// write: true 16384
// write callback
// end callback
// finish
// [ 0, null ] "abc-bytes-end\n"
// [ 0, null ] 1048576 true
// "a\nb\nc\n" [ 0, null ]
// data after resume: paused
// [ 0, null ]
// unread: [ 0, null ]
// write callback error: ERR_STREAM_DESTROYED
