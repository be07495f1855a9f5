// Which computer connections watch which opencode sessions, and the relay of the server's events
// to them. A watch is made only after the server, asked with the computer's OWN credential (never
// the bridge's), shows it the session: a computer that holds the bridge token but not the
// server's password learns nothing of sessions it could not read itself.
import { Computer, describe } from "./computers";
import type { ServerEvent } from "./events";
import type { ToComputer } from "./protocol";

const RELAYED = new Set([
  "message.updated",
  "message.part.updated",
  "message.part.delta",
  "message.removed",
  "message.part.removed",
  "session.status",
  "session.idle",
  "session.error",
]);
/** A bigger event (a tool part with a huge output) becomes a gap: the computer reads it by HTTP. */
export const MAX_FRAME = 64000;
const SESSION_ID = /^ses[A-Za-z0-9_]+$/;
const CHECK_TIMEOUT_MS = 15000;
export const NOT_CONNECTED = "the bridge is not connected to the server's events";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The session a relayed event belongs to; undefined for events no computer gets. */
export function eventSession(e: ServerEvent): string | undefined {
  if (!RELAYED.has(e.type) && !/^(permission|question)\./.test(e.type)) return undefined;
  const p = e.properties;
  const id =
    p.sessionID ??
    (isObject(p.info) ? p.info.sessionID : undefined) ??
    (isObject(p.part) ? p.part.sessionID : undefined);
  return typeof id === "string" ? id : undefined;
}

export interface WatchesOptions {
  /** The opencode server whose sessions are watched; undefined without --opencode. */
  url?: string;
  isConnected(): boolean;
  log(line: string): void;
}

export class Watches {
  private readonly bySession = new Map<string, Set<Computer>>();
  /** The newest watch request of each connection per session: an older check's answer is dropped. */
  private readonly checking = new Map<Computer, Map<string, object>>();

  constructor(private readonly o: WatchesOptions) {}

  async watch(c: Computer, session: string, auth: string): Promise<void> {
    this.remove(c, session);
    const ticket = {};
    const mine = this.checking.get(c) ?? new Map<string, object>();
    this.checking.set(c, mine.set(session, ticket));
    const refused = await this.check(session, auth);
    // An unwatch, a newer watch or the connection closing came while the server answered.
    if (mine.get(session) !== ticket || this.checking.get(c) !== mine) return;
    mine.delete(session);
    // The stream may have dropped while the server answered: a watch then would miss events.
    const error = refused ?? (this.o.isConnected() ? undefined : NOT_CONNECTED);
    if (error !== undefined) {
      this.o.log(`${describe(c)} may not watch ${session}: ${error}`);
      this.send(c, { type: "watching", session, ok: false, error });
      return;
    }
    const watchers = this.bySession.get(session) ?? new Set<Computer>();
    this.bySession.set(session, watchers.add(c));
    this.send(c, { type: "watching", session, ok: true });
  }

  unwatch(c: Computer, session: string): void {
    this.checking.get(c)?.delete(session);
    this.remove(c, session);
  }

  /** The connection closed: its watches go with it. */
  drop(c: Computer): void {
    this.checking.delete(c);
    for (const session of [...this.bySession.keys()]) this.remove(c, session);
  }

  relay(e: ServerEvent): void {
    const session = eventSession(e);
    const watchers = session !== undefined ? this.bySession.get(session) : undefined;
    if (session === undefined || watchers === undefined) return;
    const event: ToComputer = { type: "event", session, event: { type: e.type, properties: e.properties } };
    const msg: ToComputer = Buffer.byteLength(JSON.stringify(event)) > MAX_FRAME ? { type: "gap", session } : event;
    for (const c of watchers) this.send(c, msg);
  }

  /** The event stream dropped: every watcher may have missed events. */
  gapAll(): void {
    for (const [session, watchers] of this.bySession) for (const c of watchers) this.send(c, { type: "gap", session });
  }

  /** Why the computer may not watch the session (asking the server with its credential), or undefined. */
  private async check(session: string, auth: string): Promise<string | undefined> {
    if (this.o.url === undefined) return "the bridge has no --opencode server";
    if (!SESSION_ID.test(session)) return `${JSON.stringify(session)} is not a session id`;
    if (!this.o.isConnected()) return NOT_CONNECTED;
    const headers: Record<string, string> = { accept: "application/json" };
    if (auth !== "") headers.authorization = auth;
    let res: Response;
    try {
      res = await fetch(`${this.o.url}/session/${session}`, {
        headers,
        signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
      });
      await res.arrayBuffer();
    } catch (e) {
      return `the bridge could not ask the server about it (${e instanceof Error ? e.message : String(e)})`;
    }
    if (res.ok) return undefined;
    if (res.status === 401) return "the server refused this computer's password (401)";
    if (res.status === 404) return "no such session on the server (404)";
    return `the server answered ${res.status} for this session`;
  }

  private remove(c: Computer, session: string): void {
    const watchers = this.bySession.get(session);
    if (watchers === undefined) return;
    watchers.delete(c);
    if (watchers.size === 0) this.bySession.delete(session);
  }

  /** Sends unless the connection is closing (its watches are dropped when it closes). */
  private send(c: Computer, msg: ToComputer): void {
    try {
      c.send(msg);
    } catch {
      // closing: nothing sent now can arrive
    }
  }
}
