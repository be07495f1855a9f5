// Connecting to opencc-bridge (opencc.bridge_url): open the websocket, say who this computer is
// and what its owner allows, and wait for the bridge's welcome, at most WELCOME_TIMEOUT seconds.
import type { BridgeOptions, ComputerKind, Tier } from "libai/bridgetypes";
import { BridgeConnection } from "./connection";
import { core } from "./core";
import { version } from "./version";
import { peripheralList } from "./tools";

const WELCOME_TIMEOUT = 10;
const CONNECT_TIMEOUT = 5;

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

/** The bridge's answer to the hello: true when welcomed; a refusal or a close raises. */
function welcomed(conn: BridgeConnection, url: string, socketUrl: string, timer: number): boolean {
  const [event, eventUrl, a] = os.pullEventRaw();
  if (event === "terminate") {
    conn.close();
    throw core.TERMINATED;
  }
  if (event === "timer" && eventUrl === timer) {
    conn.close();
    core.fail(
      "timeout",
      `The bridge at ${url} did not welcome this computer within ${WELCOME_TIMEOUT} s: is it opencc-bridge?`,
    );
  }
  if (event === "websocket_message" && eventUrl === socketUrl) {
    const msg = core.decodeJSON(tostring(a)) as { type?: string; reason?: string } | undefined;
    if (msg?.type === "welcome") return true;
    if (msg?.type === "refused") {
      conn.close();
      core.fail("auth", `The bridge refused this computer: ${tostring(msg.reason)}`);
    }
  }
  if (event === "websocket_closed" && eventUrl === socketUrl) {
    conn.close();
    core.fail("unreachable", `The bridge at ${url} closed the connection before welcoming this computer.`);
  }
  return false;
}

/** Connects, says hello and waits for the bridge's welcome; raises an AiError when it cannot. */
export function connectBridge(this: void, opts: BridgeOptions = {}): BridgeConnection {
  const cfg = core.readConfig();
  const url = opts.url ?? cfg.bridgeUrl;
  if (url === "") {
    core.fail(
      "bad_setting",
      "opencc.bridge_url is not set: set opencc.bridge_url ws://host:4097/cc (the opencc-bridge's address)",
    );
  }
  const allowed = parseTools(opts.tools ?? cfg.tools);
  const socketUrl = ownUrl(url);
  const ws = core.openWebsocket(socketUrl, CONNECT_TIMEOUT);
  const conn = new BridgeConnection(url, allowed, ws, computerKind(), socketUrl);
  ws.send(
    core.encodeJSON({
      type: "hello",
      token: opts.token ?? cfg.bridgeToken,
      id: conn.id,
      label: conn.label,
      kind: conn.kind,
      colour: term.isColour(),
      tools: allowed,
      peripherals: peripheralList(),
      version,
    }),
  );
  const timer = os.startTimer(WELCOME_TIMEOUT);
  const [ok, thrown] = pcall(() => {
    let done = false;
    while (!done) done = welcomed(conn, url, socketUrl, timer);
  });
  os.cancelTimer(timer);
  if (!ok) throw thrown;
  return conn;
}
