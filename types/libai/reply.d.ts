/** @noSelfInFile */
import type { Message, PermissionReply, PermissionRequest, QuestionRequest } from "./api";
import type { Client } from "./client";
import { SideControl } from "./beside";
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
    /** The line for a reply that is not complete by the deadline. */
    timeoutLine: string;
    pollInterval: number;
    /** Keep the server's UTF-8 instead of mapping text to the CC charset. */
    raw?: boolean;
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
/**
 * The answer to one user message, as seen so far. It is read from the newest messages of the
 * session, no more than follow ours: a window of the answers known so far plus one, widened only
 * when something new may lie before it, so what a poll costs does not grow with the history.
 */
export declare class ReplyWaiter {
    private readonly client;
    private readonly opts;
    private readonly answers;
    private answerCount;
    private text;
    private readonly toolStatus;
    private readonly tools;
    private readonly rejected;
    private readonly handled;
    private ordered;
    private limit;
    private sawUserMessage;
    /** Answers seen in a window that reached back to our message: nothing hides before them. */
    private readonly contiguous;
    /** Whether the last look saw everything from our message on. */
    private reachedStart;
    /** A user message newer than ours, which the server may answer instead. */
    private newerUser;
    /** The tool running in the answer now (a permission or question can only wait on one). */
    private runningTool?;
    private lastChange;
    private requestGap;
    private nextRequestCheck;
    private statusGap;
    private nextStatusCheck;
    private idleChecks;
    /** Runs one request (beside a blocking request: marked, so that it is never cut). */
    private call;
    constructor(client: Client, opts: WaitOptions);
    /** One look at the newest messages; true when anything moved. */
    private refresh;
    /** Calls onText and onTool for what changed since the last look; true when anything did. */
    private report;
    /**
     * The side task beside a blocking request, which says when the reply is complete: reports tool
     * steps and text as steps end, answers permission requests and questions, and shows a retry.
     * It looks less often while nothing moves.
     */
    watch(control: SideControl): void;
    /** Runs `request` (a blocking prompt) with watch() beside it. */
    alongside<T>(request: () => T): T;
    /**
     * The blocking request returned `last`: the server's run for the session has ended. Collects
     * the whole answer (tool steps included) and returns it, or raises its error.
     */
    finish(last: Message): Reply;
    /** Polls until the reply is complete (ai.waitFor, or a prompt whose blocking request was cut). */
    poll(): Reply;
    /** The reply when the last answer is complete (or `ended`: the run is over), or its error. */
    private outcome;
    /**
     * A permission request or question can only be waiting while a tool runs: look for one when a
     * tool starts, then less often while nothing moves.
     */
    private checkRequests;
    /** Long silence beside a blocking request: the server may be retrying the model; say so. */
    private checkRetry;
    /**
     * Polling only: nothing moved for a while, so ask whether the session is still busy, and
     * notice one that went idle without answering (an unknown model, a dropped or overtaken prompt).
     */
    private checkIdle;
    private answerPermission;
    private answerQuestion;
}
