// The agent's permission requests and questions for one session, answered through the wait's
// callbacks (or rejected when there is none, which the reply then lists). One can only be waiting
// while a tool runs: they are looked for when a tool starts, then less often while nothing moves.
import type { PermissionReply, PermissionRequest, QuestionRequest } from "./api";
import type { Client } from "./client";
import { fail } from "./errors";
import { pause } from "./pause";
import type { WaitOptions } from "./replytypes";

function describePermission(req: PermissionRequest): string {
  return req.permission + (req.patterns.length > 0 ? " " + table.concat(req.patterns, " ") : "");
}

/**
 * Runs a callback that may wait for the player (a permission prompt on screen) no longer than
 * the deadline: past it the callback is dropped where it waits, and the prompt times out.
 */
function beforeDeadline<T>(deadline: number, timeoutLine: string, fn: () => T): T {
  let result: T | undefined;
  let done = false;
  parallel.waitForAny(
    () => {
      result = fn();
      done = true;
    },
    () => {
      pause(math.max((deadline - os.epoch("utc")) / 1000, 0));
    },
  );
  if (!done) fail("timeout", timeoutLine);
  return result as T;
}

export class AgentRequests {
  readonly rejected: string[] = [];
  private readonly handled = new LuaTable<string, boolean>();
  private gap: number;
  private next = 0;

  constructor(
    private readonly client: Client,
    private readonly opts: WaitOptions,
  ) {
    this.gap = 2 * opts.pollInterval;
  }

  /** Something moved in the answer: look again soon when a tool runs. */
  moved(): void {
    this.gap = 2 * this.opts.pollInterval;
    this.next = 0;
  }

  /** Looks for requests of the running tool (none: nothing to do) when one is due. */
  check(runningTool: string | undefined): boolean {
    const o = this.opts;
    const now = os.epoch("utc");
    if (runningTool === undefined || now < this.next) return false;
    this.next = now + this.gap * 1000;
    this.gap = math.min(this.gap * 2, 16 * o.pollInterval);
    let answered = false;
    if (runningTool === "question") {
      for (const q of this.client.questions(o.deadline)) {
        if (q.sessionID === o.sessionID && !this.handled.get(q.id)) answered = this.answerQuestion(q);
      }
    } else {
      for (const req of this.client.permissions(o.deadline)) {
        if (req.sessionID === o.sessionID && !this.handled.get(req.id)) answered = this.answerPermission(req);
      }
    }
    return answered;
  }

  private answerPermission(req: PermissionRequest): boolean {
    this.handled.set(req.id, true);
    let reply: PermissionReply = "reject";
    const onPermission = this.opts.onPermission;
    if (onPermission !== undefined) {
      const answer = beforeDeadline(this.opts.deadline, this.opts.timeoutLine, () => onPermission(req));
      reply = answer === true ? "once" : answer === false || answer === undefined ? "reject" : answer;
    } else {
      this.rejected.push(`permission ${describePermission(req)} (no onPermission handler)`);
    }
    this.client.replyPermission(req.id, reply, undefined, this.opts.deadline);
    return true;
  }

  private answerQuestion(q: QuestionRequest): boolean {
    this.handled.set(q.id, true);
    const onQuestion = this.opts.onQuestion;
    const answers =
      onQuestion !== undefined
        ? beforeDeadline(this.opts.deadline, this.opts.timeoutLine, () => onQuestion(q))
        : undefined;
    if (answers !== undefined) {
      this.client.replyQuestion(q.id, answers, this.opts.deadline);
    } else {
      if (this.opts.onQuestion === undefined) {
        this.rejected.push(`question "${q.questions[0]?.question ?? "?"}" (no onQuestion handler)`);
      }
      this.client.rejectQuestion(q.id, this.opts.deadline);
    }
    return true;
  }
}
