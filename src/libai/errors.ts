// Every failure a caller can meet is an AiError: a kind to branch on, and one line for a player
// that says what went wrong and what to do about it.

export type ErrorKind =
  | "http_disabled" // CC's http API is off
  | "blocked" // CC refused the address (private addresses are denied by default)
  | "bad_url"
  | "unreachable" // nothing answered at the address
  | "auth" // 401: wrong or missing password
  | "session_gone" // the session does not exist (any more)
  | "bad_setting"
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
}

const errorMeta: LuaMetatable<AiError> = {
  __tostring(this: AiError): string {
    return this.message;
  },
};

export function aiError(kind: ErrorKind, message: string, extra?: { status?: number; name?: string }): AiError {
  const e: AiError = { kind, message, status: extra?.status, name: extra?.name };
  return setmetatable(e, errorMeta);
}

/** Raise an AiError (error level 0, so no position is prepended). */
export function fail(kind: ErrorKind, message: string, extra?: { status?: number; name?: string }): never {
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
