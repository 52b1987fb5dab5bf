// TCP echo client and server with asyncio streams: the two programs of
// Python's asyncio documentation ("TCP echo client using streams", "TCP
// echo server using streams") in one (python/tcp_echo.py). The server
// listens on 127.0.0.1 on a free port (port 0), the client connects, sends
// a message and reads the echo; then a line protocol with readline and
// `for await`. Reads resolve to Buffers: toString() decodes them.

async function handleEcho(reader, writer) {
  const data = await reader.read(100);
  const message = data.toString();
  const addr = writer.getExtraInfo("peername");

  console.log(`Received '${message}' from '${addr[0]}'`);

  console.log(`Send: '${message}'`);
  writer.write(data);
  await writer.drain();

  console.log("Close the connection");
  writer.close();
  await writer.waitClosed();
}

async function tcpEchoClient(message, port) {
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", port);

  console.log(`Send: '${message}'`);
  writer.write(message);
  await writer.drain();

  const data = await reader.read(100);
  console.log(`Received: '${data.toString()}'`);

  console.log("Close the connection");
  writer.close();
  await writer.waitClosed();
}

async function main() {
  const server = await asyncio.startServer(handleEcho, "127.0.0.1", 0);

  const [host, port] = server.sockets[0].getsockname();
  console.log(`Serving on ${host}`);

  // the documentation's server runs `async with server: await
  // server.serve_forever()`; here it serves in a task until closed
  const serving = asyncio.createTask(server.serveForever());
  await tcpEchoClient("Hello World!", port);

  // a line protocol: readline, and `for await` over the lines
  async function shout(reader, writer) {
    for await (const line of reader) {
      writer.write(line.toString().toUpperCase());
      await writer.drain();
    }
    writer.close();
    await writer.waitClosed();
  }

  const server2 = await asyncio.startServer(shout, "127.0.0.1", 0);
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", server2.address().port);
  writer.writelines(["one\n", "two\n", "three\n"]);
  writer.writeEof();
  for await (const line of reader) {
    console.log(`Got line: ${line.toString().trim()}`);
  }
  console.log(`at EOF: ${reader.atEof()}`);
  writer.close();
  await writer.waitClosed();
  server2.close();
  await server2.waitClosed();

  server.close();
  await server.waitClosed();
  try {
    await serving;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("Server closed");
  }
}

asyncio.run(main());

// Output:
// Serving on 127.0.0.1
// Send: 'Hello World!'
// Received 'Hello World!' from '127.0.0.1'
// Send: 'Hello World!'
// Close the connection
// Received: 'Hello World!'
// Close the connection
// Got line: ONE
// Got line: TWO
// Got line: THREE
// at EOF: true
// Server closed
