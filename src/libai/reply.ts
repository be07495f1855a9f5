// Waiting for the answer to one user message by looking at the session (pace.ts says when). The
// first look comes one poll interval after the prompt was sent. The session's status is asked
// only when no answer has come when one should have, or after a long silence, to notice a
// prompt the server dropped or a run that died; one status answer serves every wait of the
// computer that looked before it. Where the bridge relays the server's news (listen.ts), text
// shows as it is written and a look is made when the news says there is something to read.
import type { Message } from "./api";
import type { Client } from "./client";
import { Answer } from "./answer";
import { crowded, joinCrowd, worthALook } from "./crowd";
import { fail } from "./errors";
import { listen, Subscription } from "./listen";
import { Pace, SAFETY } from "./pace";
import { Progress } from "./progress";
import { sessionStatuses } from "./status";
import type { Reply, WaitOptions } from "./replytypes";
import { AgentRequests } from "./requests";
import { failIdle, failRun } from "./runerrors";
import { toCC } from "./text";

/** Silence (ms) before the status is asked: when an answer or its next step is due, and otherwise. */
const DUE_SILENCE = 1500;
const LONG_SILENCE = 8000;

export class ReplyWaiter {
  private readonly answer: Answer;
  private readonly progress: Progress;
  private readonly requests: AgentRequests;
  private lastChange = os.epoch("utc");
  /** When the last look was asked for (local ms): a status from before it says nothing new. */
  private lastLook = 0;
  private readonly pace: Pace;
  private readonly started = os.epoch("utc");
  /** The server's news for this wait (a plain pause without the bridge). */
  private sub?: Subscription;
  /** The news said there is something to read: look at once. */
  private lookNow = false;
  /** The news said the session went idle: ask its status as when polling. */
  private heardIdle = false;
  private shape = "";
  private nextStatus = 0;
  private statusGap = 2000;
  private idleChecks = 0;
  private resent = false;

  constructor(
    private readonly client: Client,
    private readonly opts: WaitOptions,
  ) {
    this.answer = new Answer(opts.messageID);
    this.progress = new Progress(opts, opts.raw === true);
    this.requests = new AgentRequests(client, opts);
    this.pace = new Pace(opts.pollInterval);
  }

  /**
   * Polls until the reply is complete. `justSent`: the prompt has only now been sent, so the
   * first look waits a poll interval (a look at once would find nothing but the prompt).
   */
  poll(justSent = false): Reply {
    const sub = this.listen();
    const leave = joinCrowd();
    const [ok, result] = pcall(() => this.pollWith(sub, justSent));
    leave();
    this.close();
    if (!ok) throw result;
    return result;
  }

  /** Starts hearing the server's news (before the prompt is sent: its first words are heard too). */
  listen(): Subscription {
    const o = this.opts;
    this.sub ??= listen(o.sessionID, o.messageID, this.client.authHeader);
    return this.sub;
  }

  /** Stops hearing it (the wait is over, or the prompt could not be sent). */
  close(): void {
    this.sub?.close();
    this.sub = undefined;
  }

  private pollWith(sub: Subscription, justSent: boolean): Reply {
    const o = this.opts;
    if (justSent) this.hear(sub);
    while (true) {
      if (this.lookDue(sub)) this.look();
      const done = this.outcome(false);
      if (done !== undefined) return done;
      if (os.epoch("utc") > o.deadline) fail("timeout", o.timeoutLine);
      if (this.requests.check(this.progress.runningTool)) this.moved();
      const stopped = this.hearing(sub) ? undefined : this.checkStatus();
      if (stopped !== undefined) return stopped;
      this.hear(sub);
    }
  }

  /** True while the news flows and has not said the session went idle: it will say when. */
  private hearing(sub: Subscription): boolean {
    return sub.live() && !this.heardIdle;
  }

  private lookDue(sub: Subscription): boolean {
    if (!this.hearing(sub)) return this.worthALook();
    const since = os.epoch("utc") - math.max(this.lastLook, this.started);
    return this.lookNow || since >= SAFETY * 1000;
  }

  /** Pauses until the next look is due, or until news: text heard meanwhile is shown at once. */
  private hear(sub: Subscription): void {
    const o = this.opts;
    const seconds = this.pace.next(
      this.answer.ending(),
      this.hearing(sub),
      os.epoch("utc") - this.lastChange,
      o.deadline,
    );
    const heard = sub.wait(seconds);
    if (heard === "nothing") return;
    if (heard === "idle") this.heardIdle = true;
    if (heard === "text") this.progress.report(sub.merge(this.answer.ordered));
    else this.lookNow = true;
    this.moved();
  }

