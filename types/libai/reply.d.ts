/** @noSelfInFile */
import type { Message, PermissionReply, PermissionRequest, QuestionRequest } from "./api";
import type { Client } from "./client";
/** A tool call as progress callbacks and the reply see it. */
export interface ToolActivity {
    tool: string;
    status: "pending" | "running" | "completed" | "error";
    /** What the tool does, in the server's words (e.g. the bash command's description). */
    title?: string;
    input?: {
        [k: string]: unknown;
    };
    error?: string;
}
export interface WaitCallbacks {
    /** Text as it grows: the new piece, and the whole text so far. */
    onText?: (this: void, delta: string, text: string) => void;
    /** A tool call started or finished. */
    onTool?: (this: void, tool: ToolActivity) => void;
    /** A permission request: answer "once", "always" or "reject" (or true/false). */
    onPermission?: (this: void, req: PermissionRequest) => PermissionReply | boolean | undefined;
    /** A question from the agent: for each question, the labels chosen; undefined rejects it. */
    onQuestion?: (this: void, req: QuestionRequest) => string[][] | undefined;
    /** Server-side status worth showing, such as a retry after a provider error. */
    onStatus?: (this: void, status: string) => void;
}
export interface WaitOptions extends WaitCallbacks {
    sessionID: string;
    messageID: string;
    /** Local ms (os.epoch("utc")) by which the reply must be complete. */
    deadline: number;
    pollInterval: number;
    /** Keep the server's UTF-8 instead of mapping text to the CC charset. */
    raw?: boolean;
    /** The answer may be complete already (blocking prompt, or a message sent earlier). */
    answered?: boolean;
}
export interface Reply {
    /** The reply's text (CC charset unless raw). */
    text: string;
    sessionID: string;
    /** The id of the user message this answers. */
    messageID: string;
    /** The assistant messages answering it, oldest first (tool steps, then the final one). */
    messages: Message[];
    tools: ToolActivity[];
    /** Permission requests and questions rejected because no callback was given. */
    rejected: string[];
    agent?: string;
    model?: string;
}
/** Waits `seconds` on a timer, raising TERMINATED on Ctrl+T (sleep() would lose that event). */
export declare function pause(seconds: number): void;
export declare class ReplyWaiter {
    private readonly client;
    private readonly opts;
    private readonly answers;
    private text;
    private readonly toolStatus;
    private readonly tools;
    private readonly rejected;
    private readonly handled;
    private ordered;
    private limit;
    private sawUserMessage;
    private idleChecks;
    private lastRequestCheck;
    private lastStatusCheck;
    private lastProgress;
    constructor(client: Client, opts: WaitOptions);
    /** Polls until the reply is complete; raises an AiError, or TERMINATED on Ctrl+T. */
    wait(): Reply;
    /** One poll: returns the reply when it is complete. */
    poll(): Reply | undefined;
    private complete;
    /** Calls onText and onTool for what changed since the last poll. */
    private report;
    /**
     * Nothing moved for a while: look for a permission request or question waiting for us, and
     * notice a session that went idle without answering (an unknown model, a dropped prompt).
     */
    private checkStall;
    private answerPermission;
    private answerQuestion;
}
