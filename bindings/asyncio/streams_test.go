package asyncio_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/arun-js/arun/runtime"
	"github.com/arun-js/arun/runtime/runtimetest"
)

// echoJS is the TCP echo client and server of Python's asyncio streams
// documentation in one program (scripts/tcp_echo.js has it with a line
// protocol added); echoWant is what CPython 3.11 printed for the original.
const echoJS = `
async function handleEcho(reader, writer) {
  const data = await reader.read(100);
  const message = data.toString();
  const addr = writer.getExtraInfo("peername");
  console.log(` + "`Received '${message}' from '${addr[0]}'`" + `);
  console.log(` + "`Send: '${message}'`" + `);
  writer.write(data);
  await writer.drain();
  console.log("Close the connection");
  writer.close();
  await writer.waitClosed();
}

async function tcpEchoClient(message, port) {
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", port);
  console.log(` + "`Send: '${message}'`" + `);
  writer.write(message);
  await writer.drain();
  const data = await reader.read(100);
  console.log(` + "`Received: '${data.toString()}'`" + `);
  console.log("Close the connection");
  writer.close();
  await writer.waitClosed();
}

asyncio.run(async () => {
  const server = await asyncio.startServer(handleEcho, "127.0.0.1", 0);
  const [host, port] = server.sockets[0].getsockname();
  console.log(` + "`Serving on ${host}`" + `);
  const serving = asyncio.createTask(() => server.serveForever());
  await tcpEchoClient("Hello World!", port);
  server.close();
  await server.waitClosed();
  try {
    await serving;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("Server closed");
  }
});
`

const echoWant = `Serving on 127.0.0.1
Send: 'Hello World!'
Received 'Hello World!' from '127.0.0.1'
Send: 'Hello World!'
Close the connection
Received: 'Hello World!'
Close the connection
Server closed`

// readerJS exercises StreamReader; readerWant was checked against CPython
// 3.11 running the same operations (asyncio streams, limit=8 for the
// second connection).
const readerJS = `
const show = (b) => JSON.stringify(b.toString());
asyncio.run(async () => {
  const payload = "line1\nline2\r\nabcdefXYZ--sep--tail";
  const server = await asyncio.startServer(async (r, w) => {
    w.write(payload);
    await w.drain();
    w.close();
    await w.waitClosed();
  }, "127.0.0.1", 0);
  let [reader, writer] = await asyncio.openConnection("127.0.0.1", server.address().port);
  console.log("readline", show(await reader.readline()));
  console.log("readline", show(await reader.readline()));
  console.log("readexactly", show(await reader.readexactly(3)));
  console.log("read", show(await reader.read(3)));
  console.log("readuntil", show(await reader.readuntil("--sep--")));
  console.log("readuntil bytes", show(await reader.readuntil(new Uint8Array([0x69]))));
  try {
    await reader.readexactly(5);
  } catch (e) {
    console.log(e.name, show(e.partial), e.expected, e.message, e instanceof asyncio.IncompleteReadError, e instanceof Error);
  }
  console.log("atEof", reader.atEof());
  console.log("read", show(await reader.read()), show(await reader.read(10)), show(await reader.readline()));
  try {
    await reader.readuntil("\n");
  } catch (e) {
    console.log(e.name, show(e.partial), e.expected, e.message);
  }
  writer.close();
  await writer.waitClosed();
  server.close();

  const server2 = await asyncio.startServer(async (r, w) => {
    w.write("0123456789\nabc\n0123456789abcdef");
    await w.drain();
    await r.read();
    w.close();
  }, "127.0.0.1", 0);
  [reader, writer] = await asyncio.openConnection("127.0.0.1", server2.address().port, { limit: 8 });
  for (const f of [() => reader.readuntil("\n"), () => reader.readline(), () => reader.readline(), () => reader.readuntil("\n"), () => reader.readexactly(16)]) {
    try {
      console.log("ok", show(await f()));
    } catch (e) {
      if (e instanceof asyncio.LimitOverrunError) console.log(e.name, e.consumed, e.message);
      else console.log(e.name, e.message);
    }
  }
  const t = asyncio.createTask(() => reader.read(1));
  await asyncio.sleep(0);
  try {
    await reader.read(1);
  } catch (e) {
    console.log(e.name, e.message);
  }
  t.cancel();
  try {
    await reader.readexactly(-1);
  } catch (e) {
    console.log(e.name, e.message);
  }
  console.log("read0", show(await reader.read(0)));
  writer.close();
  await writer.waitClosed();
  server2.close();
  await Promise.all([server.waitClosed(), server2.waitClosed()]);
});
`

