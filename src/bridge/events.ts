// The bridge's one subscription to the opencode server's event stream (SSE), kept open and
// reopened when it drops. CC's http cannot read SSE, so the bridge reads it for the computers.
//
// Probed on opencode 1.18.33 (a "[slow:300][reply:one two three four five]" prompt_async):
// - GET /event carries the events of the server's own project only; GET /global/event carries
//   every directory's, each wrapped: data: {"directory":D,"project":P,"payload":EVENT}. The first
//   frame is {"payload":{"type":"server.connected","properties":{}}} (no directory). With a
//   password both answer 401 without it. A quiet /global/event sends
//   {"payload":{"type":"server.heartbeat","properties":{}}} every 10 s (4 in 40 s).
// - GET /session/S answers 200 for a session made under another ?directory too, so the watch
//   check (watches.ts) needs no directory.
// - /global/event also carries {"payload":{"type":"sync","syncEvent":{...}}} copies of the stored
//   events (session.created.1, message.updated.1, ...): not relayed, their originals are.
// - EVENT is {"id":"evt_..","type":T,"properties":{..}}, and every session event has
//   properties.sessionID, in this order for one reply:
//   message.updated (user: info.role "user"), message.part.updated (part.type "text", the prompt),
//   session.status {status:{type:"busy"}}, message.updated (assistant: info.parentID = the user
//   message's id, no time.completed), message.part.updated (part.type "step-start"),
//   message.part.updated (part.type "text", text ""), then one message.part.delta per chunk
//   {sessionID, messageID, partID, field:"text", delta:"one "}, message.part.updated (the text
//   part with its whole text and time.end), message.part.updated (part.type "step-finish",
//   reason "stop"), message.updated (info.time.completed, finish "stop"), session.status idle,
//   session.idle {sessionID}. Between them: session.updated, session.diff, plugin.added, ...
// - The OpenAPI document names permission.asked/replied, question.asked/replied/rejected and
//   their permission.v2.* / question.v2.* twins, all with properties.sessionID.

export interface ServerEvent {
  type: string;
  properties: Record<string, unknown>;
}

export interface EventStreamOptions {
  /** The opencode server (no trailing slash). */
  url: string;
  /** The Authorization header value, or "" for a server without a password. */
  authorization: string;
  onEvent(e: ServerEvent): void;
  /** The stream is open: events flow from now on. */
  onConnected(): void;
  /** The stream dropped (or could not open): events until the next onConnected may be lost. */
  onDropped(why: string): void;
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10000;
/** Three missed heartbeats: the connection is dead even if TCP has not noticed (a half-open one). */
export const STALL_MS = 30000;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The event in one SSE data field of /global/event (or /event), or undefined. */
export function parseEventData(data: string): ServerEvent | undefined {
  let v: unknown;
  try {
    v = JSON.parse(data);
  } catch {
    return undefined;
  }
  const e = isObject(v) && isObject(v.payload) ? v.payload : v;
  if (!isObject(e) || typeof e.type !== "string") return undefined;
  return { type: e.type, properties: isObject(e.properties) ? e.properties : {} };
}

export class EventStream {
  private abort = new AbortController();
  private stopped = false;
  private retryMs = FIRST_RETRY_MS;
  private timer: NodeJS.Timeout | undefined;
  private lastWhy = "";
  private stallTimer: NodeJS.Timeout | undefined;
  private stalled = false;
  connected = false;

  constructor(private readonly o: EventStreamOptions) {}

  start(): void {
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.stallTimer);
    this.abort.abort();
  }

  /** Something came: the stream is alive for another STALL_MS. */
  private alive(): void {
    clearTimeout(this.stallTimer);
    this.stallTimer = setTimeout(() => {
      this.stalled = true;
      this.abort.abort();
    }, STALL_MS);
  }

  private async run(): Promise<void> {
    let why: string;
    try {
      why = await this.read();
    } catch (e) {
      why = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
    }
    clearTimeout(this.stallTimer);
    if (this.stalled) why = `nothing from the server for ${STALL_MS / 1000} s (it sends a heartbeat every 10 s)`;
    this.stalled = false;
    if (this.stopped) return;
    // A server that stays away is said once, not at every try.
    if (this.connected || why !== this.lastWhy) this.o.onDropped(`${why}; trying again`);
    this.connected = false;
    this.lastWhy = why;
    this.timer = setTimeout(() => {
      this.abort = new AbortController();
      void this.run();
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }

  /** Reads the stream until it ends; resolves why it ended. */
  private async read(): Promise<string> {
    const headers: Record<string, string> = { accept: "text/event-stream" };
    if (this.o.authorization !== "") headers.authorization = this.o.authorization;
    this.alive();
    const res = await fetch(`${this.o.url}/global/event`, { headers, signal: this.abort.signal });
    if (!res.ok || res.body === null) {
      await res.body?.cancel();
      if (res.status === 401) return "the server refused the bridge's password (401): check --password";
      return `the server answered ${res.status}`;
    }
    this.connected = true;
    this.lastWhy = "";
    this.retryMs = FIRST_RETRY_MS;
    this.o.onConnected();
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { done, value } = (await reader.read()) as { done: boolean; value?: Uint8Array };
      if (done) return "the server closed the stream";
      this.alive();
      // CRLF, should a proxy write it, split across two chunks joins up here.
      buffer = (buffer + decoder.decode(value, { stream: true })).replace(/\r\n/g, "\n");
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        this.frame(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  /** One SSE frame: its data lines joined make one event. */
  private frame(text: string): void {
    const data = text
      .split("\n")
      .filter((l) => l.startsWith("data:"))
      .map((l) => l.slice(l.startsWith("data: ") ? 6 : 5))
      .join("\n");
    const e = data !== "" ? parseEventData(data) : undefined;
    if (e === undefined) return;
    try {
      this.o.onEvent(e);
    } catch {
      // one computer's trouble must not end the stream for all
    }
  }
}
