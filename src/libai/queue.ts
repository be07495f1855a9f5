// Whose turn it is on a session. opencode answers only the newest waiting user message of a busy
// session, so prompts must not overlap there: this computer's prompts to one session go one at a
// time, first come first served across its coroutines, and each waits until the session is idle
// on the server (another client's prompt running there) before it is sent.
import type { SessionStatus } from "./api";
import type { Client } from "./client";
import { pause } from "./pause";
import { TERMINATED } from "./http";

const TURN_EVENT = "opencc_turn";
const STATUS_EVENT = "opencc_status";

/** Tickets waiting per key (a session, or "choosing this computer's conversation"), in order. */
const queues = new LuaTable<string, number[]>();
let nextTicket = 1;
let waitingForTurn = 0;

/** Waits for an event from the list, or until `deadline` (local ms); false when it passed. */
function waitEvent(name: string, deadline: number): boolean {
  const left = (deadline - os.epoch("utc")) / 1000;
  if (left <= 0) return false;
  const timer = os.startTimer(left);
  while (true) {
    const [event, id] = os.pullEventRaw();
    if (event === "terminate") {
      os.cancelTimer(timer);
      throw TERMINATED;
    }
    if (event === name) {
      os.cancelTimer(timer);
      return true;
    }
    if (event === "timer" && id === timer) return false;
  }
}

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

type Statuses = { [sessionID: string]: SessionStatus };

interface StatusFetch {
  startedAt: number;
  done: boolean;
  value?: Statuses;
}

/** The status request in flight or last made, per server: prompts starting together share it. */
const statusFetches = new LuaTable<string, StatusFetch>();
let waitingForStatus = 0;

/** How recent a shared status answer must be to stand for one asked now. */
const STATUS_SHARE_MS = 100;

function statuses(client: Client, deadline: number): Statuses {
  const key = client.url + "|" + (client.directory ?? "");
  const now = os.epoch("utc");
  const shared = statusFetches.get(key);
  if (shared !== undefined && shared.startedAt >= now - STATUS_SHARE_MS) {
    while (!shared.done) {
      waitingForStatus++;
      const [ok, came] = pcall(waitEvent, STATUS_EVENT, deadline);
      waitingForStatus--;
      if (!ok) throw came;
      if (!came) break;
    }
    if (shared.value !== undefined) return shared.value;
  }
  const fetch: StatusFetch = { startedAt: now, done: false };
  statusFetches.set(key, fetch);
  const [ok, value] = pcall(() => client.status(deadline));
  fetch.done = true;
  if (ok) fetch.value = value;
  if (waitingForStatus > 0) os.queueEvent(STATUS_EVENT);
  if (!ok) throw value;
  return value;
}

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
    const status = statuses(client, deadline)[sessionID];
    if (status === undefined || status.type === "idle") return;
    if (os.epoch("utc") + gap * 1000 > deadline) late();
    pause(gap);
    gap = math.min(gap * 1.5, 4);
  }
}
