// The agent's permission requests and questions, put to the player in chat: the worker waits for
// the player's answer (which the event loop hands over as an ANSWER event) or refuses after
// ANSWER_TIMEOUT; with opencc.chat_permissions reject nothing is asked.
import type { PermissionReply, PermissionRequest, QuestionRequest } from "libai";
import type { Player } from "./players";
import type { ChatConfig } from "./settings";
import { tell } from "./speak";

/** Seconds a player has to answer a permission request or question before it is refused. */
export const ANSWER_TIMEOUT = 120;
/** The event the loop queues when a player answers: (ANSWER, uuid, answer). */
const ANSWER = "aichat_answer";

/** The player's answer (yes, always, no or a pick) to what the agent is waiting for. */
export function answer(cfg: ChatConfig, p: Player, command: string, pick: number | undefined): void {
  const a = p.awaiting!;
  if (a.kind === "permission") {
    if (command === "pick") {
      tell(p, `Answer ${cfg.prefix} yes, ${cfg.prefix} always or ${cfg.prefix} no.`, "yellow");
      return;
    }
    os.queueEvent(ANSWER, p.uuid, command === "yes" ? "once" : command === "always" ? "always" : "reject");
  } else {
    if (command === "no") os.queueEvent(ANSWER, p.uuid, 0);
    else if (command === "pick" && pick! >= 1 && pick! <= a.options) os.queueEvent(ANSWER, p.uuid, pick);
    else tell(p, `Answer ${cfg.prefix} 1 to ${cfg.prefix} ${a.options}, or ${cfg.prefix} no.`, "yellow");
  }
}

/** Refuses what the agent waits for (the player stopped the reply). */
export function refuseWaiting(p: Player): void {
  if (p.awaiting !== undefined) os.queueEvent(ANSWER, p.uuid, p.awaiting.kind === "permission" ? "reject" : 0);
}

/** Waits (inside the worker) for the player's answer; the timeout answers `fallback`. */
function waitAnswer(p: Player, kind: "permission" | "question", options: number, fallback: string | number): unknown {
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
      tell(p, `No answer within ${ANSWER_TIMEOUT} s: refused.`, "yellow");
      return fallback;
    }
  }
}

export function onPermission(cfg: ChatConfig, p: Player, req: PermissionRequest): PermissionReply {
  const what = describePermission(req);
  if (cfg.permissions === "reject") {
    tell(p, `The agent wanted to use ${what}; refused (opencc.chat_permissions is reject).`, "yellow");
    return "reject";
  }
  const x = cfg.prefix;
  tell(p, `The agent wants to use ${what}. Answer ${x} yes, ${x} always or ${x} no.`, "yellow");
  return waitAnswer(p, "permission", 0, "reject") as PermissionReply;
}

export function onQuestion(cfg: ChatConfig, p: Player, req: QuestionRequest): string[][] | undefined {
  if (cfg.permissions === "reject") {
    tell(p, "The agent asked a question; refused (opencc.chat_permissions is reject).", "yellow");
    return undefined;
  }
  const answers: string[][] = [];
  for (const q of req.questions) {
    const n = q.options.length;
    const options: string[] = [];
    for (let i = 1; i <= n; i++) options.push(`${i}) ${q.options[i - 1].label}`);
    const x = cfg.prefix;
    tell(p, `${q.question} ${table.concat(options, "  ")}  Answer ${x} 1 to ${x} ${n}, or ${x} no.`, "yellow");
    const pick = waitAnswer(p, "question", n, 0) as number;
    if (pick === 0) return undefined;
    answers.push([q.options[pick - 1].label]);
  }
  return answers;
}

/** What a permission is for, in a few words ("bash: echo hi"). */
function describePermission(req: PermissionRequest): string {
  const m = req.metadata;
  for (const k of ["command", "description", "filepath", "filePath"]) {
    if (type(m[k]) === "string") return `${req.permission}: ${m[k] as string}`;
  }
  return req.patterns.length > 0 ? `${req.permission}: ${table.concat(req.patterns, " ")}` : req.permission;
}