  /**
   * The blocking request returned `last`, the end of the session's run. When it is our answer's
   * end, collects the steps before it; when it is another message's (a run that was ending when
   * ours arrived, or a newer message's), ours is looked for as in poll().
   */
  finish(last: Message): Reply {
    if (last.info.parentID !== this.opts.messageID) return this.poll();
    if (!this.answer.takeLast(last)) {
      while (!this.answer.reachedStart) this.look();
    }
    this.progress.report(this.answer.ordered);
    const done = this.outcome(true);
    return done ?? this.poll();
  }

  /**
   * One look at the newest messages. A complete answer seen in a window that does not reach back
   * to our message may have steps before it (a tool step that ran between two looks): the wider
   * window is read at once, so no step goes unreported.
   */
  private look(): void {
    const o = this.opts;
    this.lastLook = os.epoch("utc");
    this.lookNow = false;
    this.answer.take(this.client.messages(o.sessionID, this.answer.limit, o.deadline));
    while (!this.answer.reachedStart && this.answer.last()?.info.time.completed !== undefined) {
      this.answer.take(this.client.messages(o.sessionID, this.answer.limit, o.deadline));
    }
    const ordered = this.answer.ordered;
    const changed = this.progress.report(this.sub?.merge(ordered) ?? ordered);
    const shape = this.answer.shape();
    if (changed || shape !== this.shape) {
      this.shape = shape;
      this.moved();
    }
  }

  /** Alone or in a small crowd, every time; in a crowd, see crowd.ts. */
  private worthALook(): boolean {
    const o = this.opts;
    if (!crowded() || this.answer.ending() || this.lastLook === 0) return true;
    return worthALook(this.client, o.sessionID, o.deadline, o.pollInterval, this.lastLook);
  }

  private moved(): void {
    this.lastChange = os.epoch("utc");
    this.idleChecks = 0;
    this.statusGap = 2000;
    this.nextStatus = 0;
    this.requests.moved();
  }

  /** The reply when the last answer is complete (or `ended`: the run is over), or its error. */
  private outcome(ended: boolean): Reply | undefined {
    const o = this.opts;
    const last = this.answer.last();
    if (last === undefined) return undefined;
    const err = last.info.error;
    if (err !== undefined) failRun(err, o.raw);
    const complete = last.info.time.completed !== undefined;
    if (!complete || (last.info.finish === "tool-calls" && !ended)) return undefined;
    return {
      text: this.progress.text,
      sessionID: o.sessionID,
      messageID: o.messageID,
      messages: this.answer.ordered,
      tools: this.progress.tools,
      rejected: this.requests.rejected,
      agent: last.info.agent,
      model: last.info.providerID !== undefined ? last.info.providerID + "/" + last.info.modelID : undefined,
    };
  }

  /**
   * Asks whether the session is still busy when nothing has moved for a while: soon when an
   * answer (or its next step) is due and has not come, rarely while a step runs. Twice idle with
   * a look between them ends the wait: the reply as it stands, or the line for why there is none.
   */
  private checkStatus(): Reply | undefined {
    const o = this.opts;
    const now = os.epoch("utc");
    const last = this.answer.last();
    const due = last === undefined || (last.info.time.completed !== undefined && last.info.finish === "tool-calls");
    if (now - this.lastChange < (due ? DUE_SILENCE : LONG_SILENCE) || now < this.nextStatus) return undefined;
    this.nextStatus = now + this.statusGap;
    this.statusGap = math.min(this.statusGap * 2, due ? 8000 : 32000);
    const status = sessionStatuses(this.client, o.deadline, this.lastLook)[o.sessionID];
    if (status !== undefined && status.type !== "idle") {
      this.idleChecks = 0;
      if (status.type === "retry" && o.onStatus !== undefined) {
        o.onStatus(`retrying (attempt ${status.attempt}): ${o.raw ? status.message : toCC(status.message)}`);
      }
      return undefined;
    }
    this.idleChecks++;
    if (this.idleChecks < 2) {
      this.nextStatus = 0;
      return undefined;
    }
    return this.idle();
  }

  /** The session is idle and our answer is not complete: its end, or a resend (undefined). */
  private idle(): Reply | undefined {
    const o = this.opts;
    // The agent stopped after a tool step (e.g. its permission was rejected): that is the reply.
    const done = this.outcome(true);
    if (done !== undefined) return done;
    if (
      this.answer.last() === undefined &&
      this.answer.sawUserMessage &&
      !this.answer.newerUser &&
      o.body !== undefined &&
      !this.resent
    ) {
      // Held but never answered: it came while an ending run was winding down. The same message
      // and part ids again: the server merges them into the one it holds and answers it.
      this.resent = true;
      this.client.promptAsync(o.sessionID, o.body, o.deadline);
      this.moved();
      return undefined;
    }
    return failIdle(this.answer, o.sessionID);
  }
}
