// The shapes of the bridge's CC side (libai_bridge.lua), declared in the core so that libai's
// public surface (ai.bridge, ai.serve) and the module itself name the same types without libai
// loading the module's code. Types only: this file compiles to nothing.
import type { Core } from "./core";

/** What opencc.tools can allow: read (lists, inspect, the screen), act (turtle, peripherals), lua. */
export type Tier = "read" | "act" | "lua";

export type ComputerKind = "computer" | "turtle" | "pocket";

/** What a call did: ok and its data, or not ok and the line for the agent. */
export interface CallOutcome {
  ok: boolean;
  result?: unknown;
  error?: string;
  /** One short line for the computer's screen, e.g. "turtle: dig". */
  summary: string;
  refused?: boolean;
}

export interface BridgeOptions {
  /** Default opencc.bridge_url, opencc.bridge_token, opencc.tools. */
  url?: string;
  token?: string;
  tools?: string;
  /** Called after each tool call with what it did (and whether it was refused or failed). */
  onCall?: (this: void, summary: string, outcome: CallOutcome) => void;
}

export interface ServeOptions extends BridgeOptions {
  /** Reconnect with backoff when the bridge cannot be reached or goes away (default true). */
  reconnect?: boolean;
  /** Called with one line when connected, lost, or waiting to reconnect. */
  onStatus?: (this: void, line: string) => void;
}

/** An open connection to the bridge, welcomed: c:serve(onCall), c:note(), c:close(). */
export interface BridgeConnection {
  readonly id: number;
  readonly label: string | undefined;
  readonly kind: ComputerKind;
  readonly url: string;
  readonly allowed: Tier[];
  /** The line that tells the agent which computer is asking and what it may do there. */
  note(): string;
  /** Serves calls until the connection ends (returns the reason) or Ctrl+T (raises "Terminated"). */
  serve(onCall?: BridgeOptions["onCall"]): string;
  close(): void;
}

/** What libai_bridge.lua returns to require: its version, and attach, which libai calls once. */
export interface BridgeEntry {
  version: string;
  attach: (this: void, core: Core) => BridgeModule;
}

/** The module's functions once attached to the core. */
export interface BridgeModule {
  /** Connects, says hello and waits for the welcome; raises an AiError when it cannot. */
  connectBridge: (this: void, opts?: BridgeOptions) => BridgeConnection;
  /** Serves until Ctrl+T (raises "Terminated"); returns the error that made it stop otherwise. */
  serveBridge: (this: void, opts?: ServeOptions) => unknown;
}
