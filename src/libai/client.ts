// One opencode server: its URL, Basic Auth and project directory, and one method per endpoint.
// Replies are decoded to the types in api.ts; HTTP errors become AiErrors with a fix in them.
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
import { fail } from "./errors";
import { send } from "./http";
import { observeDateHeader } from "./ids";
import { decodeJSON, encodeJSON, TextEncoding } from "./json";

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

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function base64(s: string): string {
  const out: string[] = [];
  for (let i = 1; i <= s.length; i += 3) {
    const [a, b, c] = string.byte(s, i, i + 2);
    const n = a * 65536 + (b ?? 0) * 256 + (c ?? 0);
    const chars = [math.floor(n / 262144), math.floor(n / 4096) % 64, math.floor(n / 64) % 64, n % 64];
    for (let k = 0; k < 4; k++) {
      const pad = (k === 2 && b === undefined) || (k === 3 && c === undefined);
      out.push(pad ? "=" : string.sub(B64, chars[k] + 1, chars[k] + 1));
    }
  }
  return table.concat(out);
}

function urlEncode(s: string): string {
  const [out] = string.gsub(s, "[^%w%-%._~/]", (ch: string) => string.format("%%%02X", string.byte(ch)));
  return out;
}

/** The server's words from an error body: {name, data: {message}} or {error: ...} or plain text. */
function serverMessage(body: string): LuaMultiReturn<[string | undefined, string | undefined]> {
  const decoded = decodeJSON(body) as { name?: string; message?: string; data?: { message?: string } } | undefined;
  if (type(decoded) === "table") {
    return $multi(decoded!.name, decoded!.data?.message ?? decoded!.message);
  }
  const [firstLine] = string.match(body, "^%s*([^\r\n]+)");
  return $multi(undefined, firstLine !== undefined ? string.sub(firstLine, 1, 200) : undefined);
}

export class Client {
  readonly url: string;
  readonly directory?: string;
  readonly encoding: TextEncoding;
  readonly timeout?: number;
  private readonly authHeader?: string;
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

  /** Sends one request; decodes a JSON reply, or fails with a line that says what to do. */
  request<T>(
    method: string,
    path: string,
    body?: unknown,
    query?: { [k: string]: string | number },
    timeout?: number,
    deadline?: number,
  ): T {
    const params: string[] = [];
    if (this.directory !== undefined) params.push("directory=" + urlEncode(this.directory));
    if (query !== undefined) {
      for (const [k, v] of pairs(query)) params.push(k + "=" + urlEncode(tostring(v)));
    }
    const url = this.url + path + (params.length > 0 ? "?" + table.concat(params, "&") : "");
    const headers: HttpHeaders = { Accept: "application/json" };
    // Without a Content-Type CC sends form-encoding; the server wants JSON.
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (this.authHeader !== undefined) headers["Authorization"] = this.authHeader;
    const sentAt = os.epoch("utc");
    let seconds = timeout ?? this.timeout;
    if (deadline !== undefined) {
      // A request never outlives the prompt it serves (CC's own default is 30 s).
      const left = (deadline - sentAt) / 1000;
      if (left <= 0) fail("timeout", `No time left for ${method} ${path}.`);
      seconds = math.min(seconds ?? 30, left);
    }
    this.requests++;
    const reply = send({
      method,
      url,
      headers,
      body: body !== undefined ? encodeJSON(body, this.encoding) : undefined,
      timeout: seconds,
    });
    this.bytes += reply.body.length;
    if (reply.body.length > this.largest) this.largest = reply.body.length;
    observeDateHeader(reply.headers["Date"] ?? reply.headers["date"], sentAt, os.epoch("utc"));

    if (reply.status === 401 || reply.status === 403) {
      fail(
        "auth",
        `The opencode server refused the credentials (${reply.status}): set opencc.password to the server's OPENCODE_SERVER_PASSWORD (and opencc.username if it is not "opencode").`,
        { status: reply.status },
      );
    }
    if (reply.status >= 400) {
      const [name, message] = serverMessage(reply.body);
      const what = message ?? `HTTP ${reply.status}`;
      if (reply.status === 404 && name === "NotFoundError") fail("session_gone", what, { status: 404, name });
      fail(
        "server",
        `The opencode server answered ${method} ${path} with ${reply.status}: ${name !== undefined ? name + ": " : ""}${what}`,
        {
          status: reply.status,
          name,
        },
      );
    }
    if (reply.body === "" || reply.status === 204) return undefined as T;
    const decoded = decodeJSON(reply.body);
    if (decoded === undefined) {
      const [html] = string.find(reply.body, "^%s*<");
      fail(
        "bad_response",
        html !== undefined
          ? `${this.url} answered ${path} with a web page, not JSON: is opencc.server_url an opencode server, and is it new enough for this endpoint?`
          : `${this.url} answered ${path} with something that is not JSON.`,
      );
    }
    return decoded as T;
  }

  private sessionPath(id: string, rest = ""): string {
    return "/session/" + urlEncode(id) + rest;
  }

  health(deadline?: number): Health {
    return this.request<Health>("GET", "/global/health", undefined, undefined, undefined, deadline);
  }

