// The only file that touches CC's http API: send one request, wait for its event, map CC's
// failures to AiErrors. Other events are left alone (see waitForResponse). Redirects are never
// followed: CC would re-send the Authorization header (the password) to whatever host they name.
import { fail } from "./errors";

export interface HttpReply {
  status: number;
  body: string;
  headers: HttpHeaders;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers: HttpHeaders;
  body?: string;
  /** Seconds; CC: Tweaked stops any request after its own limit (60 s at most). */
  timeout?: number;
}

/** Raised (as a plain string, like CC's own) when Ctrl+T arrives while a request is in flight. */
export const TERMINATED = "Terminated";

// CC matches responses to requests by URL only, so two requests to one URL at once could take
// each other's replies. Requests to a URL that is already in flight wait their turn.
const busyUrls = new LuaTable<string, boolean>();
const URL_FREE_EVENT = "opencc_http_free";
let waitingForUrl = 0;

/** host[:port] of a URL, without any user info (so no message can carry a password). */
export function hostOf(url: string): string {
  const [authority] = string.match(url, "^%a+://([^/?#]+)");
  if (authority === undefined) return "?";
  const [host] = string.gsub(authority, "^.*@", "");
  return host;
}

function mapFailure(url: string, reason: string): never {
  if (reason === "Domain not permitted") {
    const [host] = string.match(hostOf(url), "^%[?([^%]]-)%]?:?%d*$");
    fail(
      "blocked",
      `CC blocks ${host ?? hostOf(url)} ("Domain not permitted"): CC: Tweaked denies private addresses by default. In the world's serverconfig/computercraft-server.toml, put a [[http.rules]] entry with host = "${host ?? hostOf(url)}" and action = "allow" above the one with host = "$private" and action = "deny" (or remove that one), then restart the server.`,
    );
  }
  if (string.find(reason, "[Tt]imed? ?out")[0] !== undefined) {
    fail("timeout", `The server at ${hostOf(url)} did not answer in time (${reason}).`, { transient: true });
  }
  if (reason === "Response is too large") {
    fail(
      "too_large",
      `The reply from ${hostOf(url)} was too large for CC: raise max_download in computercraft-server.toml.`,
    );
  }
  if (reason === "URL malformed" || reason === "URL not http" || string.find(reason, "protocol")[0] !== undefined) {
    fail("bad_url", `opencc.server_url is not a valid http(s) URL (${reason}): set it to http://host:4096.`);
  }
  const why = reason === "Could not connect" ? "" : ` (${reason})`;
  fail(
    "unreachable",
    `Could not reach the opencode server at ${hostOf(url)}${why}: is it running, and opencc.server_url right?`,
    // CC says "Could not connect" for a refused connection and for one reset mid-reply alike.
    { transient: true },
  );
}

/** A 3xx is an error: following it would send the password to the host it names. */
function refuseRedirect(url: string, reply: HttpReply): never {
  let location = reply.headers["Location"] ?? reply.headers["location"] ?? "";
  if (string.sub(location, 1, 2) === "//") location = "http:" + location; // protocol-relative
  const target = location === "" ? "" : string.find(location, "^%a+://")[0] ? hostOf(location) : hostOf(url);
  return fail(
    "redirect",
    `The server redirects (${reply.status}) to ${target !== "" ? target : "elsewhere"}: set opencc.server_url to the final address.`,
    { status: reply.status },
  );
}

function readHandle(handle: HttpHandle): HttpReply {
  const [status] = handle.getResponseCode();
  const body = handle.readAll() ?? "";
  const headers = handle.getResponseHeaders();
  handle.close();
  return { status, body, headers };
}

/**
 * Waits for the http event answering `url`. Uses pullEventRaw so that Ctrl+T can be seen and
 * handled (the caller aborts the generation); other events are ignored here. A program that
 * needs its own events runs ask() beside its loop with parallel, where each gets every event.
 */
function waitForResponse(url: string): HttpReply {
  while (true) {
    const [event, eventUrl, a, b] = os.pullEventRaw();
    if (event === "terminate") throw TERMINATED;
    if (event === "http_success" && eventUrl === url) return readHandle(a as HttpHandle);
    if (event === "http_failure" && eventUrl === url) {
      const handle = b as HttpHandle | undefined;
      if (handle !== undefined) return readHandle(handle);
      return mapFailure(url, tostring(a));
    }
  }
}