const readerWant = `readline "line1\n"
readline "line2\r\n"
readexactly "abc"
read "def"
readuntil "XYZ--sep--"
readuntil bytes "tai"
IncompleteReadError "l" 5 1 bytes read on a total of 5 expected bytes true true
atEof true
read "" "" ""
IncompleteReadError "" null 0 bytes read on a total of undefined expected bytes
LimitOverrunError 10 Separator is found, but chunk is longer than limit
ValueError Separator is found, but chunk is longer than limit
ok "abc\n"
LimitOverrunError 16 Separator is not found, and chunk exceed the limit
ok "0123456789abcdef"
RuntimeError read() called while another coroutine is already waiting for incoming data
ValueError readexactly size can not be less than zero
read0 ""`

func realTime() runtime.Options { return runtime.Options{} }

func TestStreams(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	cases := []struct {
		name       string
		src        string
		opts       runtime.Options
		want       string
		wantStderr string
	}{
		{name: "echo (CPython docs)", src: echoJS, opts: runtimetest.VirtualOptions(), want: echoWant},
		{name: "echo real time", src: echoJS, opts: realTime(), want: echoWant},
		{name: "reader", src: readerJS, opts: runtimetest.VirtualOptions(), want: readerWant},
		{name: "async iteration and writeEof", opts: runtimetest.VirtualOptions(), src: `
asyncio.run(async () => {
  const server = await asyncio.startServer(async (r, w) => {
    let n = 0;
    for await (const line of r) {
      n++;
      w.write(String(n) + ":" + line.toString());
    }
    w.write("bye\n");
    await w.drain();
    w.close();
  }, "127.0.0.1", 0);
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", server.address().port);
  writer.writelines(["a\n", "b\n", "c"]);
  console.log(writer.canWriteEof());
  writer.writeEof();
  try { writer.write("late"); } catch (e) { console.log(e.name, e.message); }
  for await (const line of reader) console.log(JSON.stringify(line.toString()), line instanceof Buffer);
  console.log(reader.atEof());
  writer.close();
  await writer.waitClosed();
  server.close();
  await server.waitClosed();
});
`, want: `true
RuntimeError Cannot call write() after writeEof()
"1:a\n" true
"2:b\n" true
"3:cbye\n" true
true`},
		{name: "write types and extra info", opts: runtimetest.VirtualOptions(), src: `
asyncio.run(async () => {
  const server = await asyncio.startServer(async (r, w) => {
    w.write(await r.read());
    w.close();
  }, "127.0.0.1", 0);
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", server.address().port);
  writer.write("h\u00e9llo ");
  writer.write(Buffer.from("buf "));
  writer.write(new Uint8Array([65, 66]));
  writer.write(new Uint8Array([67]).buffer);
  writer.write("");
  try { writer.write(42); } catch (e) { console.log(e.name, e.code); }
  await writer.drain();
  writer.writeEof();
  const echoed = await reader.read();
  console.log(echoed.toString(), echoed.length);
  const peer = writer.getExtraInfo("peername"), sock = writer.getExtraInfo("sockname");
  console.log(peer[0], peer[1] === server.address().port, sock[0], typeof sock[1]);
  console.log(writer.getExtraInfo("nope", "dflt"), JSON.stringify(writer.transport.getWriteBufferLimits()));
  console.log(writer.isClosing());
  writer.close();
  console.log(writer.isClosing());
  await writer.waitClosed();
  try { await writer.drain(); } catch (e) { console.log("drain after close:", e.code); }
  server.close();
  await server.waitClosed();
});
`, want: `TypeError ERR_INVALID_ARG_TYPE
héllo buf ABC 14
127.0.0.1 true 127.0.0.1 number
dflt [16384,65536]
false
true
drain after close: ECONNRESET`},
		{name: "cancel a task blocked in a read", opts: runtimetest.VirtualOptions(), src: `
asyncio.run(async () => {
  const go = new asyncio.Event();
  const server = await asyncio.startServer(async (r, w) => {
    w.write("abc");
    await go.wait();
    w.write("def");
    await w.drain();
    w.close();
  }, "127.0.0.1", 0);
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", server.address().port);
  const t = asyncio.createTask(() => reader.read());
  await asyncio.sleep(0.01);
  t.cancel();
  try { await t; } catch (e) { console.log("task:", e.name, t.cancelled()); }
  const t2 = asyncio.createTask(async () => {
    try {
      await reader.readexactly(100);
    } catch (e) {
      console.log("inner:", e.name);
      throw e;
    } finally {
      console.log("finally ran");
    }
  });
  await asyncio.sleep(0.01);
  t2.cancel();
  try { await t2; } catch (e) { console.log("t2:", e.name); }
  try { await asyncio.waitFor(() => reader.readline(), 0.05); } catch (e) { console.log("waitFor:", e.name); }
  go.set();
  console.log("rest:", (await reader.read()).toString());
  writer.close();
  server.close();
  await server.waitClosed();
});
`, want: `task: CancelledError true
inner: CancelledError
finally ran
t2: CancelledError
waitFor: TimeoutError
rest: abcdef`},
		{name: "connection refused and bad port", opts: runtimetest.VirtualOptions(), src: `
asyncio.run(async () => {
  const server = await asyncio.startServer(() => {}, "127.0.0.1", 0);
  const port = server.address().port;
  server.close();
  await server.waitClosed();
  try {
    await asyncio.openConnection("127.0.0.1", port);
  } catch (e) {
    console.log(e.name, e.code, e.message === "connect ECONNREFUSED 127.0.0.1:" + port, e.syscall, e.address, e.port === port, e.errno < 0);
  }
  try { await asyncio.openConnection("127.0.0.1", 70000); } catch (e) { console.log(e.name, e.code); }
  try { await asyncio.startServer(() => {}, "127.0.0.1", -1); } catch (e) { console.log(e.name, e.code); }
});
`, want: `Error ECONNREFUSED true connect 127.0.0.1 true true
RangeError ERR_SOCKET_BAD_PORT
RangeError ERR_SOCKET_BAD_PORT`},
		{name: "permission denied", opts: runtime.Options{VirtualTime: true, Permissions: &runtime.Permissions{Net: []string{"127.0.0.1:1"}}}, src: `
asyncio.run(async () => {
  const tries = [
    () => asyncio.openConnection("127.0.0.1", 2),
    () => asyncio.startServer(() => {}, "127.0.0.1", 0),
    () => asyncio.startServer(() => {}, undefined, 0),
  ];
  for (const f of tries) {
    try {
      await f();
      console.log("allowed");
    } catch (e) {
      console.log(e.name, e.code, e.target);
    }
  }
  try { await asyncio.openConnection("127.0.0.1", 1); } catch (e) { console.log("granted:", e.code); }
});
`, want: `PermissionDenied ERR_ACCESS_DENIED 127.0.0.1:2
PermissionDenied ERR_ACCESS_DENIED 127.0.0.1:0
PermissionDenied ERR_ACCESS_DENIED 0.0.0.0:0
granted: ECONNREFUSED`},
		{name: "server close and waitClosed", opts: runtimetest.VirtualOptions(), src: `
asyncio.run(async () => {
  const server = await asyncio.startServer(async (r, w) => {
    w.write("hi");
    const rest = await r.read();
    console.log("handler: eof", rest.length);
    w.close();
    await w.waitClosed();
    console.log("handler: closed");
  }, "127.0.0.1", 0);
  const port = server.address().port;
  console.log("serving", server.isServing(), server.sockets.length, port > 0);
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", port);
  console.log("got", (await reader.readexactly(2)).toString());
  server.close();
  console.log("closed", server.isServing(), server.sockets.length);
  const wc = asyncio.createTask(async () => {
    await server.waitClosed();
    console.log("waitClosed: done");
  });
  await asyncio.sleep(0.05);
  console.log("waitClosed pending:", !wc.done());
  try { await asyncio.openConnection("127.0.0.1", port); } catch (e) { console.log("new connection:", e.code); }
  try { await server.serveForever(); } catch (e) { console.log(e.name); }
  writer.close();
  await writer.waitClosed();
  console.log("client closed");
  await wc;
  await server.waitClosed();
  console.log("done");
});
`, want: `serving true 1 true
got hi
closed false 0
waitClosed pending: true
new connection: ECONNREFUSED
RuntimeError
client closed
handler: eof 0
waitClosed: done
handler: closed
done`},
		{name: "cancelling serveForever closes the server", opts: runtimetest.VirtualOptions(), src: `
asyncio.run(async () => {
  const server = await asyncio.startServer(() => {}, "127.0.0.1", 0);
  const t = asyncio.createTask(() => server.serveForever());
  await asyncio.sleep(1);
  t.cancel();
  try { await t; } catch (e) { console.log(e.name, t.cancelled(), server.isServing()); }
  await server.waitClosed();
  console.log(String(server));
});
`, want: `CancelledError true false
<Server sockets=()>`},
		{name: "handler error is reported and closes the connection", opts: runtimetest.VirtualOptions(), src: `
asyncio.run(async () => {
  const server = await asyncio.startServer(async (r, w) => {
    await r.readline();
    throw new Error("boom");
  }, "127.0.0.1", 0);
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", server.address().port);
  writer.write("hello\n");
  const rest = await reader.read();
  console.log("client sees eof:", rest.length, reader.atEof());
  writer.close();
  server.close();
  await server.waitClosed();
});
`, want: `client sees eof: 0 true`, wantStderr: "unhandled exception in client_connected_cb: Error: boom"},
		{name: "error classes", opts: runtimetest.VirtualOptions(), src: `
const e = new asyncio.IncompleteReadError(Buffer.from("ab"), 4);
console.log(e.name, e.message, e.partial.toString(), e.expected, e instanceof Error);
const l = new asyncio.LimitOverrunError("too long", 7);
console.log(l.name, l.message, l.consumed, l instanceof Error, String(l));
try { new asyncio.StreamReader(); } catch (x) { console.log(x.name); }
`, want: `IncompleteReadError 2 bytes read on a total of 4 expected bytes ab 4 true
LimitOverrunError too long 7 true LimitOverrunError: too long
TypeError`},
		{name: "virtual time waits for loopback bytes in flight", opts: runtimetest.VirtualOptions(), src: `
// the virtual clock must not jump to the timeout while the request and its
// answer travel between the two ends of this runtime
asyncio.run(async () => {
  const server = await asyncio.startServer(async (r, w) => {
    for await (const line of r) {
      w.write(line);
      await w.drain();
    }
    w.close();
  }, "127.0.0.1", 0);
  const t0 = asyncio.getRunningLoop().time();
  let timeouts = 0;
  for (let i = 0; i < 40; i++) {
    // a new connection each time: the accept is in flight too
    const [reader, writer] = await asyncio.openConnection("127.0.0.1", server.address().port);
    writer.write("ping " + i + "\n");
    try {
      await asyncio.waitFor(() => reader.readline(), 1);
    } catch (e) {
      timeouts++;
    }
    writer.close();
    await writer.waitClosed();
  }
  console.log("timeouts:", timeouts);
  server.close();
  await server.waitClosed();
});
`, want: `timeouts: 0`},
		{name: "drain backpressure with a slow reader", opts: realTime(), src: `
asyncio.run(async () => {
  const release = new asyncio.Event();
  let received = 0;
  const server = await asyncio.startServer(async (r, w) => {
    await release.wait();
    // reading stopped once the reader's buffer passed twice its limit
    const m = /(\d+) bytes/.exec(String(r));
    console.log("server buffer bounded:", m !== null && Number(m[1]) <= 3 * 65536);
    for (;;) {
      const chunk = await r.read(65536);
      if (chunk.length === 0) break;
      received += chunk.length;
      await asyncio.sleep(0);
    }
    w.close();
  }, "127.0.0.1", 0);
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", server.address().port);
  const chunk = new Uint8Array(64 * 1024);
  let sent = 0, blocked = false;
  while (sent < 256 * 1024 * 1024) {
    writer.write(chunk);
    sent += chunk.length;
    try {
      await asyncio.waitFor(() => writer.drain(), 0.2);
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      blocked = true;
      break;
    }
  }
  // drain waits while more than the low-water mark is unsent
  const [low, high] = writer.transport.getWriteBufferLimits();
  console.log("drain blocked:", blocked, writer.transport.getWriteBufferSize() > low, sent > 4 * high);
  release.set();
  writer.write(chunk);
  writer.write(chunk);
  sent += 2 * chunk.length;
  console.log("above the high-water mark:", writer.transport.getWriteBufferSize() > high);
  await writer.drain();
  console.log("drained:", writer.transport.getWriteBufferSize() <= low);
  writer.writeEof();
  await reader.read();
  console.log("all received:", received === sent);
  writer.close();
  await writer.waitClosed();
  server.close();
  await server.waitClosed();
});
`, want: `drain blocked: true true true
above the high-water mark: true
server buffer bounded: true
drained: true
all received: true`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := runtimetest.Run(t, "main.js", c.src, c.opts)
			if res.Err != nil {
				t.Fatalf("run failed: %v\nstdout:\n%s\nstderr:\n%s", res.Err, res.Stdout, res.Stderr)
			}
			got := strings.TrimRight(res.Stdout, "\n")
			if got != c.want {
				t.Errorf("--- got ---\n%s\n--- want ---\n%s\n--- stderr ---\n%s", got, c.want, res.Stderr)
			}
			if c.wantStderr != "" && !strings.Contains(res.Stderr, c.wantStderr) {
				t.Errorf("stderr %q does not contain %q", res.Stderr, c.wantStderr)
			} else if c.wantStderr == "" && res.Stderr != "" {
				t.Errorf("unexpected stderr:\n%s", res.Stderr)
			}
		})
	}
}

