/** @noSelfInFile */
import type { Message, PermissionReply, PermissionRequest, PromptBody, QuestionRequest } from "./api";
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
    /** Server-side status worth showing while it lasts, such as a retry after a provider error. */
    onStatus?: (this: void, status: string) => void;
    /** A line worth keeping on screen (a proxy gave up waiting, but the prompt runs on). */
    onNote?: (this: void, note: string) => void;
}
export interface WaitOptions extends WaitCallbacks {
    sessionID: string;
    messageID: string;
    /** Local ms (os.epoch("utc")) by which the reply must be complete. */
    deadline: number;
    /** The line for a reply that is not complete by the deadline. */
    timeoutLine: string;
    /** Seconds between looks while nothing is about to end. */
    pollInterval: number;
    /** Keep the server's UTF-8 instead of mapping text to the CC charset. */
    raw?: boolean;
    /**
     * The prompt as it was sent, when this computer sent it: a server that holds it but went idle
     * without answering (it arrived while an aborted run was winding down) is sent it once more,
     * with the same message and part ids, so that the server still holds it once.
     */
    body?: PromptBody;
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
