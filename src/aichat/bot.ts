// The bot: chat messages in, prompts run per player (in order for one player, side by side for
// different players), replies and notes out through the send queue, and a log line per prompt.
import * as ai from "libai";
import type { AiError, PermissionReply, PermissionRequest, QuestionRequest } from "libai";
import { componentJson, noteJson } from "./component";
import { logInfo, logPrompt } from "./log";
import { Line, parseMarkdown } from "./markdown";
import { say } from "./outbox";
import { parseChat } from "./parse";
import { player, Player, Prompt, setSession, withinRate } from "./players";
import type { ChatConfig } from "./settings";
import { MAX_MESSAGES, splitMessages } from "./split";
import { spawn } from "./tasks";

type Client = ReturnType<typeof ai.client>;

/** Seconds of silence before the asker sees that the agent is still at it. */
export const THINKING_AFTER = 5;
/** Seconds a player has to answer a permission request or question before it is refused. */
export const ANSWER_TIMEOUT = 120;
/** The event the loop queues when a player answers: (ANSWER, uuid, answer). */
const ANSWER = "aichat_answer";

export const HELP_LINES = [
  "<prefix> <prompt>: ask (your own conversation; $<word> <prompt> asks privately)",
  "<prefix> new: start a new conversation",
  "<prefix> stop: stop the reply you are waiting for",
  "<prefix> yes / always / no: answer the agent's permission request; <prefix> 2: pick an option",
];

export class Bot {
  constructor(
    private readonly cfg: ChatConfig,
    private readonly client: Client,
  ) {}

  private tell(p: Player, text: string, color = "gray"): void {
    p.spoke = true;
    say(p.name, noteJson(text, color));
  }

  /** A "chat" event: (username, message, uuid, isHidden). */
  onChat(name: string, message: string, uuid: string | undefined, hidden: boolean): void {
    const parsed = parseChat(message, hidden, this.cfg);
    if (parsed === undefined) return;
    const p = player(uuid ?? name, name);
    const cfg = this.cfg;
    if (cfg.players.length > 0 && !listed(cfg.players, string.lower(name))) {
      this.tell(p, "Sorry, this AI only answers the players its owner listed.", "yellow");
      logInfo(`${name} is not in opencc.chat_players`);
      return;
    }
    switch (parsed.command) {
      case "help": {
        // One message: every message waits out the Chat Box's cooldown.
        const [lines] = string.gsub(
          string.gsub(table.concat(HELP_LINES, "\n"), "<prefix>", cfg.prefix)[0],
          "<word>",
          cfg.word,
        );
        this.tell(p, lines);
        return;
      }
      case "new":
        setSession(p, undefined);
        this.tell(
          p,
          p.busy
            ? "The reply in progress goes on; your next prompt starts a new conversation."
            : "Your next prompt starts a new conversation.",
        );
        return;
      case "stop":
        this.stop(p);
        return;
      case "yes":
      case "always":
      case "no":
      case "pick":
        if (p.awaiting !== undefined) {
          this.answer(p, parsed.command, parsed.pick);
          return;
        }
        break; // nothing to answer: it is a prompt like any other
    }
    this.prompt(p, parsed.text, parsed.hidden);
  }

  private answer(p: Player, command: string, pick: number | undefined): void {
    const a = p.awaiting!;
    if (a.kind === "permission") {
      if (command === "pick") {
        this.tell(p, `Answer ${this.cfg.prefix} yes, ${this.cfg.prefix} always or ${this.cfg.prefix} no.`, "yellow");
        return;
      }
      os.queueEvent(ANSWER, p.uuid, command === "yes" ? "once" : command === "always" ? "always" : "reject");
    } else {
      if (command === "no") os.queueEvent(ANSWER, p.uuid, 0);
      else if (command === "pick" && pick! >= 1 && pick! <= a.options) os.queueEvent(ANSWER, p.uuid, pick);
      else
        this.tell(
          p,
          `Answer ${this.cfg.prefix} 1 to ${this.cfg.prefix} ${a.options}, or ${this.cfg.prefix} no.`,
          "yellow",
        );
    }
  }

  private stop(p: Player): void {
    if (!p.busy) {
      this.tell(p, "Nothing to stop.");
      return;
    }
    const dropped = p.queue.length;
    p.queue = [];
    p.stopped = true;
    if (p.awaiting !== undefined) os.queueEvent(ANSWER, p.uuid, p.awaiting.kind === "permission" ? "reject" : 0);
    if (dropped > 0) this.tell(p, `Dropped ${dropped} waiting prompt${dropped > 1 ? "s" : ""}.`);
    const session = p.session;
    if (session !== undefined) {
      spawn(() => {
        const [, msg] = ai.protect(() => this.client.abort(session));
        if (msg !== undefined) logInfo(`stop for ${p.name}: ${msg}`, true);
      });
    }
  }

