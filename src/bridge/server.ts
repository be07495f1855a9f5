// One HTTP server on one port: /mcp for opencode, /cc (WebSocket) for CC computers, /health,
// and the installation for players (/install, /files/...).
import http from "node:http";
import { AddressInfo } from "node:net";
import { CCEndpoint } from "./ccsocket";
import { Computers } from "./computers";
import { EventStream } from "./events";
import { InstallOptions, loadInstaller } from "./install";
import { handleMcp, VERSION } from "./mcp";
import { Watches } from "./watches";

export interface BridgeOptions {
  host: string;
  port: number;
  token: string;
  callTimeoutMs: number;
  log: (line: string) => void;
  /** What /install gives players (the token is o.token). */
  install: Omit<InstallOptions, "token">;
  /** The opencode server whose events computers may watch, and the bridge's own Authorization for it. */
  events?: { url: string; authorization: string };
}

export interface Bridge {
  port: number;
  /** The MCP endpoint as opencode on this machine reaches it. */
  mcpUrl: string;
  computers: Computers;
  /** Why /install is not served (a missing or broken build), or undefined. */
  installProblem?: string;
  close(): Promise<void>;
}

/** The relay of the server's events to watching computers, over one subscription for all (not started yet). */
function watchEvents(o: BridgeOptions): { watches: Watches; stream?: EventStream } {
  const ev = o.events;
  if (ev === undefined) return { watches: new Watches({ isConnected: () => false, log: o.log }) };
  const stream: EventStream = new EventStream({
    ...ev,
    onEvent: (e) => {
      watches.relay(e);
    },
    onConnected: () => {
      o.log(`watching the events of opencode at ${ev.url}`);
    },
    onDropped: (why) => {
      o.log(`lost the events of opencode at ${ev.url}: ${why}`);
      watches.gapAll();
    },
  });
  const watches = new Watches({ url: ev.url, isConnected: () => stream.connected, log: o.log });
  return { watches, stream };
}

export function startBridge(o: BridgeOptions): Promise<Bridge> {
  const computers = new Computers();
  const { watches, stream } = watchEvents(o);
  const cc = new CCEndpoint(computers, o.token, o.log, watches);
  const limits = { callTimeoutMs: o.callTimeoutMs };
  const installer = loadInstaller({ ...o.install, token: o.token });
  const server = http.createServer((req, res) => {
    if (installer.handle(req, res)) return;
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/mcp") {
      handleMcp(req, res, computers, limits, o.log).catch((e: unknown) => {
        o.log(`MCP request failed: ${e instanceof Error ? e.message : String(e)}`);
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
      });
      return;
    }
    if (path === "/health") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ healthy: true, version: VERSION, computers: computers.list().length }));
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("opencc-bridge: MCP at /mcp, CC computers at /cc (WebSocket), players: wget run <this address>/install\n");
  });
  server.on("upgrade", (req, socket, head) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== "/cc") {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    cc.handleUpgrade(req, socket, head);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => {
      server.off("error", reject);
      stream?.start(); // only once listening: a bridge that cannot listen exits at once
      const port = (server.address() as AddressInfo).port;
      const local = o.host === "0.0.0.0" || o.host === "::" ? "127.0.0.1" : o.host;
      const host = local.includes(":") ? `[${local}]` : local;
      resolve({
        port,
        mcpUrl: `http://${host}:${port}/mcp`,
        computers,
        installProblem: installer.problem,
        close: () =>
          new Promise((done) => {
            stream?.stop();
            computers.closeAll("the bridge stopped");
            cc.close();
            server.closeAllConnections();
            server.close(() => {
              done();
            });
          }),
      });
    });
  });
}
