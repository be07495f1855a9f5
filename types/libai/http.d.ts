/** @noSelfInFile */
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
export declare const TERMINATED = "Terminated";
/** host[:port] of a URL, without any user info (so no message can carry a password). */
export declare function hostOf(url: string): string;
/** Sends a request and returns its status and body; transport failures raise an AiError. */
export declare function send(req: HttpRequest): HttpReply;
/** Waits `seconds` on a timer; Ctrl+T raises TERMINATED (sleep() would swallow it). */
export declare function pauseFor(seconds: number): void;
/** CC's own check of a URL against its http rules, without a request: raises the AiError a request would. */
export declare function checkAllowed(url: string): void;
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
export declare function openWebsocket(url: string, timeoutSecs: number): Websocket;