// lineSignal is a writer that closes ch when a line equal to line is
// written.
type lineSignal struct {
	mu   sync.Mutex
	b    strings.Builder
	line string
	ch   chan struct{}
	once sync.Once
}

func (w *lineSignal) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.b.Write(p)
	if strings.Contains(w.b.String(), w.line+"\n") {
		w.once.Do(func() { close(w.ch) })
	}
	return len(p), nil
}

func (w *lineSignal) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// TestStreamsShutdown: a graceful shutdown (SIGINT) closes the servers and
// connections; the run ends and nothing is left running.
func TestStreamsShutdown(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	out := &lineSignal{line: "ready", ch: make(chan struct{})}
	var errb strings.Builder
	rt, err := runtime.New(runtime.Options{Stdout: out, Stderr: &errb, Permissions: runtime.AllowAll()})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	go func() {
		<-out.ch
		rt.Shutdown()
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = rt.RunString(ctx, "main.js", `
asyncio.run(async () => {
  const connected = new asyncio.Event();
  const server = await asyncio.startServer(async (r, w) => {
    connected.set();
    const rest = await r.read();
    console.log("handler: eof");
  }, "127.0.0.1", 0);
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", server.address().port);
  const client = asyncio.createTask(async () => {
    await reader.read();
    console.log("client: eof");
  });
  await connected.wait();
  console.log("ready");
  try {
    await server.serveForever();
  } finally {
    console.log("serving:", server.isServing(), writer.isClosing());
  }
});
`)
	if ctx.Err() != nil {
		t.Fatalf("the run did not end after Shutdown: %v\n%s", err, out.String())
	}
	got := out.String()
	for _, want := range []string{"ready\n", "serving: false true\n", "handler: eof\n", "client: eof\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("stdout lacks %q:\n%s\nerr: %v\nstderr: %s", want, got, err, errb.String())
		}
	}
}

// TestStreamsRunEnd: when a run ends (here its context expires) with a
// server listening and connections open, they are closed and their
// goroutines end.
func TestStreamsRunEnd(t *testing.T) {
	runtimetest.VerifyNoLeaks(t)
	out := &lineSignal{line: "ready", ch: make(chan struct{})}
	rt, err := runtime.New(runtime.Options{Stdout: out, Permissions: runtime.AllowAll()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		<-out.ch
		cancel()
	}()
	err = rt.RunString(ctx, "main.js", `
(async () => {
  const server = await asyncio.startServer(async (r, w) => {
    w.write(new Uint8Array(32 << 20)); // more than the socket buffers take
    await w.drain();
  }, "127.0.0.1", 0);
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", server.address().port);
  await reader.readexactly(1);
  console.log("ready");
  await asyncio.sleep(3600); // the writer's flush stays blocked
})();
`)
	if err == nil {
		t.Fatalf("run ended without error:\n%s", out.String())
	}
	rt.Close()
}
