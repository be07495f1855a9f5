/** @noSelfInFile */
import type { Message } from "./api";
import type { ToolActivity, WaitCallbacks } from "./replytypes";
export declare class Progress {
    private readonly callbacks;
    private readonly raw;
    text: string;
    readonly tools: ToolActivity[];
    /** The tool running in the answer now (a permission or question can only wait on one). */
    runningTool?: string;
    private readonly toolStatus;
    constructor(callbacks: WaitCallbacks, raw: boolean);
    /** Calls onText and onTool for what changed since the last report; true when anything did. */
    report(ordered: Message[]): boolean;
    private reportTool;
}
