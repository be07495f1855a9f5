// The per-player queue: a prompt that passes the length and rate checks waits its turn, and one
// worker task per player runs the player's prompts in order on their conversation (players side by
// side), says how each ended and writes a log line per prompt.
import * as ai from "libai";
import type { AiError, Client } from "libai";
import { onPermission, onQuestion } from "./answers";
import { logInfo, logPrompt } from "./log";
import { Player, Prompt, setSession, withinRate } from "./players";
import type { ChatConfig } from "./settings";
import { deliver, tell } from "./speak";
import { spawn } from "./tasks";

/** Seconds of silence before the asker sees that the agent is still at it. */
export const THINKING_AFTER = 5;

/** What every prompt is run with: the bot's settings and its client. */
export interface Asking {
  readonly cfg: ChatConfig;
  readonly client: Client;
}

/**
 * A prompt: `text` is as CC got it from the game, ISO-8859-1 (Cobalt keeps characters 0-255),
 * which libai sends on as UTF-8; the reply comes back as UTF-8 (raw) for the chat's components.
 */
export function enqueue(b: Asking, p: Player, text: string, hidden: boolean): void {
  const cfg = b.cfg;
  // The others cannot see a hidden prompt, and neither can its author: a refusal gives it back.
  const kept = hidden ? " Your prompt was: " + text : "";
  if (text.length > cfg.maxPrompt) {
    tell(p, `Please keep prompts under ${cfg.maxPrompt} characters (that one has ${text.length}).${kept}`, "yellow");
    logPrompt(p.name, text.length, 0, "too long", true);
    return;
  }
  const [ok, wait] = withinRate(p, cfg.rate);
  if (!ok) {
    tell(p, `Slow down: at most ${cfg.rate} prompts a minute. Try again in ${wait} s.${kept}`, "yellow");
    logPrompt(p.name, text.length, 0, "rate limit", true);
    return;
  }
  p.queue.push({ text, hidden, at: os.epoch("utc") });
  if (p.busy) {
    tell(p, `Queued: your earlier prompt is still being answered (${p.queue.length} waiting).`);
    return;
  }
  startWorker(b, p);
}

function startWorker(b: Asking, p: Player): void {
  p.busy = true;
  spawn(
    () => {
      work(b, p);
    },
    (err) => {
      p.busy = false;
      p.running = undefined;
      p.awaiting = undefined;
      if (err === undefined || err === "Terminated") return;
      logInfo(`aichat: ${tostring(err)}`, true);
      tell(p, "Something went wrong on the AI's computer; please try again.", "red");
      if (p.queue.length > 0) startWorker(b, p);
    },
  );
}

/** The player's prompts, one after another (runs as a task). */
function work(b: Asking, p: Player): void {
  while (p.queue.length > 0) {
    const item = p.queue.shift()!;
    p.running = item;
    p.spoke = false;
    p.stopped = false;
    p.thinkingTimer = os.startTimer(THINKING_AFTER);
    const [text, err] = ask(b, p, item);
    if (p.thinkingTimer !== undefined) os.cancelTimer(p.thinkingTimer);
    p.thinkingTimer = undefined;
    p.running = undefined;
    const seconds = (os.epoch("utc") - item.at) / 1000;
    if (text !== undefined) {
      deliver(b.cfg, p, item, text);
      logPrompt(p.name, item.text.length, seconds, "ok", false);
    } else {
      const stopped = p.stopped && err.name === "MessageAbortedError";
      tell(p, stopped ? "Stopped." : failureLine(err, item), stopped ? "gray" : "red");
      logPrompt(p.name, item.text.length, seconds, stopped ? "stopped" : err.kind, !stopped);
      if (!stopped) logInfo(err.message, true);
    }
  }
}

/** One prompt on the player's conversation; a conversation deleted on the server is replaced, once. */
function ask(b: Asking, p: Player, item: Prompt): LuaMultiReturn<[string, undefined] | [undefined, AiError]> {
  const [text, err] = askOnce(b, p, item);
  if (text !== undefined) return $multi(text, undefined);
  if (err.kind !== "session_gone") return $multi(undefined, err);
  setSession(p, undefined);
  return askOnce(b, p, item);
}

/** The prompt on the player's conversation (made first when they have none). */
function askOnce(b: Asking, p: Player, item: Prompt): LuaMultiReturn<[string, undefined] | [undefined, AiError]> {
  if (p.session === undefined) {
    const [s, , err] = ai.protect(() => b.client.createSession("Minecraft chat: " + p.name));
    if (s === undefined) return $multi(undefined, err);
    setSession(p, s.id);
  }
  const [text, , err] = ai.ask(item.text, {
    client: b.client,
    session: p.session,
    raw: true,
    onPermission: (req) => onPermission(b.cfg, p, req),
    onQuestion: (req) => onQuestion(b.cfg, p, req),
  });
  if (text !== undefined) return $multi(text, undefined);
  return $multi(undefined, err);
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
