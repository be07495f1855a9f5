#!/usr/bin/env node
// A fault-injecting HTTP proxy between a test computer and the real opencode server, driven by
// the specs over a small control API. No dependencies.
//
//   import { startFaultProxy } from "./fault-proxy.mjs"
//   const p = await startFaultProxy({ target: "http://127.0.0.1:N" })
//   p.url (the proxy), p.controlUrl, p.elsewhereUrl, await p.stop()
//
// Control API (JSON), on controlUrl:
//   POST   /faults   one rule or a list: { action, count = 1, path?, method?, status?, body?,
//                    headers?, delayMs?, bytes?, retryAfter? }. The next `count` requests whose
//                    path (with query) contains `path` and whose method is `method` get the fault.
//   DELETE /faults   clears the rules, the gateway mode and both logs
//   PUT    /gateway  { timeoutMs }: gateway mode, as nginx's proxy_read_timeout: every request is
//                    forwarded, and one the server has not answered within timeoutMs is answered
//                    504 with nginx's page while it goes on upstream (logged as "gateway-504")
//   GET    /log      the requests the proxy saw: [{ method, path, action }]
//   GET    /elsewhere  the requests the "other host" received: [{ method, path, authorization, body }]
// Actions:
//   status    answer `status` (default 500) with `body` (default an opencode-like error JSON)
//   html      answer `status` (default 502) with nginx's HTML error page
//   body      answer `status` (default 200) with `body` as application/json (wrong shapes)
//   empty     answer 200 with an empty body
//   truncate  forward, then send the head and half the body and close (FIN)
//   reset     forward, then send the head and half the body and reset the connection (RST)
//   reset-before  reset the connection before any answer
//   delay     wait `delayMs` (default 40000), then forward
//   redirect  answer `status` (default 302) with Location on the other host (same path; `location`
//             replaces the other host's URL, e.g. "//localhost:N" for a protocol-relative one)
//   noreply   forward a prompt with "noReply": true added: the server holds the message but does not
//             answer it (as when it arrives while an aborted run is winding down)
//   oversized answer 200 with `bytes` bytes (default 17 MiB) of valid JSON
import http from "node:http";

const NGINX_504 =
  "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n" +
  "<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n";

const NGINX_502 =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n" +
  "<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n";

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", () => resolve(Buffer.concat(chunks)));
  });
}

