// How one request to the opencode server is made: the URL with the project directory, Basic Auth,
// JSON both ways, retries of idempotent requests after transient faults, and every HTTP error as
// one AiError line with a fix in it (a proxy's page named as such, never echoed). client.ts
// holds the endpoints.
import { decode, Shape } from "./decode";
import { AiError, fail, isAiError } from "./errors";
import { hostOf, HttpReply, pauseFor, send } from "./http";
import { observeDateHeader } from "./ids";
import { decodeJSON, encodeJSON, TextEncoding } from "./json";

/** What a request needs of its client, and the counts it keeps there (for measuring). */
export interface Connection {
  readonly url: string;
  readonly directory?: string;
  readonly encoding: TextEncoding;
  /** Seconds any one request may take (default: CC's own, 30). */
  readonly timeout?: number;
  readonly authHeader?: string;
  requests: number;
  bytes: number;
  largest: number;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function base64(s: string): string {
  const out: string[] = [];
  for (let i = 1; i <= s.length; i += 3) {
    const [a, b, c] = string.byte(s, i, i + 2);
    const n = a * 65536 + (b ?? 0) * 256 + (c ?? 0);
    const chars = [math.floor(n / 262144), math.floor(n / 4096) % 64, math.floor(n / 64) % 64, n % 64];
    for (let k = 0; k < 4; k++) {
      const pad = (k === 2 && b === undefined) || (k === 3 && c === undefined);
      out.push(pad ? "=" : string.sub(B64, chars[k] + 1, chars[k] + 1));
    }
  }
  return table.concat(out);
}

function urlEncode(s: string, keepSlash = false): string {
  const [out] = string.gsub(s, keepSlash ? "[^%w%-%._~/]" : "[^%w%-%._~]", (ch: string) =>
    string.format("%%%02X", string.byte(ch)),
  );
  return out;
}

const ID_KINDS: { [prefix: string]: string } = { ses: "session", msg: "message", per: "permission", que: "question" };

/** An id for a path: checked against opencode's pattern (prefix_ and letters or digits), then escaped. */
export function pathId(prefix: string, id: string): string {
  if (type(id) !== "string" || string.find(id, "^" + prefix + "_%w+$")[0] === undefined) {
    const shown = type(id) === "string" ? string.sub(id, 1, 40) : tostring(id);
    fail("bad_id", `"${shown}" is not a ${ID_KINDS[prefix]} id (${prefix}_...): it was not sent.`);
  }
  return urlEncode(id);
}

/** The server's words from an error body: {name, data: {message}} or {error: ...} or plain text. */
function serverMessage(body: string): LuaMultiReturn<[string | undefined, string | undefined]> {
  const decoded = decodeJSON(body) as { name?: unknown; message?: unknown; data?: { message?: unknown } } | undefined;
  if (type(decoded) === "table") {
    const name = decoded!.name;
    const message = type(decoded!.data) === "table" ? decoded!.data!.message : decoded!.message;
    return $multi(
      type(name) === "string" ? (name as string) : undefined,
      type(message) === "string" ? string.sub(message as string, 1, 200) : undefined,
    );
  }
  const [firstLine] = string.match(body, "^%s*([^\r\n]+)");
  return $multi(undefined, firstLine !== undefined ? string.sub(firstLine, 1, 200) : undefined);
}

function isWebPage(reply: HttpReply): boolean {
  const contentType = reply.headers["Content-Type"] ?? reply.headers["content-type"] ?? "";
  return string.find(contentType, "html")[0] !== undefined || string.find(reply.body, "^%s*<")[0] !== undefined;
}

/** Retry-After in seconds (the HTTP-date form is rare from proxies: the usual backoff then). */
function retryAfter(reply: HttpReply): number | undefined {
  const value = reply.headers["Retry-After"] ?? reply.headers["retry-after"];
  const [seconds] = value !== undefined ? string.match(value, "^%s*(%d+)%s*$") : [undefined];
  return seconds !== undefined ? tonumber(seconds) : undefined;
}

/** Tries of an idempotent request made without a deadline, and the time they may take together. */
const DEFAULT_TRIES = 3;
const DEFAULT_BUDGET_MS = 10000;
/**
 * However far the deadline, one request stops retrying after this long: a server that fails
 * every try for that long is down or restarting, and the player is better told so in one line
 * than kept waiting for the rest of opencc.timeout.
 */
const RETRY_WINDOW_MS = 15000;
/** Below this many ms left, a request is not worth sending. */
const MIN_REQUEST_MS = 50;

export interface RequestOptions {
  body?: unknown;
  query?: { [k: string]: string | number };
  /** Seconds this request may take (default: the client's, else CC's 30). */
  timeout?: number;
  /** Local ms (os.epoch("utc")): the request ends by then, and a GET retries transient faults until then. */
  deadline?: number;
  /** The reply's shape (decode.ts): checked before it is returned. Without one: no body expected. */
  shape?: Shape;
}

/**
 * Sends one request and returns its checked reply, or fails with a line that says what to do.
 * A GET (idempotent) is sent again after a transient fault, with backoff (or the server's
 * Retry-After), until o.deadline but for 15 s at most; without one, or when nothing listens at
 * the address, up to 3 tries within 10 s. Never a POST: it may
 * have reached the server although its answer was lost.
 */
export function request<T>(c: Connection, method: string, path: string, o: RequestOptions = {}): T {
  const retries = method === "GET";
  const started = os.epoch("utc");
  const budgetEnd = math.min(o.deadline ?? started + DEFAULT_BUDGET_MS, started + RETRY_WINDOW_MS);
  let tries = 0;
  while (true) {
    tries++;
    const [ok, result] = pcall(() => attempt<T>(c, method, path, o));
    if (ok) return result;
    if (!isAiError(result)) throw result;
    const err = result as AiError;
    const wait = err.retryAfter ?? math.min(0.5 * 2 ** (tries - 1), 4);
    const giveUp =
      !retries ||
      err.transient !== true ||
      // Nothing listening (refused, no such host) is a server that is down: three quick tries
      // tell the player at once. A proxy's 5xx, a reset or a cut body may clear: those retry on
      // within the deadline.
      ((o.deadline === undefined || err.kind === "unreachable") && tries >= DEFAULT_TRIES) ||
      os.epoch("utc") + wait * 1000 + MIN_REQUEST_MS >= budgetEnd;
    if (giveUp) throw err;
    pauseFor(wait);
  }
}

/** One try of request(). */
function attempt<T>(c: Connection, method: string, path: string, o: RequestOptions): T {
  const params: string[] = [];
  if (c.directory !== undefined) params.push("directory=" + urlEncode(c.directory, true));
  if (o.query !== undefined) {
    for (const [k, v] of pairs(o.query)) params.push(k + "=" + urlEncode(tostring(v)));
  }
  const url = c.url + path + (params.length > 0 ? "?" + table.concat(params, "&") : "");
  const headers: HttpHeaders = { Accept: "application/json" };
  // Without a Content-Type CC sends form-encoding: the server wants JSON.
  if (o.body !== undefined) headers["Content-Type"] = "application/json";
  if (c.authHeader !== undefined) headers["Authorization"] = c.authHeader;
  let timeout = o.timeout ?? c.timeout ?? 30;
  if (o.deadline !== undefined) {
    const left = o.deadline - os.epoch("utc");
    if (left < MIN_REQUEST_MS) fail("timeout", `No time was left to ask ${hostOf(c.url)} (the deadline passed).`);
    timeout = math.min(timeout, left / 1000);
  }
  const sentAt = os.epoch("utc");
  c.requests++;
  const reply = send({
    method,
    url,
    headers,
    body: o.body !== undefined ? encodeJSON(o.body, c.encoding) : undefined,
    timeout,
  });
  c.bytes += reply.body.length;
  if (reply.body.length > c.largest) c.largest = reply.body.length;
  observeDateHeader(reply.headers["Date"] ?? reply.headers["date"], sentAt, os.epoch("utc"));
  if (reply.status >= 400) failStatus(c, reply);
  if (o.shape === undefined) return undefined as T;
  const host = hostOf(c.url);
  if (reply.body === "" || reply.status === 204) {
    fail("bad_response", `${host} sent an empty reply (the connection may have dropped): try again.`, {
      transient: true,
    });
  }
  const decoded = decodeJSON(reply.body);
  if (decoded === undefined) {
    if (isWebPage(reply)) {
      fail("bad_response", `${host} sent a web page, not opencode's JSON: is opencc.server_url an opencode server?`);
    }
    fail("bad_response", `${host} sent a cut-off or garbled reply (the connection may have dropped): try again.`, {
      transient: true,
    });
  }
  return decode<T>(decoded, o.shape, host);
}

/** An error status as one line; a proxy's page is named as such, never echoed. */
function failStatus(c: Connection, reply: HttpReply): never {
  const status = reply.status;
  const host = hostOf(c.url);
  const transient = status >= 500 || status === 429;
  if (status === 401 || status === 403) {
    fail("auth", `The server refused the credentials (${status}): set opencc.password to OPENCODE_SERVER_PASSWORD.`, {
      status,
    });
  }
  if (status === 429) {
    const after = retryAfter(reply);
    fail("server", `The server at ${host} is busy (429): try again${after !== undefined ? ` in ${after} s` : ""}.`, {
      status,
      transient,
      retryAfter: after,
    });
  }
  if (isWebPage(reply)) {
    fail(
      "proxy",
      `A proxy or web server at ${host} answered ${status}, not opencode: is opencode serve up behind it?`,
      {
        status,
        transient,
        retryAfter: retryAfter(reply),
      },
    );
  }
  const [name, message] = serverMessage(reply.body);
  const what = message ?? `HTTP ${status}`;
  if (status === 404 && name === "NotFoundError") fail("session_gone", what, { status: 404, name });
  return fail("server", `The opencode server answered ${status}: ${name !== undefined ? name + ": " : ""}${what}`, {
    status,
    name,
    transient,
    retryAfter: retryAfter(reply),
  });
}
