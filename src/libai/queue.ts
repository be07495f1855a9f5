// Whose turn it is on a session. opencode answers only the newest waiting user message of a busy
// session, so prompts must not overlap there: this computer's prompts to one session go one at a
// time, first come first served across its coroutines, and each waits until the session is idle
// on the server (another client's prompt running there) before it is sent.
import type { Client } from "./client";
import { pause, waitEvent } from "./pause";
import { sessionStatuses } from "./status";

const TURN_EVENT = "opencc_turn";

/** Tickets waiting per key (a session, or "choosing this computer's conversation"), in order. */
const queues = new LuaTable<string, number[]>();
let nextTicket = 1;
let waitingForTurn = 0;

/**
 * Runs fn when every earlier caller with the same key has finished. `late()` raises the error
 * for a turn that did not come by the deadline.
 */
export function withTurn<T>(key: string, deadline: number, late: () => never, fn: () => T): T {
  const ticket = nextTicket++;
  let queue = queues.get(key);
  if (queue === undefined) {
    queue = [];
    queues.set(key, queue);
  }
  const mine = queue;
  mine.push(ticket);
  const [ok, result] = pcall(() => {
    while (mine[0] !== ticket) {
      waitingForTurn++;
      const [okWait, came] = pcall(waitEvent, TURN_EVENT, deadline);
      waitingForTurn--;
      if (!okWait) throw came;
      if (!came) late();
    }
    return fn();
  });
  const i = mine.indexOf(ticket);
  if (i >= 0) mine.splice(i, 1);
  if (mine.length === 0) queues.delete(key);
  if (waitingForTurn > 0) os.queueEvent(TURN_EVENT, key);
  if (!ok) throw result;
  return result;
}

/** How recent a status answer must be to stand for one asked now. */
const STATUS_SHARE_MS = 100;

/**
 * Waits until the session is idle on the server (another client may be running a prompt there),
 * asking less often as the wait grows. `late()` raises the error for a deadline that passed.
 */
export function waitUntilIdle(
  client: Client,
  sessionID: string,
  deadline: number,
  pollInterval: number,
  late: () => never,
): void {
  let gap = pollInterval;
  while (true) {
    const status = sessionStatuses(client, deadline, os.epoch("utc") - STATUS_SHARE_MS)[sessionID];
    if (status === undefined || status.type === "idle") return;
    if (os.epoch("utc") + gap * 1000 > deadline) late();
    pause(gap);
    gap = math.min(gap * 1.5, 4);
  }
}
