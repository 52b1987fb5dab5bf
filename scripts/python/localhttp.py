"""A small HTTP/1.1 server and client on asyncio streams (stdlib only),
standing in for aiohttp, which the documents use but the standard library
does not have. Everything runs on the one event loop, so the Python
originals keep the shape of the documents' code:

    async with localhttp.ClientSession() as session:
        async with session.get(url) as response:
            text = await response.text()

and serve a local site the way the JavaScript ports do with arun:http:

    server = await localhttp.serve(handler)   # handler(request) -> Response
    base = server.base                         # "http://127.0.0.1:PORT"
    ...
    await server.shutdown()

Only what the examples need: GET/POST, Content-Length bodies, one request
per connection (Connection: close).
"""
import asyncio
from urllib.parse import urlsplit


class Request:
    def __init__(self, method, path, headers, body):
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body


class Response:
    """What a handler returns; on the client side also what session.get
    gives (status, headers, await text(), await json())."""

    def __init__(self, body="", status=200, headers=None):
        self.body = body.encode() if isinstance(body, str) else body
        self.status = status
        self.headers = dict(headers or {})

    @property
    def ok(self):
        return 200 <= self.status < 300

    async def text(self):
        return self.body.decode()

    async def json(self):
        import json
        return json.loads(self.body)


REASONS = {200: "OK", 404: "Not Found", 429: "Too Many Requests", 500: "Internal Server Error"}


class Server:
    def __init__(self, server, connections):
        self._server = server
        self._connections = connections
        self.port = server.sockets[0].getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"

    async def shutdown(self):
        """Stops listening and cancels the handlers still running (a
        client that gave up on a slow page leaves one behind)."""
        self._server.close()
        for task in list(self._connections):
            task.cancel()
        await asyncio.gather(*self._connections, return_exceptions=True)
        await self._server.wait_closed()


async def serve(handler, host="127.0.0.1", port=0):
    connections = set()

    async def on_connection(reader, writer):
        task = asyncio.current_task()
        connections.add(task)
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, path, _ = lines[0].split(" ", 2)
            headers = {}
            for line in lines[1:]:
                if line:
                    k, _, v = line.partition(":")
                    headers[k.strip().lower()] = v.strip()
            body = await reader.readexactly(int(headers.get("content-length", 0)))
            resp = await handler(Request(method, path, headers, body))
            hdrs = {"content-length": str(len(resp.body)), "connection": "close", **resp.headers}
            out = f"HTTP/1.1 {resp.status} {REASONS.get(resp.status, 'Unknown')}\r\n"
            out += "".join(f"{k}: {v}\r\n" for k, v in hdrs.items()) + "\r\n"
            writer.write(out.encode("latin-1") + resp.body)
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            connections.discard(task)
            writer.close()

    return Server(await asyncio.start_server(on_connection, host, port), connections)


async def request(method, url, body=b"", headers=None):
    u = urlsplit(url)
    reader, writer = await asyncio.open_connection(u.hostname, u.port)
    try:
        path = u.path or "/"
        if u.query:
            path += "?" + u.query
        hdrs = {"host": u.netloc, "content-length": str(len(body)), "connection": "close", **(headers or {})}
        out = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in hdrs.items()) + "\r\n"
        writer.write(out.encode("latin-1") + body)
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        rh = {}
        for line in lines[1:]:
            if line:
                k, _, v = line.partition(":")
                rh[k.strip().lower()] = v.strip()
        data = await reader.readexactly(int(rh.get("content-length", 0)))
        return Response(data, status, rh)
    finally:
        writer.close()


class _RequestContext:
    def __init__(self, coro):
        self._coro = coro

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        return await self._coro

    async def __aexit__(self, *exc):
        return False


class ClientSession:
    """aiohttp.ClientSession's shape: async with, get(url), post(url, data)."""

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False

    def get(self, url, headers=None):
        return _RequestContext(request("GET", url, headers=headers))

    def post(self, url, data=b"", headers=None):
        return _RequestContext(request("POST", url, data.encode() if isinstance(data, str) else data, headers))
