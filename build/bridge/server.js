"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.startBridge = startBridge;
// One HTTP server on one port: /mcp for opencode, /cc (WebSocket) for CC computers, /health,
// and the installation for players (/install, /files/...).
const node_http_1 = __importDefault(require("node:http"));
const ccsocket_1 = require("./ccsocket");
const computers_1 = require("./computers");
const events_1 = require("./events");
const install_1 = require("./install");
const mcp_1 = require("./mcp");
const watches_1 = require("./watches");
/** The relay of the server's events to watching computers, over one subscription for all (not started yet). */
function watchEvents(o) {
    const ev = o.events;
    if (ev === undefined)
        return { watches: new watches_1.Watches({ isConnected: () => false, log: o.log }) };
    const stream = new events_1.EventStream({
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
    const watches = new watches_1.Watches({ url: ev.url, isConnected: () => stream.connected, log: o.log });
    return { watches, stream };
}
function startBridge(o) {
    const computers = new computers_1.Computers();
    const { watches, stream } = watchEvents(o);
    const cc = new ccsocket_1.CCEndpoint(computers, o.token, o.log, watches);
    const limits = { callTimeoutMs: o.callTimeoutMs };
    const installer = (0, install_1.loadInstaller)({ ...o.install, token: o.token });
    const server = node_http_1.default.createServer((req, res) => {
        if (installer.handle(req, res))
            return;
        const path = (req.url ?? "/").split("?")[0];
        if (path === "/mcp") {
            (0, mcp_1.handleMcp)(req, res, computers, limits, o.log).catch((e) => {
                o.log(`MCP request failed: ${e instanceof Error ? e.message : String(e)}`);
                if (!res.headersSent)
                    res.writeHead(500, { "content-type": "application/json" });
                res.end(JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
            });
            return;
        }
        if (path === "/health") {
            res.writeHead(200, { "content-type": "application/json" });
            res.end(JSON.stringify({ healthy: true, version: mcp_1.VERSION, computers: computers.list().length }));
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
            const port = server.address().port;
            const local = o.host === "0.0.0.0" || o.host === "::" ? "127.0.0.1" : o.host;
            const host = local.includes(":") ? `[${local}]` : local;
            resolve({
                port,
                mcpUrl: `http://${host}:${port}/mcp`,
                computers,
                installProblem: installer.problem,
                close: () => new Promise((done) => {
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
