// One opencode server: its URL, Basic Auth and project directory, and one method per endpoint.
// Replies are decoded to the types in api.ts; how a request is made (retries, errors as one
// line) is transport.ts.
import type {
  Agent,
  Health,
  Message,
  PermissionReply,
  PermissionRequest,
  PromptBody,
  Providers,
  QuestionRequest,
  Session,
  SessionStatus,
  ToastVariant,
  TuiControlRequest,
} from "./api";
import { SHAPES } from "./decode";
import type { TextEncoding } from "./json";
import { base64, Connection, pathId, request, RequestOptions } from "./transport";

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

export class Client implements Connection {
  readonly url: string;
  readonly directory?: string;
  readonly encoding: TextEncoding;
  readonly timeout?: number;
  readonly authHeader?: string;
  /** HTTP requests sent by this client (for measuring what a prompt costs). */
  requests = 0;
  /** Bytes of response bodies received, and the largest one (for measuring). */
  bytes = 0;
  largest = 0;

  constructor(options: ClientOptions) {
    this.url = options.url;
    this.directory = options.directory !== "" ? options.directory : undefined;
    this.encoding = options.encoding ?? "latin1";
    this.timeout = options.timeout;
    if (options.password !== undefined && options.password !== "") {
      this.authHeader = "Basic " + base64((options.username ?? "opencode") + ":" + options.password);
    }
  }

  /** One request, checked against o.shape (transport.ts: retries, errors as one line). */
  request<T>(method: string, path: string, o: RequestOptions = {}): T {
    return request<T>(this, method, path, o);
  }

  private sessionPath(id: string, rest = ""): string {
    return "/session/" + pathId("ses", id) + rest;
  }

  health(deadline?: number): Health {
    return this.request<Health>("GET", "/global/health", { shape: SHAPES.health, deadline });
  }

  /** Sessions of the project (opencc.directory when set), newest first; `filter` narrows the list on the server. */
  sessions(deadline?: number, filter?: { search?: string; roots?: boolean; limit?: number }): Session[] {
    const query: { [k: string]: string | number } = {};
    if (filter?.search !== undefined) query.search = filter.search;
    if (filter?.roots !== undefined) query.roots = tostring(filter.roots);
    if (filter?.limit !== undefined) query.limit = filter.limit;
    const list = this.request<Session[]>("GET", "/session", { query, shape: [SHAPES.session], deadline });
    table.sort(list, (a, b) => a.time.updated > b.time.updated);
    return list;
  }

  session(id: string, deadline?: number): Session {
    return this.request<Session>("GET", this.sessionPath(id), { shape: SHAPES.session, deadline });
  }

  createSession(title?: string, parentID?: string, deadline?: number): Session {
    if (parentID !== undefined) pathId("ses", parentID);
    return this.request<Session>("POST", "/session", { body: { title, parentID }, shape: SHAPES.session, deadline });
  }

  deleteSession(id: string): boolean {
    return this.request<boolean>("DELETE", this.sessionPath(id), { shape: SHAPES.boolean });
  }

  abort(id: string, timeout?: number, deadline?: number): boolean {
    return this.request<boolean>("POST", this.sessionPath(id, "/abort"), { timeout, deadline, shape: SHAPES.boolean });
  }

  /** The newest `limit` messages, oldest first (limit 0: all). */
  messages(id: string, limit?: number, deadline?: number): Message[] {
    return this.request<Message[]>("GET", this.sessionPath(id, "/message"), {
      query: limit !== undefined ? { limit } : undefined,
      shape: [SHAPES.message],
      deadline,
    });
  }

  message(id: string, messageID: string, deadline?: number): Message {
    return this.request<Message>("GET", this.sessionPath(id, "/message/" + pathId("msg", messageID)), {
      shape: SHAPES.message,
      deadline,
    });
  }

  /** Blocking prompt: answers when the reply is complete (CC cuts requests at 60 s). Never re-sent. */
  prompt(id: string, body: PromptBody, timeout?: number, deadline?: number): Message {
    pathId("msg", body.messageID);
    return this.request<Message>("POST", this.sessionPath(id, "/message"), {
      body,
      timeout,
      deadline,
      shape: SHAPES.message,
    });
  }