function sendJson(res, status, value) {
  const text = JSON.stringify(value);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

export async function startFaultProxy({ target }) {
  let rules = [];
  let gatewayMs;
  let log = [];
  let elsewhereLog = [];
  const sockets = new Set();

  /** Forwards the request upstream; resolves with { status, headers, body }. */
  function forward(req, body) {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: new URL(target).host, connection: "close" };
      delete headers["content-length"];
      delete headers["transfer-encoding"];
      if (body.length > 0) headers["content-length"] = String(body.length);
      const up = http.request(target + req.url, { method: req.method, headers, agent: false }, async (res) =>
        resolve({ status: res.statusCode, headers: res.headers, body: await readBody(res) }),
      );
      up.on("error", reject);
      if (body.length > 0) up.write(body);
      up.end();
    });
  }

  function takeRule(req) {
    const i = rules.findIndex(
      (r) => (r.path === undefined || req.url.includes(r.path)) && (r.method === undefined || r.method === req.method),
    );
    if (i < 0) return undefined;
    const rule = rules[i];
    rule.count = (rule.count ?? 1) - 1;
    if (rule.count <= 0) rules.splice(i, 1);
    return rule;
  }

  /** The upstream answer, or undefined when it takes longer than `ms`. */
  function gateway(upstream, ms) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve(undefined), ms);
      upstream.then(
        (up) => {
          clearTimeout(timer);
          resolve(up);
        },
        (e) => {
          clearTimeout(timer);
          reject(e);
        },
      );
    });
  }

  /** Writes a raw head for `up` with its real Content-Length, then half the body. */
  function sendHalf(res, up) {
    const socket = res.socket;
    const lines = [`HTTP/1.1 ${up.status} OK`, `Content-Length: ${up.body.length}`, "Connection: close"];
    if (up.headers["content-type"]) lines.push(`Content-Type: ${up.headers["content-type"]}`);
    socket.write(lines.join("\r\n") + "\r\n\r\n");
    socket.write(up.body.subarray(0, Math.floor(up.body.length / 2)));
    return socket;
  }

  const proxy = http.createServer(async (req, res) => {
    const body = await readBody(req);
    const rule = takeRule(req);
    const action = rule?.action ?? "forward";
    const entry = { method: req.method, path: req.url, action };
    log.push(entry);
    try {
      switch (action) {
        case "status": {
          const text =
            rule.body ?? JSON.stringify({ name: "UnknownError", data: { message: "injected by the fault proxy" } });
          res.writeHead(rule.status ?? 500, {
            "Content-Type": "application/json",
            "Content-Length": Buffer.byteLength(text),
            ...(rule.retryAfter !== undefined ? { "Retry-After": String(rule.retryAfter) } : {}),
            ...(rule.headers ?? {}),
          });
          res.end(text);
          return;
        }
        case "html":
          res.writeHead(rule.status ?? 502, {
            "Content-Type": "text/html",
            "Content-Length": Buffer.byteLength(NGINX_502),
            Server: "nginx/1.24.0",
          });
          res.end(NGINX_502);
          return;
        case "body":
          res.writeHead(rule.status ?? 200, {
            "Content-Type": "application/json",
            "Content-Length": Buffer.byteLength(rule.body ?? ""),
          });
          res.end(rule.body ?? "");
          return;
        case "empty":
          res.writeHead(200, { "Content-Type": "application/json", "Content-Length": 0 });
          res.end();
          return;
        case "reset-before":
          req.socket.resetAndDestroy();
          return;
        case "truncate":
          sendHalf(res, await forward(req, body)).end();
          return;
        case "reset": {
          const socket = sendHalf(res, await forward(req, body));
          // Let the half body leave before the RST, which would otherwise discard it.
          setTimeout(() => socket.resetAndDestroy(), 50);
          return;
        }
        case "delay":
          await new Promise((r) => setTimeout(r, rule.delayMs ?? 40000));
          if (req.socket.destroyed) return;
          break;
        case "noreply": {
          const up = await forward(
            req,
            Buffer.from(JSON.stringify({ ...JSON.parse(body.toString("utf8")), noReply: true })),
          );
          res.writeHead(up.status, { "content-length": up.body.length });
          res.end(up.body);
          return;
        }
        case "redirect":
          res.writeHead(rule.status ?? 302, {
            Location: (rule.location ?? elsewhereUrl) + req.url,
            "Content-Length": 0,
          });
          res.end();
          return;
        case "oversized": {
          const size = rule.bytes ?? 17 * 1024 * 1024;
          res.writeHead(200, { "Content-Type": "application/json", "Content-Length": size });
          res.end("[" + " ".repeat(size - 2) + "]");
          return;
        }
      }
      const upstream = forward(req, body);
      const up = gatewayMs === undefined ? await upstream : await gateway(upstream, gatewayMs);
      if (up === undefined) {
        // The server is still working on it; like nginx, the proxy stops waiting and says so.
        entry.action = "gateway-504";
        upstream.catch(() => {});
        res.writeHead(504, {
          "Content-Type": "text/html",
          "Content-Length": Buffer.byteLength(NGINX_504),
          Server: "nginx/1.24.0",
        });
        res.end(NGINX_504);
        return;
      }
      const headers = { ...up.headers, "content-length": up.body.length };
      delete headers["transfer-encoding"];
      delete headers.connection;
      res.writeHead(up.status, headers);
      res.end(up.body);
    } catch (e) {
      process.stderr.write(`[fault-proxy] ${req.method} ${req.url}: ${e.stack || e}\n`);
      if (!res.headersSent) sendJson(res, 599, { proxyError: String(e) });
    }
  });
  proxy.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  const elsewhere = http.createServer(async (req, res) => {
    const body = await readBody(req);
    elsewhereLog.push({
      method: req.method,
      path: req.url,
      authorization: req.headers.authorization ?? null,
      body: body.toString("utf8"),
    });
    sendJson(res, 200, { healthy: true, version: "elsewhere" });
  });

  const control = http.createServer(async (req, res) => {
    const body = (await readBody(req)).toString("utf8");
    if (req.url === "/faults" && req.method === "POST") {
      const value = JSON.parse(body);
      rules.push(...(Array.isArray(value) ? value : [value]));
      return sendJson(res, 200, { rules: rules.length });
    }
    if (req.url === "/gateway" && req.method === "PUT") {
      gatewayMs = JSON.parse(body).timeoutMs;
      return sendJson(res, 200, { gatewayMs });
    }
    if (req.url === "/faults" && req.method === "DELETE") {
      rules = [];
      gatewayMs = undefined;
      log = [];
      elsewhereLog = [];
      return sendJson(res, 200, { cleared: true });
    }
    if (req.url === "/log") return sendJson(res, 200, log);
    if (req.url === "/elsewhere") return sendJson(res, 200, elsewhereLog);
    sendJson(res, 404, { error: "unknown control route" });
  });

  const url = await listen(proxy);
  const elsewhereUrl = (await listen(elsewhere)).replace("127.0.0.1", "localhost");
  const controlUrl = await listen(control);
  return {
    url,
    controlUrl,
    elsewhereUrl,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all([proxy, elsewhere, control].map((s) => new Promise((r) => s.close(() => r()))));
    },
  };
}
