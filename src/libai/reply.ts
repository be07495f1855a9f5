// Waiting for the answer to one user message U: poll the newest messages (with a limit, so a poll
// costs the same however long the session is), report progress, and decide when it is complete.
// The answer to U is every assistant message whose parentID is U; tool steps (finish
// "tool-calls") are intermediate; the reply is complete when the last one has time.completed
// with a final finish, or has an error.
import type { Message, Part, PermissionReply, PermissionRequest, QuestionRequest } from "./api";
import type { Client } from "./client";
import { fail } from "./errors";
import { TERMINATED } from "./http";
import { observeId } from "./ids";
import { toCC } from "./text";

/** A tool call as progress callbacks and the reply see it. */
export interface ToolActivity {
  tool: string;
  status: "pending" | "running" | "completed" | "error";
  /** What the tool does, in the server's words (e.g. the bash command's description). */
  title?: string;
  input?: { [k: string]: unknown };
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

const FIRST_LIMIT = 10;

/** What to do about the errors a model run can end with (the server gives only what happened). */
const ERROR_HINTS: { [name: string]: string } = {
  MessageAbortedError: " (the reply was stopped on the server)",
  ProviderAuthError: " (the server's model provider refused its credentials: fix its API key on the server)",
  MessageOutputLengthError: " (the reply reached the model's output limit: ask for less at once)",
  ContextOverflowError: " (the conversation is too long for the model: start a new one)",
};

/** Waits `seconds` on a timer, raising TERMINATED on Ctrl+T (sleep() would lose that event). */
export function pause(seconds: number): void {
  const timer = os.startTimer(seconds);
  while (true) {
    const [event, id] = os.pullEventRaw();
    if (event === "terminate") {
      os.cancelTimer(timer);
      throw TERMINATED;
    }
    if (event === "timer" && id === timer) return;
  }
}

function describePermission(req: PermissionRequest): string {
  return req.permission + (req.patterns.length > 0 ? " " + table.concat(req.patterns, " ") : "");
}

function textOf(answers: Message[], raw: boolean): string {
  const pieces: string[] = [];
  for (const m of answers) {
    for (const p of m.parts) {
      if (p.type === "text" && p.synthetic !== true && p.text !== undefined && p.text !== "") pieces.push(p.text);
    }
  }
  const text = table.concat(pieces, "\n\n");
  return raw ? text : toCC(text);
}

function toolOf(p: Part, raw: boolean): ToolActivity {
  const state = p.state!;
  const title = state.title !== undefined ? (raw ? state.title : toCC(state.title)) : undefined;
  return { tool: p.tool ?? "tool", status: state.status, title, input: state.input, error: state.error };
}

export class ReplyWaiter {
  private readonly answers = new LuaTable<string, Message>();
  private text = "";
  private readonly toolStatus = new LuaTable<string, string>();
  private readonly tools: ToolActivity[] = [];
  private readonly rejected: string[] = [];
  private readonly handled = new LuaTable<string, boolean>();
  private ordered: Message[] = [];
  private limit = FIRST_LIMIT;
  private sawUserMessage = false;
  private idleChecks = 0;
  private lastRequestCheck = 0;
  private lastStatusCheck = 0;
  private lastProgress = os.epoch("utc");

  constructor(
    private readonly client: Client,
    private readonly opts: WaitOptions,
  ) {}

  /** Polls until the reply is complete; raises an AiError, or TERMINATED on Ctrl+T. */
  wait(): Reply {
    // A prompt just sent has no answer yet: the first poll waits one interval (one request saved).
    if (!this.opts.answered) pause(this.opts.pollInterval);
    while (true) {
      const done = this.poll();
      if (done !== undefined) return done;
      // The caller words the timeout: it knows the setting, and aborts the generation.
      if (os.epoch("utc") > this.opts.deadline) fail("timeout", "timeout");
      if (os.epoch("utc") - this.lastProgress > this.opts.pollInterval * 1000 * 1.5) {
        const stopped = this.checkStall();
        if (stopped !== undefined) return stopped;
      }
      pause(this.opts.pollInterval);
    }
  }

  /** One poll: returns the reply when it is complete. */
  poll(): Reply | undefined {
    const o = this.opts;
    const list = this.client.messages(o.sessionID, this.limit, o.deadline);
    let oldestAfterU = list.length > 0;
    for (const m of list) {
      observeId(m.info.id);
      if (m.info.id === o.messageID) this.sawUserMessage = true;
      if (m.info.id <= o.messageID) oldestAfterU = false;
      if (m.info.role === "assistant" && m.info.parentID === o.messageID) this.answers.set(m.info.id, m);
    }
    const ordered: Message[] = [];
    for (const [, m] of pairs(this.answers)) ordered.push(m);
    table.sort(ordered, (a, b) => a.info.id < b.info.id);
    this.ordered = ordered;
    if (ordered.length === 0 && oldestAfterU && list.length >= this.limit) {
      // U is older than the window and its answer is not in it: look further back next time.
      this.limit = this.limit * 2;
    }
    this.report(ordered);
    const last = ordered[ordered.length - 1];
    if (last === undefined) return undefined;
    const err = last.info.error;
    if (err !== undefined) {
      const message = err.data?.message;
      const said = message !== undefined && message !== "" ? ": " + (o.raw ? message : toCC(message)) : "";
      fail("assistant", err.name + said + (ERROR_HINTS[err.name] ?? ""), { name: err.name });
    }
    if (last.info.time.completed !== undefined && last.info.finish !== "tool-calls") return this.complete();
    return undefined;
  }

