// Serves the files of one folder over loopback HTTP (GET only; 404 otherwise), for the installer
// spec. Usage: node test/servers/static.mjs <folder>. Prints "PORT <n>" once listening.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join, normalize } from "node:path";

const root = process.argv[2];
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
  try {
    if (req.method !== "GET" || path.includes("..")) throw new Error("no");
    const body = await readFile(join(root, path));
    res.writeHead(200, { "Content-Type": "text/plain", "Content-Length": body.length });
    res.end(body);
  } catch {
    res.writeHead(404, { "Content-Length": 9 });
    res.end("not found");
  }
});
server.listen(0, "127.0.0.1", () => console.log("PORT " + server.address().port));
