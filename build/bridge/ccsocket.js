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
/** A frame's text; binary frames are not messages. */
function frameText(data, isBinary) {
    if (isBinary)
        return "";
    if (Buffer.isBuffer(data))
        return data.toString("utf8");
    return Buffer.concat(data instanceof ArrayBuffer ? [Buffer.from(data)] : data).toString("utf8");
}
function sameToken(given, expected) {
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && (0, node_crypto_1.timingSafeEqual)(a, b);
}
class CCEndpoint {
    computers;
    token;
    log;
    watches;
    wss = new ws_1.WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE });
    constructor(computers, token, log, watches) {
        this.computers = computers;
        this.token = token;
        this.log = log;
        this.watches = watches;
    }
    handleUpgrade(req, socket, head) {
        this.wss.handleUpgrade(req, socket, head, (ws) => {
            this.accept(ws, req.socket.remoteAddress ?? "?");
        });
    }
    accept(ws, from) {
        let computer;
        const helloTimer = setTimeout(() => {
            if (computer === undefined)
                this.refuse(ws, from, "no hello within 10 s: this endpoint is for opencc (ai --serve)");
        }, HELLO_TIMEOUT_MS);
        ws.on("message", (data, isBinary) => {
            const msg = (0, protocol_1.parseFromComputer)(frameText(data, isBinary));
            if (computer === undefined) {
                clearTimeout(helloTimer);
                computer = this.hello(ws, from, msg);
            }
            else if (typeof msg === "string") {
                this.log(`${(0, computers_1.describe)(computer)} sent a bad message (${msg}); ignored`);
            }
            else if (msg.type === "result") {
                this.computers.settle(computer, msg.call, msg.ok, msg.result, msg.error);
            }
            else if (msg.type === "peripherals") {
                computer.peripherals = msg.peripherals;
            }
            else if (msg.type === "watch") {
                void this.watches.watch(computer, msg.session, msg.auth);
            }
            else if (msg.type === "unwatch") {
                this.watches.unwatch(computer, msg.session);
            }
        });
        ws.on("close", (code) => {
            clearTimeout(helloTimer);
            if (computer !== undefined) {
                this.watches.drop(computer);
                this.closed(computer, code);
            }
        });
        ws.on("error", (e) => {
            this.log(`connection error from ${from}: ${e.message}`);
        });
    }
    refuse(ws, from, reason) {
        this.log(`refused a computer from ${from}: ${reason}`);
        const msg = { type: "refused", reason };
        ws.send(JSON.stringify(msg));
        ws.close(protocol_1.CLOSE_REFUSED, reason.slice(0, 120));
    }
    /** The first message: a hello with the right token makes the connection reachable. */
    hello(ws, from, msg) {
        if (typeof msg === "string") {
            this.refuse(ws, from, `bad hello (${msg})`);
            return undefined;
        }
        if (msg.type !== "hello") {
            this.refuse(ws, from, "the first message must be a hello");
            return undefined;
        }
        if (this.token !== "" && !sameToken(msg.token, this.token)) {
            this.refuse(ws, from, "wrong bridge token: set opencc.bridge_token on this computer to the bridge's --token (OPENCC_BRIDGE_TOKEN)");
            return undefined;
        }
        const c = {
            id: msg.id,
            label: msg.label,
            kind: msg.kind,
            colour: msg.colour,
            tools: msg.tools,
            peripherals: msg.peripherals,
            connectedAt: Date.now(),
            isOpen: () => ws.readyState === ws_1.WebSocket.OPEN,
            send: (m) => {
                // ws drops a message sent while closing without a word: say so instead.
                if (ws.readyState !== ws_1.WebSocket.OPEN)
                    throw new Error("its connection is closing");
                ws.send(JSON.stringify(m));
            },
        };
        const before = this.computers.add(c);
        const again = before !== undefined ? " (a newer connection; calls go to it from now on)" : "";
        this.log(`${(0, computers_1.describe)(c)} connected from ${from}${again}; allows ${c.tools.join(", ") || "nothing"}`);
        c.send({ type: "welcome", id: c.id });
        return c;
    }
    closed(c, code) {
        const why = code === 1000 ? "it closed the connection" : `the connection was lost (code ${code})`;
        const effect = this.computers.remove(c, why);
        if (effect === "superseded")
            this.log(`an older connection of ${(0, computers_1.describe)(c)} closed (${why}); its newer one stays`);
        else if (effect === "older")
            this.log(`${(0, computers_1.describe)(c)}: its newest connection closed (${why}); its older one is reached again`);
        else
            this.log(`${(0, computers_1.describe)(c)} left: ${why}`);
    }
    close() {
        for (const ws of this.wss.clients)
            ws.terminate();
        this.wss.close();
    }
}
exports.CCEndpoint = CCEndpoint;
