/** @noSelfInFile */
import type { Agent, Health, Message, PermissionReply, PermissionRequest, PromptBody, Providers, QuestionRequest, Session, SessionStatus, ToastVariant, TuiControlRequest } from "./api";
import type { TextEncoding } from "./json";
import { Connection, RequestOptions } from "./transport";
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
export declare class Client implements Connection {
    readonly url: string;
    readonly directory?: string;
    readonly encoding: TextEncoding;
    readonly timeout?: number;
    readonly authHeader?: string;
    /** HTTP requests sent by this client (for measuring what a prompt costs). */
    requests: number;
    /** Bytes of response bodies received, and the largest one (for measuring). */
    bytes: number;
    largest: number;
    constructor(options: ClientOptions);
    /** One request, checked against o.shape (transport.ts: retries, errors as one line). */
    request<T>(method: string, path: string, o?: RequestOptions): T;
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
