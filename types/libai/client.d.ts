/** @noSelfInFile */
import type { Agent, Health, Message, PermissionReply, PermissionRequest, PromptBody, Providers, QuestionRequest, Session, SessionStatus, ToastVariant, TuiControlRequest } from "./api";
import { Shape } from "./decode";
import { TextEncoding } from "./json";
export interface ClientOptions {
    url: string;
    username?: string;
    password?: string;
    directory?: string;
    /** How prompt text is read: "latin1" (typed on CC, the default) or "utf8". */
    encoding?: TextEncoding;
    /** Seconds any one request may take (default: CC's own, 30). */
    timeout?: number;
}
export declare function base64(s: string): string;
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
export declare class Client {
    readonly url: string;
    readonly directory?: string;
    readonly encoding: TextEncoding;
    readonly timeout?: number;
    private readonly authHeader?;
    /** HTTP requests sent by this client (for measuring what a prompt costs). */
    requests: number;
    /** Bytes of response bodies received, and the largest one (for measuring). */
    bytes: number;
    largest: number;
    constructor(options: ClientOptions);
    /**
     * Sends one request and returns its checked reply, or fails with a line that says what to do.
     * A GET (idempotent) is sent again after a transient fault, with backoff (or the server's
     * Retry-After), until o.deadline but for 15 s at most; without one, or when nothing listens at
     * the address, up to 3 tries within 10 s. Never a POST: it may
     * have reached the server although its answer was lost.
     */
    request<T>(method: string, path: string, o?: RequestOptions): T;
    /** One try of request(). */
    private attempt;
    /** An error status as one line; a proxy's page is named as such, never echoed. */
    private failStatus;
    private sessionPath;
    health(deadline?: number): Health;
    /** Sessions of the project (opencc.directory when set), newest first; `filter` narrows the list on the server. */
    sessions(deadline?: number, filter?: {
        search?: string;
        roots?: boolean;
        limit?: number;
    }): Session[];
    session(id: string, deadline?: number): Session;
    createSession(title?: string, parentID?: string, deadline?: number): Session;
    deleteSession(id: string): boolean;
    abort(id: string, timeout?: number, deadline?: number): boolean;
    /** The newest `limit` messages, oldest first (limit 0: all). */
    messages(id: string, limit?: number, deadline?: number): Message[];
    message(id: string, messageID: string, deadline?: number): Message;
    /** Blocking prompt: answers when the reply is complete (CC cuts requests at 60 s). Never re-sent. */
    prompt(id: string, body: PromptBody, timeout?: number, deadline?: number): Message;
    /** Never re-sent: when its answer is lost, GET message(id, body.messageID) tells whether it arrived. */
    promptAsync(id: string, body: PromptBody, deadline?: number): void;
    /** Busy (or retrying) sessions; idle ones are absent. */
    status(deadline?: number): {
        [sessionID: string]: SessionStatus;
    };
    agents(deadline?: number): Agent[];
    providers(deadline?: number): Providers;
    permissions(deadline?: number): PermissionRequest[];
    replyPermission(requestID: string, reply: PermissionReply, message?: string, deadline?: number): boolean;
    questions(deadline?: number): QuestionRequest[];
    /** answers: for each question, the labels chosen. */
    replyQuestion(requestID: string, answers: string[][], deadline?: number): boolean;
    rejectQuestion(requestID: string, deadline?: number): boolean;
    appendPrompt(text: string): boolean;
    submitPrompt(): boolean;
    clearPrompt(): boolean;
    openHelp(): boolean;
    openSessions(): boolean;
    openThemes(): boolean;
    openModels(): boolean;
    executeCommand(command: string): boolean;
    showToast(message: string, options?: {
        title?: string;
        duration?: number;
        variant?: ToastVariant;
    }): boolean;
    /** Waits (up to `timeout` seconds) for the next request the TUI makes of a controller. */
    controlNext(timeout?: number): TuiControlRequest;
    controlResponse(body: unknown): boolean;
}
