// The WebSocket endpoint (/cc) where CC computers connect with http.websocket. A computer must
// say hello with the bridge's token within a few seconds; then it is listed and gets calls.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer } from "ws";
import { Computer, Computers, describe } from "./computers";
import { CLOSE_REFUSED, CLOSE_REPLACED, parseFromComputer, ToComputer } from "./protocol";

const HELLO_TIMEOUT_MS = 10000;
/** Large enough for a screen or a chest listing; far below CC's own limit. */
const MAX_MESSAGE = 4 * 1024 * 1024;

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
  ) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.accept(ws, req.socket.remoteAddress ?? "?");
    });
  }

  private accept(ws: WebSocket, from: string): void {
    let computer: Computer | undefined;
    const refuse = (reason: string): void => {
      this.log(`refused a computer from ${from}: ${reason}`);
      const msg: ToComputer = { type: "refused", reason };
      ws.send(JSON.stringify(msg));
      ws.close(CLOSE_REFUSED, reason.slice(0, 120));
    };
    const helloTimer = setTimeout(() => {
      if (computer === undefined) refuse("no hello within 10 s: this endpoint is for opencc (ai --serve)");
    }, HELLO_TIMEOUT_MS);

    ws.on("message", (data, isBinary) => {
      const msg = parseFromComputer(
        isBinary
          ? ""
          : Buffer.isBuffer(data)
            ? data.toString("utf8")
            : Buffer.concat(data instanceof ArrayBuffer ? [Buffer.from(data)] : data).toString("utf8"),
      );
      if (typeof msg === "string") {
        if (computer === undefined) refuse(`bad hello (${msg})`);
        else this.log(`${describe(computer)} sent a bad message (${msg}); ignored`);
        return;
      }
      if (computer === undefined) {
        if (msg.type !== "hello") {
          refuse("the first message must be a hello");
          return;
        }
        clearTimeout(helloTimer);
        if (this.token !== "" && !sameToken(msg.token, this.token)) {
          refuse(
            "wrong bridge token: set opencc.bridge_token on this computer to the bridge's --token (OPENCC_BRIDGE_TOKEN)",
          );
          return;
        }
        const c: Computer = {
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
        if (old !== undefined) old.send = () => {};
        this.log(`${describe(c)} connected from ${from}; allows ${c.tools.join(", ") || "nothing"}`);
        c.send({ type: "welcome", id: c.id });
        return;
      }
      if (msg.type === "result") this.computers.settle(computer, msg.call, msg.ok, msg.result, msg.error);
      else if (msg.type === "peripherals") computer.peripherals = msg.peripherals;
    });

    ws.on("close", (code) => {
      clearTimeout(helloTimer);
      if (computer === undefined) return;
      const why = code === 1000 ? "it closed the connection" : `the connection was lost (code ${code})`;
      if (code !== CLOSE_REPLACED) this.log(`${describe(computer)} left: ${why}`);
      this.computers.remove(computer, why);
    });
    ws.on("error", (e) => {
      this.log(`connection error from ${from}: ${e.message}`);
    });
  }

  close(): void {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}
