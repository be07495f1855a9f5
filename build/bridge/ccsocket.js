"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CCEndpoint = void 0;
// The WebSocket endpoint (/cc) where CC computers connect with http.websocket. A computer must
// say hello with the bridge's token within a few seconds; then it is listed and gets calls.
const node_crypto_1 = require("node:crypto");
const ws_1 = require("ws");
const computers_1 = require("./computers");
const protocol_1 = require("./protocol");
const HELLO_TIMEOUT_MS = 10000;
/** Large enough for a screen or a chest listing; far below CC's own limit. */
const MAX_MESSAGE = 4 * 1024 * 1024;
function sameToken(given, expected) {
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && (0, node_crypto_1.timingSafeEqual)(a, b);
}
class CCEndpoint {
    computers;
    token;
    log;
    wss = new ws_1.WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE });
    constructor(computers, token, log) {
        this.computers = computers;
        this.token = token;
        this.log = log;
    }
    handleUpgrade(req, socket, head) {
        this.wss.handleUpgrade(req, socket, head, (ws) => {
            this.accept(ws, req.socket.remoteAddress ?? "?");
        });
    }
    accept(ws, from) {
        let computer;
        const refuse = (reason) => {
            this.log(`refused a computer from ${from}: ${reason}`);
            const msg = { type: "refused", reason };
            ws.send(JSON.stringify(msg));
            ws.close(protocol_1.CLOSE_REFUSED, reason.slice(0, 120));
        };
        const helloTimer = setTimeout(() => {
            if (computer === undefined)
                refuse("no hello within 10 s: this endpoint is for opencc (ai --serve)");
        }, HELLO_TIMEOUT_MS);
        ws.on("message", (data, isBinary) => {
            const msg = (0, protocol_1.parseFromComputer)(isBinary
                ? ""
                : Buffer.isBuffer(data)
                    ? data.toString("utf8")
                    : Buffer.concat(data instanceof ArrayBuffer ? [Buffer.from(data)] : data).toString("utf8"));
            if (typeof msg === "string") {
                if (computer === undefined)
                    refuse(`bad hello (${msg})`);
                else
                    this.log(`${(0, computers_1.describe)(computer)} sent a bad message (${msg}); ignored`);
                return;
            }
            if (computer === undefined) {
                if (msg.type !== "hello") {
                    refuse("the first message must be a hello");
                    return;
                }
                clearTimeout(helloTimer);
                if (this.token !== "" && !sameToken(msg.token, this.token)) {
                    refuse("wrong bridge token: set opencc.bridge_token on this computer to the bridge's --token (OPENCC_BRIDGE_TOKEN)");
                    return;
                }
                const c = {
                    id: msg.id,
                    label: msg.label,
                    kind: msg.kind,
                    colour: msg.colour,
                    tools: msg.tools,
                    peripherals: msg.peripherals,
                    connectedAt: Date.now(),
                    send: (m) => {
                        ws.send(JSON.stringify(m));
                    },
                };
                computer = c;
                const old = this.computers.add(c);
                if (old !== undefined)
                    old.send = () => { };
                this.log(`${(0, computers_1.describe)(c)} connected from ${from}; allows ${c.tools.join(", ") || "nothing"}`);
                c.send({ type: "welcome", id: c.id });
                return;
            }
            if (msg.type === "result")
                this.computers.settle(computer, msg.call, msg.ok, msg.result, msg.error);
            else if (msg.type === "peripherals")
                computer.peripherals = msg.peripherals;
        });
        ws.on("close", (code) => {
            clearTimeout(helloTimer);
            if (computer === undefined)
                return;
            const why = code === 1000 ? "it closed the connection" : `the connection was lost (code ${code})`;
            if (code !== protocol_1.CLOSE_REPLACED)
                this.log(`${(0, computers_1.describe)(computer)} left: ${why}`);
            this.computers.remove(computer, why);
        });
        ws.on("error", (e) => {
            this.log(`connection error from ${from}: ${e.message}`);
        });
    }
    close() {
        for (const ws of this.wss.clients)
            ws.terminate();
        this.wss.close();
    }
}
exports.CCEndpoint = CCEndpoint;
