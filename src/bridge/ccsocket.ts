// The WebSocket endpoint (/cc) where CC computers connect with http.websocket. A computer must
// say hello with the bridge's token within a few seconds; then it is listed and gets calls.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { RawData, WebSocket, WebSocketServer } from "ws";
import { Computer, Computers, describe } from "./computers";
import { CLOSE_REFUSED, FromComputer, parseFromComputer, ToComputer } from "./protocol";
import type { Watches } from "./watches";

const HELLO_TIMEOUT_MS = 10000;
/** Large enough for a screen or a chest listing; far below CC's own limit. */
const MAX_MESSAGE = 4 * 1024 * 1024;

/** A frame's text; binary frames are not messages. */
function frameText(data: RawData, isBinary: boolean): string {
  if (isBinary) return "";
  if (Buffer.isBuffer(data)) return data.toString("utf8");
  return Buffer.concat(data instanceof ArrayBuffer ? [Buffer.from(data)] : data).toString("utf8");
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export class CCEndpoint {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE });

  constructor(
    private readonly computers: Computers,
    private readonly token: string,
    private readonly log: (line: string) => void,
    private readonly watches: Watches,
  ) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.accept(ws, req.socket.remoteAddress ?? "?");
    });
  }

  private accept(ws: WebSocket, from: string): void {
    let computer: Computer | undefined;
    const helloTimer = setTimeout(() => {
      if (computer === undefined)
        this.refuse(ws, from, "no hello within 10 s: this endpoint is for opencc (ai --serve)");
    }, HELLO_TIMEOUT_MS);
    ws.on("message", (data, isBinary) => {
      const msg = parseFromComputer(frameText(data, isBinary));
      if (computer === undefined) {
        clearTimeout(helloTimer);
        computer = this.hello(ws, from, msg);
      } else if (typeof msg === "string") {
        this.log(`${describe(computer)} sent a bad message (${msg}); ignored`);
      } else if (msg.type === "result") {
        this.computers.settle(computer, msg.call, msg.ok, msg.result, msg.error);
      } else if (msg.type === "peripherals") {
        computer.peripherals = msg.peripherals;
      } else if (msg.type === "watch") {
        void this.watches.watch(computer, msg.session, msg.auth);
      } else if (msg.type === "unwatch") {
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

  private refuse(ws: WebSocket, from: string, reason: string): void {
    this.log(`refused a computer from ${from}: ${reason}`);
    const msg: ToComputer = { type: "refused", reason };
    ws.send(JSON.stringify(msg));
    ws.close(CLOSE_REFUSED, reason.slice(0, 120));
  }

  /** The first message: a hello with the right token makes the connection reachable. */
  private hello(ws: WebSocket, from: string, msg: FromComputer | string): Computer | undefined {
    if (typeof msg === "string") {
      this.refuse(ws, from, `bad hello (${msg})`);
      return undefined;
    }
    if (msg.type !== "hello") {
      this.refuse(ws, from, "the first message must be a hello");
      return undefined;
    }
    if (this.token !== "" && !sameToken(msg.token, this.token)) {
      this.refuse(
        ws,
        from,
        "wrong bridge token: set opencc.bridge_token on this computer to the bridge's --token (OPENCC_BRIDGE_TOKEN)",
      );
      return undefined;
    }
    const c: Computer = {
      id: msg.id,
      label: msg.label,
      kind: msg.kind,
      colour: msg.colour,
      tools: msg.tools,
      peripherals: msg.peripherals,
      connectedAt: Date.now(),
      isOpen: () => ws.readyState === WebSocket.OPEN,
      send: (m) => {
        // ws drops a message sent while closing without a word: say so instead.
        if (ws.readyState !== WebSocket.OPEN) throw new Error("its connection is closing");
        ws.send(JSON.stringify(m));
      },
    };
    const before = this.computers.add(c);
    const again = before !== undefined ? " (a newer connection; calls go to it from now on)" : "";
    this.log(`${describe(c)} connected from ${from}${again}; allows ${c.tools.join(", ") || "nothing"}`);
    c.send({ type: "welcome", id: c.id });
    return c;
  }

  private closed(c: Computer, code: number): void {
    const why = code === 1000 ? "it closed the connection" : `the connection was lost (code ${code})`;
    const effect = this.computers.remove(c, why);
    if (effect === "superseded") this.log(`an older connection of ${describe(c)} closed (${why}); its newer one stays`);
    else if (effect === "older")
      this.log(`${describe(c)}: its newest connection closed (${why}); its older one is reached again`);
    else this.log(`${describe(c)} left: ${why}`);
  }

  close(): void {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}