/** Sends a request and returns its status and body; transport failures raise an AiError. */
export function send(req: HttpRequest): HttpReply {
  requireHttp();
  while (busyUrls.get(req.url)) {
    waitingForUrl++;
    const [event] = os.pullEventRaw(URL_FREE_EVENT);
    waitingForUrl--;
    if (event === "terminate") throw TERMINATED;
  }
  busyUrls.set(req.url, true);
  const [ok, result] = pcall(() => {
    const [accepted, why] = http.request({
      url: req.url,
      method: req.method,
      headers: req.headers,
      body: req.body,
      timeout: req.timeout,
      redirect: false,
    });
    // Only an explicit false is a refusal: an http.request that returns nothing has not refused.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-boolean-literal-compare
    if (accepted === false) mapFailure(req.url, why ?? "refused");
    return waitForResponse(req.url);
  });
  busyUrls.delete(req.url);
  if (waitingForUrl > 0) os.queueEvent(URL_FREE_EVENT, req.url);
  if (!ok) throw result;
  const reply = result;
  if (reply.status >= 300 && reply.status < 400) refuseRedirect(req.url, reply);
  return reply;
}

/** Waits `seconds` on a timer; Ctrl+T raises TERMINATED (sleep() would swallow it). */
export function pauseFor(seconds: number): void {
  const timer = os.startTimer(seconds);
  let event: unknown, id: unknown;
  do {
    [event, id] = os.pullEventRaw();
    if (event === "terminate") {
      os.cancelTimer(timer);
      throw TERMINATED;
    }
  } while (event !== "timer" || id !== timer);
}

function requireHttp(): void {
  if (http === undefined) {
    fail(
      "http_disabled",
      "The http API is disabled: set enabled = true under [http] in the world's serverconfig/computercraft-server.toml, then restart the server.",
    );
  }
}

/** CC's own check of a URL against its http rules, without a request: raises the AiError a request would. */
export function checkAllowed(url: string): void {
  requireHttp();
  // craftos-types says boolean; CC returns true, or false and the reason.
  const check = http.checkURL as unknown as (this: void, url: string) => LuaMultiReturn<[boolean, string | undefined]>;
  const [ok, reason] = check(url);
  if (!ok) mapFailure(url, reason ?? "not allowed");
}

/** An open websocket, as CC gives it (plain functions, not methods). */
export interface Websocket {
  send(this: void, message: string): void;
  close(this: void): void;
}

/**
 * Opens a websocket (CC's http.websocketAsync) and waits, at most timeoutSecs, for
 * websocket_success or _failure of that URL; failures raise an AiError naming the bridge.
 * Ctrl+T raises TERMINATED.
 */
export function openWebsocket(url: string, timeoutSecs: number): Websocket {
  requireHttp();
  const openAsync = http.websocketAsync;
  const [ok, thrown] = pcall(openAsync, url);
  if (!ok)
    fail(
      "bad_url",
      `opencc.bridge_url "${url}" is not a ws:// URL (${tostring(thrown)}): set opencc.bridge_url ws://host:4097/cc`,
    );
  // CC waits up to 30 s for a websocket by itself; a prompt should not wait that long.
  const timer = os.startTimer(timeoutSecs);
  while (true) {
    const [event, eventUrl, a] = os.pullEventRaw();
    if (event === "terminate") throw TERMINATED;
    if (event === "timer" && eventUrl === timer) {
      fail(
        "timeout",
        `The opencc bridge at ${hostOf(url)} did not answer within ${timeoutSecs} s: is opencc-bridge running there, and is opencc.bridge_url right?`,
      );
    }
    if (event === "websocket_success" && eventUrl === url) {
      os.cancelTimer(timer);
      return a as Websocket;
    }
    if (event === "websocket_failure" && eventUrl === url) {
      os.cancelTimer(timer);
      const reason = tostring(a);
      if (reason === "Domain not permitted") mapFailure(url, reason);
      if (string.find(reason, "[Dd]isabled")[0] !== undefined) {
        fail(
          "http_disabled",
          `CC refused the websocket (${reason}): set enabled = true under [http.websocket] (or [http]) in the world's serverconfig/computercraft-server.toml.`,
        );
      }
      fail(
        "unreachable",
        `Could not reach the opencc bridge at ${hostOf(url)} (${reason}). Is opencc-bridge running there, and is opencc.bridge_url right?`,
      );
    }
  }
}
