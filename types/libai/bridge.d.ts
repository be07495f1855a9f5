/** @noSelfInFile */
import { Tier, CallOutcome } from "./bridgetools";
import { Websocket } from "./http";
export interface BridgeOptions {
    /** Default opencc.bridge_url, opencc.bridge_token, opencc.tools. */
    url?: string;
    token?: string;
    tools?: string;
    /** Called after each tool call with what it did (and whether it was refused or failed). */
    onCall?: (this: void, summary: string, outcome: CallOutcome) => void;
}
export type ComputerKind = "computer" | "turtle" | "pocket";
export declare function computerKind(): ComputerKind;
/** An open connection to the bridge, welcomed. */
export declare class BridgeConnection {
    readonly url: string;
    readonly allowed: Tier[];
    private readonly ws;
    /** The URL this connection was opened with: CC's events name only that. */
    private readonly socketUrl;
    readonly id: number;
    readonly label: string | null;
    readonly kind: ComputerKind;
    private closed;
    /** While connected, a plain terminal is recorded so that the screen tool can read it. */
    private readonly restoreScreen;
    constructor(url: string, allowed: Tier[], ws: Websocket, 
    /** The URL this connection was opened with: CC's events name only that. */
    socketUrl: string);
    /** The line that tells the agent which computer is asking and what it may do there. */
    note(): string;
    private send;
    private sendText;
    /** A call's result, or an error the agent can act on when it is too large to send. */
    private sendResult;
    close(): void;
    /** Serves calls until the connection ends (returns the reason) or Ctrl+T (raises TERMINATED). */
    serve(onCall?: BridgeOptions["onCall"]): string;
}
/** Connects, says hello and waits for the bridge's welcome; raises an AiError when it cannot. */
export declare function connectBridge(opts?: BridgeOptions): BridgeConnection;
export interface ServeOptions extends BridgeOptions {
    /** Reconnect with backoff when the bridge cannot be reached or goes away (default true). */
    reconnect?: boolean;
    /** Called with one line when connected, lost, or waiting to reconnect. */
    onStatus?: (this: void, line: string) => void;
}
/**
 * Serves the bridge until Ctrl+T (raises TERMINATED). Returns the error that made it stop
 * otherwise: a refusal or a setting to fix, or (without reconnect) a lost connection.
 */
export declare function serveBridge(opts?: ServeOptions): unknown;