  private complete(): Reply {
    const ordered = this.ordered;
    const last = ordered[ordered.length - 1];
    return {
      text: this.text,
      sessionID: this.opts.sessionID,
      messageID: this.opts.messageID,
      messages: ordered,
      tools: this.tools,
      rejected: this.rejected,
      agent: last.info.agent,
      model: last.info.providerID !== undefined ? last.info.providerID + "/" + last.info.modelID : undefined,
    };
  }

  /** Calls onText and onTool for what changed since the last poll. */
  private report(ordered: Message[]): void {
    const o = this.opts;
    for (const m of ordered) {
      for (const p of m.parts) {
        if (p.type === "tool" && p.state !== undefined) {
          const before = this.toolStatus.get(p.id);
          const now = p.state.status;
          const started = now === "running" && before === undefined;
          const ended = (now === "completed" || now === "error") && before !== now;
          if (before !== now) {
            this.toolStatus.set(p.id, now);
            this.lastProgress = os.epoch("utc");
            this.idleChecks = 0;
          }
          if (ended) this.tools.push(toolOf(p, o.raw === true));
          if ((started || ended) && o.onTool !== undefined) {
            // A tool that ran between two polls is reported as started, then finished.
            if (ended && before === undefined) o.onTool({ ...toolOf(p, o.raw === true), status: "running" });
            o.onTool(toolOf(p, o.raw === true));
          }
        }
      }
    }
    const text = textOf(ordered, o.raw === true);
    if (text !== this.text) {
      const grew = string.sub(text, 1, this.text.length) === this.text;
      const delta = grew ? string.sub(text, this.text.length + 1) : text;
      this.text = text;
      this.lastProgress = os.epoch("utc");
      this.idleChecks = 0;
      if (o.onText !== undefined) o.onText(delta, text);
    }
  }

  /**
   * Nothing moved for a while: look for a permission request or question waiting for us, and
   * notice a session that went idle without answering (an unknown model, a dropped prompt).
   */
  private checkStall(): Reply | undefined {
    const now = os.epoch("utc");
    const o = this.opts;
    if (now - this.lastRequestCheck >= 1000) {
      this.lastRequestCheck = now;
      for (const req of this.client.permissions(o.deadline)) {
        if (req.sessionID === o.sessionID && !this.handled.get(req.id)) this.answerPermission(req);
      }
      for (const q of this.client.questions(o.deadline)) {
        if (q.sessionID === o.sessionID && !this.handled.get(q.id)) this.answerQuestion(q);
      }
    }
    if (now - this.lastStatusCheck >= 2000) {
      this.lastStatusCheck = now;
      const status = this.client.status(o.deadline)[o.sessionID];
      if (status === undefined || status.type === "idle") {
        this.idleChecks++;
        // Twice idle with a poll between them that still found no complete answer.
        if (this.idleChecks >= 2) {
          // The agent stopped after a tool step (e.g. its permission was rejected): that is the reply.
          const last = this.ordered[this.ordered.length - 1];
          if (last !== undefined && last.info.time.completed !== undefined) return this.complete();
          if (!this.sawUserMessage) {
            fail(
              "idle",
              "The server dropped the prompt without answering (its log says why: often an unknown agent). Try again, or run ai --doctor.",
            );
          }
          fail(
            "idle",
            "The session went idle without answering: the model may be unknown or failing on the server. Try another model, or run ai --doctor.",
          );
        }
      } else {
        this.idleChecks = 0;
        if (status.type === "retry" && o.onStatus !== undefined) {
          o.onStatus(`retrying (attempt ${status.attempt}): ${o.raw ? status.message : toCC(status.message)}`);
        }
      }
    }
    return undefined;
  }

  private answerPermission(req: PermissionRequest): void {
    this.handled.set(req.id, true);
    let reply: PermissionReply = "reject";
    if (this.opts.onPermission !== undefined) {
      const answer = this.opts.onPermission(req);
      reply = answer === true ? "once" : answer === false || answer === undefined ? "reject" : answer;
    } else {
      this.rejected.push(`permission ${describePermission(req)} (no onPermission handler)`);
    }
    this.client.replyPermission(req.id, reply);
    this.lastProgress = os.epoch("utc");
  }

  private answerQuestion(q: QuestionRequest): void {
    this.handled.set(q.id, true);
    const answers = this.opts.onQuestion !== undefined ? this.opts.onQuestion(q) : undefined;
    if (answers !== undefined) {
      this.client.replyQuestion(q.id, answers);
    } else {
      if (this.opts.onQuestion === undefined) {
        this.rejected.push(`question "${q.questions[0]?.question ?? "?"}" (no onQuestion handler)`);
      }
      this.client.rejectQuestion(q.id);
    }
    this.lastProgress = os.epoch("utc");
  }
}
