// Waiting for the answer to one user message U: poll the newest messages (with a limit, so a poll
// costs the same however long the session is), report progress, and decide when it is complete.
// The answer to U is every assistant message whose parentID is U; tool steps (finish
// "tool-calls") are intermediate; the reply is complete when the last one has time.completed
// with a final finish, or has an error.
import type { Message, Part, PermissionReply, PermissionRequest, QuestionRequest } from "./api";
import type { Client } from "./client";
import { fail } from "./errors";
import { pause, runBeside, SideControl } from "./beside";
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

/** What to do about the errors a model run can end with (the server gives only what happened). */
const ERROR_HINTS: { [name: string]: string } = {
  MessageAbortedError: " (the reply was stopped on the server)",
  ProviderAuthError: " (the server's model provider refused its credentials: fix its API key on the server)",
  MessageOutputLengthError: " (the reply reached the model's output limit: ask for less at once)",
  ContextOverflowError: " (the conversation is too long for the model: start a new one)",
};

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

function overtaken(sessionID: string): never {
  return fail(
    "overtaken",
    `A newer message on session ${sessionID} (sent by another client) was answered instead of this prompt: send it again.`,
  );
}

/** Side tasks watching a reply on this computer now. */
let watchers = 0;

/**
 * The answer to one user message, as seen so far. It is read from the newest messages of the
 * session, no more than follow ours: a window of the answers known so far plus one, widened only
 * when something new may lie before it, so what a poll costs does not grow with the history.
 */
export class ReplyWaiter {
  private readonly answers = new LuaTable<string, Message>();
  private answerCount = 0;
  private text = "";
  private readonly toolStatus = new LuaTable<string, string>();
  private readonly tools: ToolActivity[] = [];
  private readonly rejected: string[] = [];
  private readonly handled = new LuaTable<string, boolean>();
  private ordered: Message[] = [];
  private limit = 2;
  private sawUserMessage = false;
  /** Answers seen in a window that reached back to our message: nothing hides before them. */
  private readonly contiguous = new LuaTable<string, boolean>();
  /** Whether the last look saw everything from our message on. */
  private reachedStart = false;
  /** A user message newer than ours, which the server may answer instead. */
  private newerUser = false;
  /** The tool running in the answer now (a permission or question can only wait on one). */
  private runningTool?: string;
  private lastChange = os.epoch("utc");
  private requestGap: number;
  private nextRequestCheck = 0;
  private statusGap: number;
  private nextStatusCheck = 0;
  private idleChecks = 0;
  /** Runs one request (beside a blocking request: marked, so that it is never cut). */
  private call: <T>(this: void, fn: () => T) => T = (fn) => fn();

  constructor(
    private readonly client: Client,
    private readonly opts: WaitOptions,
  ) {
    this.requestGap = 2 * opts.pollInterval;
    this.statusGap = 6 * opts.pollInterval;
  }

  /** One look at the newest messages; true when anything moved. */
  private refresh(): boolean {
    const o = this.opts;
    const list = this.call(() => this.client.messages(o.sessionID, this.limit, o.deadline));
    const oldest = list[0];
    // Nothing can hide before the window when it holds the whole session, starts at or before
    // our message, or starts with an answer seen in such a window before.
    const reached =
      list.length < this.limit ||
      oldest === undefined ||
      oldest.info.id <= o.messageID ||
      this.contiguous.get(oldest.info.id);
    for (const m of list) {
      observeId(m.info.id);
      if (m.info.id === o.messageID) {
        this.sawUserMessage = true;
      } else if (m.info.role === "assistant" && m.info.parentID === o.messageID) {
        if (this.answers.get(m.info.id) === undefined) this.answerCount++;
        this.answers.set(m.info.id, m);
        if (reached) this.contiguous.set(m.info.id, true);
      } else if (m.info.role === "user" && m.info.id > o.messageID) {
        this.newerUser = true;
      }
    }
    this.reachedStart = reached;
    this.limit = reached ? this.answerCount + 1 : this.limit * 2;
    const ordered: Message[] = [];
    for (const [, m] of pairs(this.answers)) ordered.push(m);
    table.sort(ordered, (a, b) => a.info.id < b.info.id);
    this.ordered = ordered;
    return this.report(ordered);
  }

