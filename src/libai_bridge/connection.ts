// One welcomed connection to opencc-bridge, serving its tool calls until Ctrl+T or until the
// connection ends. Calls run one at a time in their own coroutine, beside the one that reads the
// socket, so a turtle move (which drops other events while it waits) never loses a message.
import type { BridgeOptions, CallOutcome, ComputerKind, Tier } from "libai/bridgetypes";
import type { Websocket } from "libai/http";
import { core } from "./core";
import { recordScreen } from "./screen";
import { peripheralList, serveCall, ToolCall } from "./tools";
import { BridgeNews, Watches } from "./watch";

const WAKE_EVENT = "opencc_bridge_call";
/** CC: Tweaked's default limit for one websocket message is 128 KiB. */
const MAX_MESSAGE = 120000;

interface CallMessage {
  type?: string;
  call?: number;
  tool?: string;
  args?: { [k: string]: unknown };
  limit?: number;
}

type QueuedCall = ToolCall & { call: number };

/** A tool call from a decoded message, or undefined when the message is something else. */
function callOf(msg: CallMessage): QueuedCall | undefined {
  if (msg.type !== "call" || type(msg.call) !== "number") return undefined;
  return {
    call: msg.call!,
    tool: tostring(msg.tool),
    args: msg.args ?? {},
    limit: type(msg.limit) === "number" ? msg.limit : undefined,
  };
}

/** An open connection to the bridge, welcomed. */
export class BridgeConnection {
  readonly id = os.getComputerID();
  // CC returns nil for an unlabelled computer (typed null there).
  readonly label = os.getComputerLabel() as string | undefined;
  private closed = false;
  /** While connected, a plain terminal is recorded so that the screen tool can read it. */
  private readonly restoreScreen = recordScreen();
  /** The server's news for this computer's waits, while this connection serves. */
  private readonly watches = new Watches((msg) => {
    this.send(msg);
  });

  constructor(
    readonly url: string,
    readonly allowed: Tier[],
    private readonly ws: Websocket,
    readonly kind: ComputerKind,
    /** The URL this connection was opened with: CC's events name only that. */
    private readonly socketUrl: string,
  ) {}

  /** The line that tells the agent which computer is asking and what it may do there. */
  note(): string {
    const who = `computer ${this.id}${this.label !== undefined ? ` "${this.label}"` : ""} (a ${this.kind})`;
    return (
      `The user is typing on ComputerCraft ${who}. You can act on it through the opencc bridge's tools ` +
      `(opencc_computers, opencc_turtle, opencc_peripherals, opencc_peripheral_call, opencc_screen, opencc_lua) ` +
      `with "computer": ${this.id}. Its owner allows: ${this.allowed.length > 0 ? this.allowed.join(", ") : "nothing"}.`
    );
  }

  private send(msg: object): void {
    this.sendText(core.encodeJSON(msg));
  }

  private sendText(text: string): void {
    if (this.closed) return;
    // A send fails once the socket is gone; websocket_closed then ends serving.
    pcall(this.ws.send, text);
  }

  /** A call's result, or an error the agent can act on when it is too large to send. */
  private sendResult(call: number, outcome: CallOutcome): void {
    const msg = { type: "result", call, ok: outcome.ok, result: outcome.result, error: outcome.error };
    const text = core.encodeJSON(msg);
    if (text.length <= MAX_MESSAGE) {
      this.sendText(text);
      return;
    }
    this.send({
      type: "result",
      call,
      ok: false,
      error: `the result (${text.length} bytes) is too large for CC's websocket messages (128 KiB): ask for less at a time`,
    });
  }

  close(): void {
    this.watches.close();
    core.dropListener(this.watches);
    this.restoreScreen();
    this.closed = true;
    // Also after websocket_closed: a handle left open would keep the bridge sending to it.
    pcall(this.ws.close);
  }

  /** Reads the socket: queues calls, announces peripheral changes; returns why it ended. */
  private read(queue: QueuedCall[]): string {
    while (true) {
      const [event, url, a, b] = os.pullEventRaw();
      if (event === "terminate") throw core.TERMINATED;
      if (event === "websocket_message" && url === this.socketUrl) {
        const msg = (core.decodeJSON(tostring(a)) ?? {}) as CallMessage & BridgeNews;
        const call = callOf(msg);
        if (call !== undefined) {
          queue.push(call);
          os.queueEvent(WAKE_EVENT);
        } else this.watches.receive(msg);
      } else if (event === "websocket_closed" && url === this.socketUrl) {
        this.closed = true;
        if (a !== undefined) return `the bridge closed the connection (${tostring(a)})`;
        return b === undefined ? "the connection to the bridge was lost" : "the bridge closed the connection";
      } else if (event === "peripheral" || event === "peripheral_detach") {
        this.send({ type: "peripherals", peripherals: peripheralList() });
      }
    }
  }

  /** Runs the queued calls one at a time, sending each result. */
  private work(queue: QueuedCall[], onCall: BridgeOptions["onCall"]): void {
    while (true) {
      const next = queue.shift();
      if (next === undefined) {
        const [event] = os.pullEventRaw(WAKE_EVENT);
        if (event === "terminate") throw core.TERMINATED;
        continue;
      }
      const outcome = serveCall(next, this.allowed, this.id);
      this.sendResult(next.call, outcome);
      if (onCall !== undefined) onCall(outcome.summary, outcome);
    }
  }

  /** Serves calls until the connection ends (returns the reason) or Ctrl+T (raises TERMINATED). */
  serve(onCall?: BridgeOptions["onCall"]): string {
    const queue: QueuedCall[] = [];
    let ended = "the bridge closed the connection";
    // Serving reads the socket, so only now can the bridge's news reach a wait.
    core.setListener(this.watches);
    const [ok, thrown] = pcall(() =>
      parallel.waitForAny(
        () => {
          ended = this.read(queue);
        },
        () => {
          this.work(queue, onCall);
        },
      ),
    );
    this.close();
    if (!ok) throw thrown;
    return ended;
  }
}
