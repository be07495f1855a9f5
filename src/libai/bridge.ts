// This computer as a tool of the agent: connects to opencc-bridge (opencc.bridge_url), says who
// it is, and serves the bridge's tool calls until Ctrl+T or until the connection ends. Calls
// run one at a time in their own coroutine, beside the one that reads the socket, so a turtle
// move (which drops other events while it waits) never loses a message.
import { serveCall, peripheralList, Tier, ToolCall, CallOutcome } from "./bridgetools";
import { readConfig } from "./config";
import { aiError, fail } from "./errors";
import { openWebsocket, TERMINATED, Websocket } from "./http";
import { decodeJSON, encodeJSON } from "./json";
import { recordScreen } from "./screen";

export interface BridgeOptions {
  /** Default opencc.bridge_url, opencc.bridge_token, opencc.tools. */
  url?: string;
  token?: string;
  tools?: string;
  /** Called after each tool call with what it did (and whether it was refused or failed). */
  onCall?: (this: void, summary: string, outcome: CallOutcome) => void;
}

const WAKE_EVENT = "opencc_bridge_call";
const WELCOME_TIMEOUT = 10;
const CONNECT_TIMEOUT = 5;
/** CC: Tweaked's default limit for one websocket message is 128 KiB. */
const MAX_MESSAGE = 120000;

export type ComputerKind = "computer" | "turtle" | "pocket";

export function computerKind(): ComputerKind {
  if (turtle !== undefined) return "turtle";
  if ((_G as unknown as { pocket?: unknown }).pocket !== undefined) return "pocket";
  return "computer";
}

function parseTools(tools: string): Tier[] {
  const out: Tier[] = [];
  for (const [word] of string.gmatch(tools, "[^,%s]+")) {
    if ((word === "read" || word === "act" || word === "lua") && out.indexOf(word) < 0) out.push(word);
  }
  return out;
}

interface BridgeMessage {
  type?: string;
  call?: number;
  tool?: string;
  args?: { [k: string]: unknown };
  limit?: number;
  reason?: string;
}

/** An open connection to the bridge, welcomed. */
export class BridgeConnection {
  readonly id = os.getComputerID();
  readonly label = os.getComputerLabel();
  readonly kind = computerKind();
  private closed = false;
  /** While connected, a plain terminal is recorded so that the screen tool can read it. */
  private readonly restoreScreen = recordScreen();

  constructor(
    readonly url: string,
    readonly allowed: Tier[],
    private readonly ws: Websocket,
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
    this.sendText(encodeJSON(msg));
  }

  private sendText(text: string): void {
    if (this.closed) return;
    // A send fails once the socket is gone; websocket_closed then ends serving.
    pcall(this.ws.send, text);
  }

  /** A call's result, or an error the agent can act on when it is too large to send. */
  private sendResult(call: number, outcome: CallOutcome): void {
    const msg = { type: "result", call, ok: outcome.ok, result: outcome.result, error: outcome.error };
    const text = encodeJSON(msg);
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
    this.restoreScreen();
    this.closed = true;
    // Also after websocket_closed: a handle left open would keep the bridge sending to it.
    pcall(this.ws.close);
  }

  /** Serves calls until the connection ends (returns the reason) or Ctrl+T (raises TERMINATED). */
  serve(onCall?: BridgeOptions["onCall"]): string {
    const queue: (ToolCall & { call: number })[] = [];
    let ended = "the bridge closed the connection";
    const reader = (): void => {
      while (true) {
        const [event, url, a, b] = os.pullEventRaw();
        if (event === "terminate") throw TERMINATED;
        if (event === "websocket_message" && url === this.socketUrl) {
          const msg = decodeJSON(tostring(a)) as BridgeMessage | undefined;
          if (msg !== undefined && msg.type === "call" && type(msg.call) === "number") {
            queue.push({
              call: msg.call!,
              tool: tostring(msg.tool),
              args: msg.args ?? {},
              limit: type(msg.limit) === "number" ? msg.limit : undefined,
            });
            os.queueEvent(WAKE_EVENT);
          }
        } else if (event === "websocket_closed" && url === this.socketUrl) {
          this.closed = true;
          if (a !== undefined) ended = `the bridge closed the connection (${tostring(a)})`;
          else if (b === undefined) ended = "the connection to the bridge was lost";
          return;
        } else if (event === "peripheral" || event === "peripheral_detach") {
          this.send({ type: "peripherals", peripherals: peripheralList() });
        }
      }
    };
    const worker = (): void => {
      while (true) {
        const next = queue.shift();
        if (next === undefined) {
          const [event] = os.pullEventRaw(WAKE_EVENT);
          if (event === "terminate") throw TERMINATED;
          continue;
        }
        const outcome = serveCall(next, this.allowed, this.id);
        this.sendResult(next.call, outcome);
        if (onCall !== undefined) onCall(outcome.summary, outcome);
      }
    };
    const [ok, thrown] = pcall(() => parallel.waitForAny(reader, worker));
    this.close();
    if (!ok) throw thrown;
    return ended;
  }
}

