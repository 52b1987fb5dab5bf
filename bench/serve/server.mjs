// node:http hello server for the wrk comparison (bench/serve/run.sh).
import http from "node:http";
const port = Number(process.argv[2] ?? 8082);
http.createServer((req, res) => { res.writeHead(200, { "content-type": "text/plain" }); res.end("hello world\n"); })
  .listen(port, "127.0.0.1");
