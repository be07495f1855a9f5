// Every failure a caller can meet is an AiError: a kind to branch on, and one line for a player
// that says what went wrong and what to do about it.

export type ErrorKind =
  | "http_disabled" // CC's http API is off
  | "blocked" // CC refused the address (private addresses are denied by default)
  | "bad_url"
  | "unreachable" // nothing answered at the address
  | "redirect" // a 3xx: never followed, since CC would re-send the password to wherever it points
  | "too_large" // CC refused a reply bigger than its max_download
  | "proxy" // a web page, not opencode, answered (a proxy or web server in front of it)
  | "auth" // 401: wrong or missing password
  | "session_gone" // the session does not exist (any more)
  | "bad_setting"
  | "not_installed" // a part of opencc (libai_bridge.lua) is missing or from another release
  | "bad_id" // an id that would go into a path does not look like one (ses_..., msg_..., ...)
  | "unknown_agent"
  | "unknown_model"
  | "timeout"
  | "terminated" // Ctrl+T
  | "idle" // the server went idle without answering
  | "overtaken" // a newer user message on the session was answered instead of ours
  | "assistant" // the model run ended in an error (APIError, MessageAbortedError, ...)
  | "server" // any other error status from the server
  | "bad_response"; // the server answered something that is not what the API promises

export interface AiError {
  kind: ErrorKind;
  /** The one line to show a player. */
  message: string;
  /** HTTP status, when the error came with one. */
  status?: number;
  /** The server-side error name (NotFoundError, APIError, MessageAbortedError, ...). */
  name?: string;
  /** The same request may well succeed if sent again (a 5xx, 429, reset, timeout, cut-off body). */
  transient?: boolean;
  /** Seconds the server asked us to wait before trying again (Retry-After). */
  retryAfter?: number;
}

type ErrorExtra = { status?: number; name?: string; transient?: boolean; retryAfter?: number };

const errorMeta: LuaMetatable<AiError> = {
  __tostring(this: AiError): string {
    return this.message;
  },
};

export function aiError(kind: ErrorKind, message: string, extra?: ErrorExtra): AiError {
  const e: AiError = {
    kind,
    message,
    status: extra?.status,
    name: extra?.name,
    transient: extra?.transient,
    retryAfter: extra?.retryAfter,
  };
  return setmetatable(e, errorMeta);
}

/** Raise an AiError (error level 0, so no position is prepended). */
export function fail(kind: ErrorKind, message: string, extra?: ErrorExtra): never {
  throw aiError(kind, message, extra);
}

export function isAiError(value: unknown): value is AiError {
  return type(value) === "table" && getmetatable(value as object) === errorMeta;
}

/** Anything caught from pcall, as an AiError (a plain Lua error becomes kind "server"). */
export function toAiError(value: unknown): AiError {
  if (isAiError(value)) return value;
  if (value === "Terminated") return aiError("terminated", "Terminated");
  return aiError("server", tostring(value));
}
