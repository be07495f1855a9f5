/** @noSelfInFile */
import { Shape } from "./decode";
import { TextEncoding } from "./json";
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
export declare function base64(s: string): string;
/** An id for a path: checked against opencode's pattern (prefix_ and letters or digits), then escaped. */
export declare function pathId(prefix: string, id: string): string;
export interface RequestOptions {
    body?: unknown;
    query?: {
        [k: string]: string | number;
    };
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
export declare function request<T>(c: Connection, method: string, path: string, o?: RequestOptions): T;