  /**
   * A prompt: `text` is as CC got it from the game, ISO-8859-1 (Cobalt keeps characters 0-255),
   * which libai sends on as UTF-8; the reply comes back as UTF-8 (raw) for the chat's components.
   */
  private prompt(p: Player, text: string, hidden: boolean): void {
    const cfg = this.cfg;
    // The others cannot see a hidden prompt, and neither can its author: a refusal gives it back.
    const kept = hidden ? " Your prompt was: " + text : "";
    if (text.length > cfg.maxPrompt) {
      this.tell(
        p,
        `Please keep prompts under ${cfg.maxPrompt} characters (that one has ${text.length}).${kept}`,
        "yellow",
      );
      logPrompt(p.name, text.length, 0, "too long", true);
      return;
    }
    const [ok, wait] = withinRate(p, cfg.rate);
    if (!ok) {
      this.tell(p, `Slow down: at most ${cfg.rate} prompts a minute. Try again in ${wait} s.${kept}`, "yellow");
      logPrompt(p.name, text.length, 0, "rate limit", true);
      return;
    }
    p.queue.push({ text, hidden, at: os.epoch("utc") });
    if (p.busy) {
      this.tell(p, `Queued: your earlier prompt is still being answered (${p.queue.length} waiting).`);
      return;
    }
    this.startWorker(p);
  }

  private startWorker(p: Player): void {
    p.busy = true;
    spawn(
      () => {
        this.work(p);
      },
      (err) => {
        p.busy = false;
        p.running = undefined;
        p.awaiting = undefined;
        if (err === undefined || err === "Terminated") return;
        logInfo(`aichat: ${tostring(err)}`, true);
        this.tell(p, "Something went wrong on the AI's computer; please try again.", "red");
        if (p.queue.length > 0) this.startWorker(p);
      },
    );
  }

  /** A "timer" event: the asker of a quiet prompt hears, once, that it is being worked on. */
  onThinking(p: Player): void {
    p.thinkingTimer = undefined;
    if (p.running !== undefined && !p.spoke) this.tell(p, "thinking\u2026");
  }

  /** The player's prompts, one after another (runs as a task). */
  private work(p: Player): void {
    while (p.queue.length > 0) {
      const item = p.queue.shift()!;
      p.running = item;
      p.spoke = false;
      p.stopped = false;
      p.thinkingTimer = os.startTimer(THINKING_AFTER);
      const [text, err] = this.ask(p, item);
      if (p.thinkingTimer !== undefined) os.cancelTimer(p.thinkingTimer);
      p.thinkingTimer = undefined;
      p.running = undefined;
      const seconds = (os.epoch("utc") - item.at) / 1000;
      if (text !== undefined) {
        this.deliver(p, item, text);
        logPrompt(p.name, item.text.length, seconds, "ok", false);
      } else {
        const stopped = p.stopped && err.name === "MessageAbortedError";
        this.tell(p, stopped ? "Stopped." : failureLine(err, item), stopped ? "gray" : "red");
        logPrompt(p.name, item.text.length, seconds, stopped ? "stopped" : err.kind, !stopped);
        if (!stopped) logInfo(err.message, true);
      }
    }
  }

  /** One prompt on the player's conversation; a conversation deleted on the server is replaced, once. */
  private ask(p: Player, item: Prompt): LuaMultiReturn<[string, undefined] | [undefined, AiError]> {
    const [text, err] = this.askOnce(p, item);
    if (text !== undefined) return $multi(text, undefined);
    if (err.kind !== "session_gone") return $multi(undefined, err);
    setSession(p, undefined);
    return this.askOnce(p, item);
  }

  /** The prompt on the player's conversation (made first when they have none). */
  private askOnce(p: Player, item: Prompt): LuaMultiReturn<[string, undefined] | [undefined, AiError]> {
    if (p.session === undefined) {
      const [s, , err] = ai.protect(() => this.client.createSession("Minecraft chat: " + p.name));
      if (s === undefined) return $multi(undefined, err);
      setSession(p, s.id);
    }
    const [text, , err] = ai.ask(item.text, {
      client: this.client,
      session: p.session,
      raw: true,
      onPermission: (req) => this.onPermission(p, req),
      onQuestion: (req) => this.onQuestion(p, req),
    });
    if (text !== undefined) return $multi(text, undefined);
    return $multi(undefined, err);
  }