  /** Sessions of the project (opencc.directory when set), newest first. */
  sessions(deadline?: number, filter?: { search?: string; roots?: boolean; limit?: number }): Session[] {
    const query: { [k: string]: string | number } = {};
    if (filter?.search !== undefined) query.search = filter.search;
    if (filter?.roots !== undefined) query.roots = tostring(filter.roots);
    if (filter?.limit !== undefined) query.limit = filter.limit;
    const list = this.request<Session[]>("GET", "/session", undefined, query, undefined, deadline);
    table.sort(list, (a, b) => a.time.updated > b.time.updated);
    return list;
  }

  session(id: string, deadline?: number): Session {
    return this.request<Session>("GET", this.sessionPath(id), undefined, undefined, undefined, deadline);
  }

  createSession(title?: string, parentID?: string, deadline?: number): Session {
    return this.request<Session>("POST", "/session", { title, parentID }, undefined, undefined, deadline);
  }

  deleteSession(id: string): boolean {
    return this.request<boolean>("DELETE", this.sessionPath(id));
  }

  abort(id: string, timeout?: number, deadline?: number): boolean {
    return this.request<boolean>("POST", this.sessionPath(id, "/abort"), undefined, undefined, timeout, deadline);
  }

  /** The newest `limit` messages, oldest first (limit 0: all). */
  messages(id: string, limit?: number, deadline?: number): Message[] {
    return this.request<Message[]>(
      "GET",
      this.sessionPath(id, "/message"),
      undefined,
      limit !== undefined ? { limit } : undefined,
      undefined,
      deadline,
    );
  }

  message(id: string, messageID: string, deadline?: number): Message {
    const path = this.sessionPath(id, "/message/" + urlEncode(messageID));
    return this.request<Message>("GET", path, undefined, undefined, undefined, deadline);
  }

  /** Blocking prompt: answers when the reply is complete (CC cuts requests at 60 s). */
  prompt(id: string, body: PromptBody, timeout?: number, deadline?: number): Message {
    return this.request<Message>("POST", this.sessionPath(id, "/message"), body, undefined, timeout, deadline);
  }

  promptAsync(id: string, body: PromptBody, deadline?: number): void {
    this.request<undefined>("POST", this.sessionPath(id, "/prompt_async"), body, undefined, undefined, deadline);
  }

  /** Busy (or retrying) sessions; idle ones are absent. */
  status(deadline?: number): { [sessionID: string]: SessionStatus } {
    return this.request<{ [sessionID: string]: SessionStatus }>(
      "GET",
      "/session/status",
      undefined,
      undefined,
      undefined,
      deadline,
    );
  }

  agents(deadline?: number): Agent[] {
    return this.request<Agent[]>("GET", "/agent", undefined, undefined, undefined, deadline);
  }

  providers(deadline?: number): Providers {
    return this.request<Providers>("GET", "/config/providers", undefined, undefined, undefined, deadline);
  }

  permissions(deadline?: number): PermissionRequest[] {
    return this.request<PermissionRequest[]>("GET", "/permission", undefined, undefined, undefined, deadline);
  }

  replyPermission(requestID: string, reply: PermissionReply, message?: string, deadline?: number): boolean {
    const path = "/permission/" + urlEncode(requestID) + "/reply";
    return this.request<boolean>("POST", path, { reply, message }, undefined, undefined, deadline);
  }

  questions(deadline?: number): QuestionRequest[] {
    return this.request<QuestionRequest[]>("GET", "/question", undefined, undefined, undefined, deadline);
  }

  /** answers: for each question, the labels chosen. */
  replyQuestion(requestID: string, answers: string[][], deadline?: number): boolean {
    const path = "/question/" + urlEncode(requestID) + "/reply";
    return this.request<boolean>("POST", path, { answers }, undefined, undefined, deadline);
  }

  rejectQuestion(requestID: string, deadline?: number): boolean {
    const path = "/question/" + urlEncode(requestID) + "/reject";
    return this.request<boolean>("POST", path, undefined, undefined, undefined, deadline);
  }

  // The TUI controls drive a TUI attached to this server (opencode attach).
  appendPrompt(text: string): boolean {
    return this.request<boolean>("POST", "/tui/append-prompt", { text });
  }

  submitPrompt(): boolean {
    return this.request<boolean>("POST", "/tui/submit-prompt");
  }

  clearPrompt(): boolean {
    return this.request<boolean>("POST", "/tui/clear-prompt");
  }

  openHelp(): boolean {
    return this.request<boolean>("POST", "/tui/open-help");
  }

  openSessions(): boolean {
    return this.request<boolean>("POST", "/tui/open-sessions");
  }

  openThemes(): boolean {
    return this.request<boolean>("POST", "/tui/open-themes");
  }

  openModels(): boolean {
    return this.request<boolean>("POST", "/tui/open-models");
  }

  executeCommand(command: string): boolean {
    return this.request<boolean>("POST", "/tui/execute-command", { command });
  }

  showToast(message: string, options?: { title?: string; duration?: number; variant?: ToastVariant }): boolean {
    return this.request<boolean>("POST", "/tui/show-toast", {
      message,
      title: options?.title,
      duration: options?.duration,
      variant: options?.variant ?? "info",
    });
  }

  /** Waits (up to `timeout` seconds) for the next request the TUI makes of a controller. */
  controlNext(timeout?: number): TuiControlRequest {
    return this.request<TuiControlRequest>("GET", "/tui/control/next", undefined, undefined, timeout);
  }

  controlResponse(body: unknown): boolean {
    return this.request<boolean>("POST", "/tui/control/response", body);
  }
}