  /** Never re-sent: when its answer is lost, GET message(id, body.messageID) tells whether it arrived. */
  promptAsync(id: string, body: PromptBody, deadline?: number): void {
    pathId("msg", body.messageID);
    this.request<undefined>("POST", this.sessionPath(id, "/prompt_async"), { body, deadline });
  }

  /** Busy (or retrying) sessions; idle ones are absent. */
  status(deadline?: number): { [sessionID: string]: SessionStatus } {
    return this.request<{ [sessionID: string]: SessionStatus }>("GET", "/session/status", {
      shape: SHAPES.status,
      deadline,
    });
  }

  agents(deadline?: number): Agent[] {
    return this.request<Agent[]>("GET", "/agent", { shape: [SHAPES.agent], deadline });
  }

  providers(deadline?: number): Providers {
    return this.request<Providers>("GET", "/config/providers", { shape: SHAPES.providers, deadline });
  }

  permissions(deadline?: number): PermissionRequest[] {
    return this.request<PermissionRequest[]>("GET", "/permission", { shape: [SHAPES.permission], deadline });
  }

  replyPermission(requestID: string, reply: PermissionReply, message?: string, deadline?: number): boolean {
    return this.request<boolean>("POST", "/permission/" + pathId("per", requestID) + "/reply", {
      body: { reply, message },
      shape: SHAPES.boolean,
      deadline,
    });
  }

  questions(deadline?: number): QuestionRequest[] {
    return this.request<QuestionRequest[]>("GET", "/question", { shape: [SHAPES.question], deadline });
  }

  /** answers: for each question, the labels chosen. */
  replyQuestion(requestID: string, answers: string[][], deadline?: number): boolean {
    return this.request<boolean>("POST", "/question/" + pathId("que", requestID) + "/reply", {
      body: { answers },
      shape: SHAPES.boolean,
      deadline,
    });
  }

  rejectQuestion(requestID: string, deadline?: number): boolean {
    return this.request<boolean>("POST", "/question/" + pathId("que", requestID) + "/reject", {
      shape: SHAPES.boolean,
      deadline,
    });
  }

  // The TUI controls drive a TUI attached to this server (opencode attach).
  appendPrompt(text: string): boolean {
    return this.request<boolean>("POST", "/tui/append-prompt", { body: { text }, shape: SHAPES.boolean });
  }

  submitPrompt(): boolean {
    return this.request<boolean>("POST", "/tui/submit-prompt", { shape: SHAPES.boolean });
  }

  clearPrompt(): boolean {
    return this.request<boolean>("POST", "/tui/clear-prompt", { shape: SHAPES.boolean });
  }

  openHelp(): boolean {
    return this.request<boolean>("POST", "/tui/open-help", { shape: SHAPES.boolean });
  }

  openSessions(): boolean {
    return this.request<boolean>("POST", "/tui/open-sessions", { shape: SHAPES.boolean });
  }

  openThemes(): boolean {
    return this.request<boolean>("POST", "/tui/open-themes", { shape: SHAPES.boolean });
  }

  openModels(): boolean {
    return this.request<boolean>("POST", "/tui/open-models", { shape: SHAPES.boolean });
  }

  executeCommand(command: string): boolean {
    return this.request<boolean>("POST", "/tui/execute-command", { body: { command }, shape: SHAPES.boolean });
  }

  showToast(message: string, options?: { title?: string; duration?: number; variant?: ToastVariant }): boolean {
    return this.request<boolean>("POST", "/tui/show-toast", {
      body: { message, title: options?.title, duration: options?.duration, variant: options?.variant ?? "info" },
      shape: SHAPES.boolean,
    });
  }

  /** Waits (up to `timeout` seconds) for the next request the TUI makes of a controller. */
  controlNext(timeout?: number): TuiControlRequest {
    return this.request<TuiControlRequest>("GET", "/tui/control/next", {
      timeout,
      // A long poll that ends unanswered is not a fault to retry past its own timeout.
      deadline: timeout !== undefined ? os.epoch("utc") + timeout * 1000 : undefined,
      shape: SHAPES.control,
    });
  }

  controlResponse(body: unknown): boolean {
    return this.request<boolean>("POST", "/tui/control/response", { body, shape: SHAPES.boolean });
  }
}