/**
 * The bridge's URL made this connection's own. CC names a websocket's events by the URL only,
 * so two sockets to one URL are confused: CraftOS-PC queues websocket_closed for a socket closed
 * by the program up to 1 s later, which the next prompt's connection took for its own end, and
 * two programs serving at once (multishell tabs) both ran each call. The bridge ignores the query.
 */
function ownUrl(url: string): string {
  if (string.find(url, "^wss?://")[0] === undefined) return url;
  const nonce = `${os.epoch("utc")}${math.random(1000, 9999)}`;
  return url + (string.find(url, "?", 1, true)[0] !== undefined ? "&" : "?") + "opencc=" + nonce;
}

/** Connects, says hello and waits for the bridge's welcome; raises an AiError when it cannot. */
export function connectBridge(opts: BridgeOptions = {}): BridgeConnection {
  const cfg = readConfig();
  const url = opts.url ?? cfg.bridgeUrl;
  if (url === "") {
    fail(
      "bad_setting",
      "opencc.bridge_url is not set: set opencc.bridge_url ws://host:4097/cc (the opencc-bridge's address)",
    );
  }
  const allowed = parseTools(opts.tools ?? cfg.tools);
  const socketUrl = ownUrl(url);
  const ws = openWebsocket(socketUrl, CONNECT_TIMEOUT);
  const conn = new BridgeConnection(url, allowed, ws, socketUrl);
  ws.send(
    encodeJSON({
      type: "hello",
      token: opts.token ?? cfg.bridgeToken,
      id: conn.id,
      label: conn.label,
      kind: conn.kind,
      colour: term.isColour(),
      tools: allowed,
      peripherals: peripheralList(),
      version: "0.1.0",
    }),
  );
  const timer = os.startTimer(WELCOME_TIMEOUT);
  while (true) {
    const [event, eventUrl, a] = os.pullEventRaw();
    if (event === "terminate") {
      conn.close();
      throw TERMINATED;
    }
    if (event === "timer" && eventUrl === timer) {
      conn.close();
      fail(
        "timeout",
        `The bridge at ${url} did not welcome this computer within ${WELCOME_TIMEOUT} s: is it opencc-bridge?`,
      );
    }
    if (event === "websocket_message" && eventUrl === socketUrl) {
      const msg = decodeJSON(tostring(a)) as BridgeMessage | undefined;
      if (msg?.type === "welcome") {
        os.cancelTimer(timer);
        return conn;
      }
      if (msg?.type === "refused") {
        os.cancelTimer(timer);
        conn.close();
        fail("auth", `The bridge refused this computer: ${tostring(msg.reason)}`);
      }
    }
    if (event === "websocket_closed" && eventUrl === socketUrl) {
      os.cancelTimer(timer);
      conn.close();
      fail("unreachable", `The bridge at ${url} closed the connection before welcoming this computer.`);
    }
  }
}

export interface ServeOptions extends BridgeOptions {
  /** Reconnect with backoff when the bridge cannot be reached or goes away (default true). */
  reconnect?: boolean;
  /** Called with one line when connected, lost, or waiting to reconnect. */
  onStatus?: (this: void, line: string) => void;
}

const PERMANENT: { [kind: string]: boolean } = {
  auth: true,
  bad_setting: true,
  bad_url: true,
  http_disabled: true,
  blocked: true,
};

/**
 * Serves the bridge until Ctrl+T (raises TERMINATED). Returns the error that made it stop
 * otherwise: a refusal or a setting to fix, or (without reconnect) a lost connection.
 */
export function serveBridge(opts: ServeOptions = {}): unknown {
  // Recorded across reconnections, so the screen tool sees what was printed while away.
  const restoreScreen = recordScreen();
  const [ok, result] = pcall(() => serveLoop(opts));
  restoreScreen();
  if (!ok) throw result;
  return result;
}

function serveLoop(opts: ServeOptions): unknown {
  let delay = 1;
  while (true) {
    const [ok, result] = pcall(() => connectBridge(opts));
    let problem: string;
    if (ok) {
      const conn = result;
      delay = 1;
      if (opts.onStatus !== undefined) {
        opts.onStatus(
          `Serving the bridge at ${conn.url} as computer ${conn.id}; allows ${conn.allowed.length > 0 ? conn.allowed.join(", ") : "nothing"}. Ctrl+T stops.`,
        );
      }
      problem = conn.serve(opts.onCall);
    } else {
      if (result === TERMINATED) throw TERMINATED;
      const err = result as { kind?: string; message?: string };
      if (type(result) !== "table" || PERMANENT[tostring(err.kind)] || opts.reconnect === false) return result;
      problem = tostring(err.message);
    }
    if (opts.reconnect === false) return aiError("unreachable", problem);
    if (opts.onStatus !== undefined) opts.onStatus(`${problem}: trying again in ${delay} s`);
    sleep(delay);
    delay = math.min(delay * 2, 30);
  }
}
