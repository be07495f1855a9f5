// The messages between the bridge and a CC computer, one JSON text frame each. The computer
// speaks first (hello); the bridge answers welcome or refused, then sends calls that the
// computer answers with results, one per call id. A computer may also watch an opencode session:
// the bridge checks the computer's own credential with the server, then relays that session's
// server events (events.ts) until unwatch or the connection closes.

/** What a computer says about itself when it connects (and again when its peripherals change). */
export interface PeripheralInfo {
  name: string;
  types: string[];
  methods: string[];
}

export type ComputerKind = "computer" | "turtle" | "pocket";

export interface Hello {
  type: "hello";
  token: string;
  id: number;
  label?: string;
  kind: ComputerKind;
  colour: boolean;
  /** What the computer's owner allows (opencc.tools): read, act, lua. */
  tools: string[];
  peripherals: PeripheralInfo[];
  version?: string;
}

export interface PeripheralsUpdate {
  type: "peripherals";
  peripherals: PeripheralInfo[];
}

export interface CallResult {
  type: "result";
  call: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

/** Relay the events of `session`; `auth` is the Authorization value the computer sends to opencode ("" for none). */
export interface Watch {
  type: "watch";
  session: string;
  auth: string;
}

export interface Unwatch {
  type: "unwatch";
  session: string;
}

export type FromComputer = Hello | PeripheralsUpdate | CallResult | Watch | Unwatch;

export interface Call {
  type: "call";
  call: number;
  tool: string;
  args: Record<string, unknown>;
  /** Seconds the computer may spend on it (a little less than the bridge waits). */
  limit: number;
}

export type ToComputer =
  | { type: "welcome"; id: number }
  | { type: "refused"; reason: string }
  | Call
  | { type: "watching"; session: string; ok: true }
  | { type: "watching"; session: string; ok: false; error: string }
  /** One server event of the session, as the server sent it (without /global/event's wrapper). */
  | { type: "event"; session: string; event: { type: string; properties: Record<string, unknown> } }
  /** Events of the session may have been lost: look at it by HTTP. */
  | { type: "gap"; session: string };

/** WebSocket close code the bridge uses when it refuses a computer (wrong token, bad hello). */
export const CLOSE_REFUSED = 4001;
/** Close code for a connection replaced by a newer one from the same computer id. */
export const CLOSE_REPLACED = 4002;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

function peripheralList(v: unknown): PeripheralInfo[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObject).map((p) => ({
    name: String(p.name),
    types: stringList(p.types),
    methods: stringList(p.methods),
  }));
}

/** Parses one frame from a computer; a string saying what is wrong when it is not a message. */
export function parseFromComputer(text: string): FromComputer | string {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return "not JSON";
  }
  // CC's textutils.serialiseJSON writes an empty table as {} and an empty list the same way.
  if (!isObject(v)) return "not a JSON object";
  if (v.type === "hello") {
    if (typeof v.id !== "number") return "hello without a computer id";
    const kind = v.kind === "turtle" || v.kind === "pocket" ? v.kind : "computer";
    return {
      type: "hello",
      token: typeof v.token === "string" ? v.token : "",
      id: v.id,
      label: typeof v.label === "string" && v.label !== "" ? v.label : undefined,
      kind,
      colour: v.colour === true,
      tools: stringList(v.tools),
      peripherals: peripheralList(v.peripherals),
      version: typeof v.version === "string" ? v.version : undefined,
    };
  }
  if (v.type === "peripherals") return { type: "peripherals", peripherals: peripheralList(v.peripherals) };
  if (v.type === "result") {
    if (typeof v.call !== "number") return "result without a call id";
    return {
      type: "result",
      call: v.call,
      ok: v.ok === true,
      result: v.result,
      error: typeof v.error === "string" ? v.error : undefined,
    };
  }
  if (v.type === "watch" || v.type === "unwatch") {
    if (typeof v.session !== "string" || v.session === "") return `${v.type} without a session`;
    if (v.type === "unwatch") return { type: "unwatch", session: v.session };
    return { type: "watch", session: v.session, auth: typeof v.auth === "string" ? v.auth : "" };
  }
  return `unknown message type ${JSON.stringify(v.type)}`;
}
