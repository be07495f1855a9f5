/** @noSelfInFile */
export type ErrorKind = "http_disabled" | "blocked" | "bad_url" | "unreachable" | "redirect" | "too_large" | "proxy" | "auth" | "session_gone" | "bad_setting" | "not_installed" | "bad_id" | "unknown_agent" | "unknown_model" | "timeout" | "terminated" | "idle" | "overtaken" | "assistant" | "server" | "bad_response";
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
type ErrorExtra = {
    status?: number;
    name?: string;
    transient?: boolean;
    retryAfter?: number;
};
export declare function aiError(kind: ErrorKind, message: string, extra?: ErrorExtra): AiError;
/** Raise an AiError (error level 0, so no position is prepended). */
export declare function fail(kind: ErrorKind, message: string, extra?: ErrorExtra): never;
export declare function isAiError(value: unknown): value is AiError;
/** Anything caught from pcall, as an AiError (a plain Lua error becomes kind "server"). */
export declare function toAiError(value: unknown): AiError;
export {};
