"""TCP echo client and server with asyncio streams: the two programs of
the Python documentation ("TCP echo client using streams", "TCP echo
server using streams") in one. The server listens on 127.0.0.1 on a free
port (port 0), the client connects to it, sends a message and reads the
echo; then the server is closed. Ports and client addresses change from
run to run, so only the host is printed."""
import asyncio


async def handle_echo(reader, writer):
    data = await reader.read(100)
    message = data.decode()
    addr = writer.get_extra_info('peername')

    print(f"Received {message!r} from {addr[0]!r}")

    print(f"Send: {message!r}")
    writer.write(data)
    await writer.drain()

    print("Close the connection")
    writer.close()
    await writer.wait_closed()


async def tcp_echo_client(message, port):
    reader, writer = await asyncio.open_connection(
        '127.0.0.1', port)

    print(f'Send: {message!r}')
    writer.write(message.encode())
    await writer.drain()

    data = await reader.read(100)
    print(f'Received: {data.decode()!r}')

    print('Close the connection')
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(
        handle_echo, '127.0.0.1', 0)

    host, port = server.sockets[0].getsockname()
    print(f'Serving on {host}')

    # the documentation's server runs `async with server: await
    # server.serve_forever()`; here it serves in a task until closed
    serving = asyncio.create_task(server.serve_forever())
    await tcp_echo_client('Hello World!', port)

    # a line protocol: readline, and `async for` over the lines
    async def shout(reader, writer):
        async for line in reader:
            writer.write(line.upper())
            await writer.drain()
        writer.close()
        await writer.wait_closed()

    server2 = await asyncio.start_server(shout, '127.0.0.1', 0)
    port2 = server2.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port2)
    writer.writelines([b'one\n', b'two\n', b'three\n'])
    writer.write_eof()
    async for line in reader:
        print(f'Got line: {line.decode().strip()}')
    print(f'at EOF: {str(reader.at_eof()).lower()}')
    writer.close()
    await writer.wait_closed()
    server2.close()
    await server2.wait_closed()

    server.close()
    await server.wait_closed()
    try:
        await serving
    except asyncio.CancelledError:
        print('Server closed')

asyncio.run(main())