  /** Calls onText and onTool for what changed since the last look; true when anything did. */
  private report(ordered: Message[]): boolean {
    const o = this.opts;
    let changed = false;
    this.runningTool = undefined;
    for (const m of ordered) {
      for (const p of m.parts) {
        if (p.type === "tool" && p.state !== undefined) {
          const before = this.toolStatus.get(p.id);
          const now = p.state.status;
          const started = now === "running" && before === undefined;
          const ended = (now === "completed" || now === "error") && before !== now;
          if (now === "running" || now === "pending") this.runningTool = p.tool ?? "tool";
          if (before !== now) {
            this.toolStatus.set(p.id, now);
            changed = true;
          }
          if (ended) this.tools.push(toolOf(p, o.raw === true));
          if ((started || ended) && o.onTool !== undefined) {
            // A tool that ran between two looks is reported as started, then finished.
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
      changed = true;
      if (o.onText !== undefined) o.onText(delta, text);
    }
    if (changed) {
      this.lastChange = os.epoch("utc");
      this.idleChecks = 0;
      this.requestGap = 2 * o.pollInterval;
      this.nextRequestCheck = 0;
    }
    return changed;
  }

  /**
   * The side task beside a blocking request, which says when the reply is complete: reports tool
   * steps and text as steps end, answers permission requests and questions, and shows a retry.
   * It looks less often while nothing moves.
   */
  watch(control: SideControl): void {
    this.call = control.request;
    const pi = this.opts.pollInterval;
    let gap = 2 * pi;
    while (true) {
      // Many prompts at once on this computer (a bot) share the looking: each looks less often.
      control.pause(gap * math.max(1, watchers / 4));
      const [ok, changed] = pcall(() => this.refresh());
      if (control.stopped()) return;
      if (ok)
        pcall(() => {
          this.checkRequests();
        });
      if (ok && !control.stopped())
        pcall(() => {
          this.checkRetry();
        });
      if (ok && changed) gap = 2 * pi;
      else gap = math.min(gap * 1.5, (this.runningTool !== undefined ? 4 : 8) * pi);
    }
  }

  /** Runs `request` (a blocking prompt) with watch() beside it. */
  alongside<T>(request: () => T): T {
    watchers++;
    const [ok, result] = pcall(() =>
      runBeside(request, (c) => {
        this.watch(c);
      }),
    );
    watchers--;
    if (!ok) throw result;
    return result;
  }

  /**
   * The blocking request returned `last`: the server's run for the session has ended. Collects
   * the whole answer (tool steps included) and returns it, or raises its error.
   */
  finish(last: Message): Reply {
    const o = this.opts;
    if (last.info.parentID !== o.messageID) {
      // The run went on to a newer message (another client's) and returned its answer: ours
      // may have been answered before it, or skipped.
      this.reachedStart = false;
      while (!this.reachedStart) this.refresh();
      if (this.ordered.length === 0) {
        overtaken(o.sessionID);
      }
    } else if (this.contiguous.get(last.info.id)) {
      // The side task saw this message, and all before it: the request's copy completes it.
      this.answers.set(last.info.id, last);
      this.ordered[this.ordered.length - 1] = last;
      this.report(this.ordered);
    } else {
      if (this.answers.get(last.info.id) === undefined) this.answerCount++;
      this.answers.set(last.info.id, last);
      this.limit = this.answerCount + 1;
      this.reachedStart = false;
      while (!this.reachedStart) this.refresh();
    }
    const done = this.outcome(true);
    if (done === undefined)
      fail("bad_response", `The server ended the run on session ${o.sessionID} without a complete answer.`);
    return done;
  }

  /** Polls until the reply is complete (ai.waitFor, or a prompt whose blocking request was cut). */
  poll(): Reply {
    const o = this.opts;
    while (true) {
      this.refresh();
      const done = this.outcome(false);
      if (done !== undefined) return done;
      if (os.epoch("utc") > o.deadline) fail("timeout", o.timeoutLine);
      this.checkRequests();
      const stopped = this.checkIdle();
      if (stopped !== undefined) return stopped;
      pause(math.min(o.pollInterval, math.max((o.deadline - os.epoch("utc")) / 1000, 0.05)));
    }
  }

  /** The reply when the last answer is complete (or `ended`: the run is over), or its error. */
  private outcome(ended: boolean): Reply | undefined {
    const o = this.opts;
    const ordered = this.ordered;
    const last = ordered[ordered.length - 1];
    if (last === undefined) return undefined;
    const err = last.info.error;
    if (err !== undefined) {
      const message = err.data?.message;
      const said = message !== undefined && message !== "" ? ": " + (o.raw ? message : toCC(message)) : "";
      fail("assistant", err.name + said + (ERROR_HINTS[err.name] ?? ""), { name: err.name });
    }
    const complete = last.info.time.completed !== undefined;
    if (!complete || (last.info.finish === "tool-calls" && !ended)) return undefined;
    return {
      text: this.text,
      sessionID: o.sessionID,
      messageID: o.messageID,
      messages: ordered,
      tools: this.tools,
      rejected: this.rejected,
      agent: last.info.agent,
      model: last.info.providerID !== undefined ? last.info.providerID + "/" + last.info.modelID : undefined,
    };
  }

  /**
   * A permission request or question can only be waiting while a tool runs: look for one when a
   * tool starts, then less often while nothing moves.
   */
  private checkRequests(): void {
    const o = this.opts;
    const now = os.epoch("utc");
    if (this.runningTool === undefined || now < this.nextRequestCheck) return;
    this.nextRequestCheck = now + this.requestGap * 1000;
    this.requestGap = math.min(this.requestGap * 2, 16 * o.pollInterval);
    if (this.runningTool === "question") {
      for (const q of this.call(() => this.client.questions(o.deadline))) {
        if (q.sessionID === o.sessionID && !this.handled.get(q.id)) this.answerQuestion(q);
      }
    } else {
      for (const req of this.call(() => this.client.permissions(o.deadline))) {
        if (req.sessionID === o.sessionID && !this.handled.get(req.id)) this.answerPermission(req);
      }
    }
  }

  /** Long silence beside a blocking request: the server may be retrying the model; say so. */
  private checkRetry(): void {
    const o = this.opts;
    const now = os.epoch("utc");
    if (o.onStatus === undefined || now - this.lastChange < 6 * o.pollInterval * 1000) return;
    if (now < this.nextStatusCheck) return;
    this.nextStatusCheck = now + this.statusGap * 1000;
    this.statusGap = math.min(this.statusGap * 2, 32 * o.pollInterval);
    const status = this.call(() => this.client.status(o.deadline))[o.sessionID];
    if (status !== undefined && status.type === "retry") {
      o.onStatus(`retrying (attempt ${status.attempt}): ${o.raw ? status.message : toCC(status.message)}`);
    }
  }

  /**
   * Polling only: nothing moved for a while, so ask whether the session is still busy, and
   * notice one that went idle without answering (an unknown model, a dropped or overtaken prompt).
   */
  private checkIdle(): Reply | undefined {
    const o = this.opts;
    const now = os.epoch("utc");
    if (now - this.lastChange <= o.pollInterval * 1000 * 1.5 || now < this.nextStatusCheck) return undefined;
    this.nextStatusCheck = now + 2000;
    const status = this.call(() => this.client.status(o.deadline))[o.sessionID];
    if (status !== undefined && status.type !== "idle") {
      this.idleChecks = 0;
      if (status.type === "retry" && o.onStatus !== undefined) {
        o.onStatus(`retrying (attempt ${status.attempt}): ${o.raw ? status.message : toCC(status.message)}`);
      }
      return undefined;
    }
    this.idleChecks++;
    // Twice idle with a look between them that still found no complete answer.
    if (this.idleChecks < 2) return undefined;
    // The agent stopped after a tool step (e.g. its permission was rejected): that is the reply.
    const done = this.outcome(true);
    if (done !== undefined) return done;
    if (this.newerUser) {
      overtaken(o.sessionID);
    }
    if (!this.sawUserMessage) {
      fail(
        "idle",
        "The server dropped the prompt without answering (its log says why: often an unknown agent). Try again, or run ai --doctor.",
      );
    }
    return fail(
      "idle",
      "The session went idle without answering: the model may be unknown or failing on the server. Try another model, or run ai --doctor.",
    );
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
    this.call(() => this.client.replyPermission(req.id, reply, undefined, this.opts.deadline));
    this.lastChange = os.epoch("utc");
  }

  private answerQuestion(q: QuestionRequest): void {
    this.handled.set(q.id, true);
    const answers = this.opts.onQuestion !== undefined ? this.opts.onQuestion(q) : undefined;
    if (answers !== undefined) {
      this.call(() => this.client.replyQuestion(q.id, answers, this.opts.deadline));
    } else {
      if (this.opts.onQuestion === undefined) {
        this.rejected.push(`question "${q.questions[0]?.question ?? "?"}" (no onQuestion handler)`);
      }
      this.call(() => this.client.rejectQuestion(q.id, this.opts.deadline));
    }
    this.lastChange = os.epoch("utc");
  }
}
