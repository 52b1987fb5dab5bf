// arun:http hello server for the wrk comparison (bench/serve/run.sh).
const { serve } = require("arun:http");
const port = Number(process.argv[2] ?? 8081);
serve({ port, hostname: "127.0.0.1" }, () => new Response("hello world\n"));