  /** The reply, in chat-sized messages, to the asker (or everyone, when public and not hidden). */
  private deliver(p: Player, item: Prompt, text: string): void {
    const to = this.cfg.public && !item.hidden ? undefined : p.name;
    const messages = splitMessages(parseMarkdown(text !== "" ? text : "(The agent stopped without a reply.)"));
    if (to === undefined) table.insert(messages[0][0], 1, { text: "@" + p.name + " ", color: "yellow" });
    const n = math.min(messages.length, MAX_MESSAGES);
    for (let i = 0; i < n; i++) say(to, componentJson(messages[i]));
    if (messages.length > n) {
      const more: Line = [
        { text: `(${messages.length - n} more messages cut: ask for a shorter answer)`, color: "gray" },
      ];
      say(to, componentJson([more]));
    }
    p.spoke = true;
  }

  /** Waits (inside the worker) for the player's answer; the timeout answers `fallback`. */
  private waitAnswer(p: Player, kind: "permission" | "question", options: number, fallback: string | number): unknown {
    p.awaiting = { kind, options };
    const timer = os.startTimer(ANSWER_TIMEOUT);
    while (true) {
      const [event, a, b] = os.pullEventRaw();
      if (event === "terminate") {
        p.awaiting = undefined;
        error("Terminated", 0);
      }
      if (event === ANSWER && a === p.uuid) {
        os.cancelTimer(timer);
        p.awaiting = undefined;
        return b;
      }
      if (event === "timer" && a === timer) {
        p.awaiting = undefined;
        this.tell(p, `No answer within ${ANSWER_TIMEOUT} s: refused.`, "yellow");
        return fallback;
      }
    }
  }

  private onPermission(p: Player, req: PermissionRequest): PermissionReply {
    const what = describePermission(req);
    if (this.cfg.permissions === "reject") {
      this.tell(p, `The agent wanted to use ${what}; refused (opencc.chat_permissions is reject).`, "yellow");
      return "reject";
    }
    const x = this.cfg.prefix;
    this.tell(p, `The agent wants to use ${what}. Answer ${x} yes, ${x} always or ${x} no.`, "yellow");
    return this.waitAnswer(p, "permission", 0, "reject") as PermissionReply;
  }

  private onQuestion(p: Player, req: QuestionRequest): string[][] | undefined {
    if (this.cfg.permissions === "reject") {
      this.tell(p, "The agent asked a question; refused (opencc.chat_permissions is reject).", "yellow");
      return undefined;
    }
    const answers: string[][] = [];
    for (const q of req.questions) {
      const n = q.options.length;
      const options: string[] = [];
      for (let i = 1; i <= n; i++) options.push(`${i}) ${q.options[i - 1].label}`);
      const x = this.cfg.prefix;
      this.tell(p, `${q.question} ${table.concat(options, "  ")}  Answer ${x} 1 to ${x} ${n}, or ${x} no.`, "yellow");
      const pick = this.waitAnswer(p, "question", n, 0) as number;
      if (pick === 0) return undefined;
      answers.push([q.options[pick - 1].label]);
    }
    return answers;
  }
}

function listed(names: string[], name: string): boolean {
  for (const n of names) if (n === name) return true;
  return false;
}

/** What a permission is for, in a few words ("bash: echo hi"). */
function describePermission(req: PermissionRequest): string {
  const m = req.metadata;
  for (const k of ["command", "description", "filepath", "filePath"]) {
    if (type(m[k]) === "string") return `${req.permission}: ${m[k] as string}`;
  }
  return req.patterns.length > 0 ? `${req.permission}: ${table.concat(req.patterns, " ")}` : req.permission;
}

/** One short chat line for a failure: what happened and what to do; the screen log has the details. */
function failureLine(err: AiError, item: Prompt): string {
  const short =
    err.kind === "unreachable" || err.kind === "blocked" || err.kind === "http_disabled" || err.kind === "bad_url"
      ? "The AI server cannot be reached right now; try again later."
      : err.kind === "auth"
        ? "The AI server refused this computer's credentials; tell the computer's owner."
        : err.kind === "timeout"
          ? "No answer in time, so the reply was stopped; try asking for less."
          : err.kind === "assistant"
            ? `The model failed (${err.name ?? "error"}); try again or start over with new.`
            : "The AI could not answer (the computer's screen says why); try again later.";
  const prompt = string.len(item.text) > 60 ? string.sub(item.text, 1, 57) + "..." : item.text;
  return `${short} Your prompt was: ${prompt}`;
}
