/** @noSelfInFile */
export type Tier = "read" | "act" | "lua";
export interface ToolCall {
    tool: string;
    args: {
        [k: string]: unknown;
    };
    /** Seconds the call may take here (the bridge gives up a little later). */
    limit?: number;
}
/** What a call did: ok and its data, or not ok and the line for the agent. */
export interface CallOutcome {
    ok: boolean;
    result?: unknown;
    error?: string;
    /** One short line for the computer's screen, e.g. "turtle: dig". */
    summary: string;
    refused?: boolean;
}
/** The peripherals attached now: name, types and method names. */
export declare function peripheralList(): {
    name: string;
    types: string[];
    methods: string[];
}[];
/** Runs one call if opencc.tools allows it. Errors raised by the work (CC's too) become the outcome. */
export declare function serveCall(call: ToolCall, allowed: Tier[], computerId: number): CallOutcome;
