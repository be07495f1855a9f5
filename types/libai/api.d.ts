/** @noSelfInFile */
export interface Health {
    healthy: boolean;
    version: string;
}
export interface Session {
    id: string;
    title: string;
    parentID?: string;
    directory?: string;
    time: {
        created: number;
        updated: number;
    };
}
export interface ErrorInfo {
    name: string;
    data?: {
        message?: string;
        statusCode?: number;
        isRetryable?: boolean;
    };
}
export interface MessageInfo {
    id: string;
    sessionID: string;
    role: "user" | "assistant";
    time: {
        created: number;
        completed?: number;
    };
    parentID?: string;
    agent?: string;
    modelID?: string;
    providerID?: string;
    finish?: string;
    error?: ErrorInfo;
    cost?: number;
    tokens?: {
        input: number;
        output: number;
    };
}
export interface ToolState {
    status: "pending" | "running" | "completed" | "error";
    input?: {
        [k: string]: unknown;
    };
    title?: string;
    output?: string;
    error?: string;
}
export interface Part {
    id: string;
    messageID: string;
    type: string;
    text?: string;
    synthetic?: boolean;
    tool?: string;
    callID?: string;
    state?: ToolState;
    /** A text part's: end is set when its step has ended (and the text is shown). */
    time?: {
        start?: number;
        end?: number;
    };
}
export interface Message {
    info: MessageInfo;
    parts: Part[];
}
export interface Agent {
    name: string;
    description?: string;
    mode: "subagent" | "primary" | "all";
    hidden?: boolean;
}
export interface Model {
    id: string;
    name?: string;
}
export interface Provider {
    id: string;
    name?: string;
    models: {
        [id: string]: Model;
    };
}
export interface Providers {
    providers: Provider[];
    default: {
        [providerID: string]: string;
    };
}
export type SessionStatus = {
    type: "idle" | "busy";
} | {
    type: "retry";
    attempt: number;
    message: string;
    next: number;
};
export interface PermissionRequest {
    id: string;
    sessionID: string;
    permission: string;
    patterns: string[];
    metadata: {
        [k: string]: unknown;
    };
    always: string[];
    tool?: {
        messageID: string;
        callID: string;
    };
}
export type PermissionReply = "once" | "always" | "reject";
export interface QuestionOption {
    label: string;
    description?: string;
}
export interface QuestionInfo {
    question: string;
    header: string;
    options: QuestionOption[];
    multiple?: boolean;
    custom?: boolean;
}
export interface QuestionRequest {
    id: string;
    sessionID: string;
    questions: QuestionInfo[];
}
export interface ModelRef {
    providerID: string;
    modelID: string;
}
/** Body of POST /session/:id/prompt_async and /message. */
export interface PromptBody {
    messageID: string;
    /** Our own part id: a prompt sent again with the same ids is merged into the one the server holds. */
    parts: {
        id?: string;
        type: "text";
        text: string;
    }[];
    agent?: string;
    model?: ModelRef;
    variant?: string;
    system?: string;
}
export interface TuiControlRequest {
    path: string;
    body: unknown;
}
export type ToastVariant = "info" | "success" | "warning" | "error";
