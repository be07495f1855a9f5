/** @noSelfInFile */
import type { Client } from "./client";
import type { WaitOptions } from "./replytypes";
export declare class AgentRequests {
    private readonly client;
    private readonly opts;
    readonly rejected: string[];
    private readonly handled;
    private gap;
    private next;
    constructor(client: Client, opts: WaitOptions);
    /** Something moved in the answer: look again soon when a tool runs. */
    moved(): void;
    /** Looks for requests of the running tool (none: nothing to do) when one is due. */
    check(runningTool: string | undefined): boolean;
    private answerPermission;
    private answerQuestion;
}
