// Everything aichat says goes through one send queue. The Chat Box refuses a message sent within
// its cooldown, so messages wait their turn, a refused one is sent again (never dropped), and the
// gap between messages grows when the server's cooldown turns out longer than the default.
// Each recipient has their own FIFO and the queue takes turns between them, so one long reply
// does not hold up everyone else's.
//
// It runs in its own coroutine beside the event loop (parallel.waitForAny): a Chat Box method runs
// on the server's main thread, and while CC waits for it ("task_complete") it drops every other
// event that reaches that coroutine. Here those are only the sender's own; the loop gets them all.
import type { ChatBox } from "./chatbox";

interface Outgoing {
  /** A player's name, or undefined for everyone. */
  to?: string;
  json: string;
}

/** Recipient key ("*" for everyone) -> its messages, oldest first. */
const queues = new LuaTable<string, Outgoing[]>();
/** Recipients with messages waiting, in turn order. */
const turns: string[] = [];
const WAKE = "aichat_send";

const MAX_GAP = 10;
/** Seconds before a refused message is tried again. */
const RETRY = 0.25;

/** Seconds between messages: opencc.chat_cooldown at first, longer after a refusal. */
let gap = 1;
let sent = 0;
let refused = 0;

/** Adds a message for a player (or everyone, with `to` undefined). */
export function say(to: string | undefined, json: string): void {
  const key = to ?? "*";
  let q = queues.get(key);
  if (q === undefined) {
    q = [];
    queues.set(key, q);
  }
  q.push({ to, json });
  if (q.length === 1) turns.push(key);
  os.queueEvent(WAKE);
}

/** Messages waiting to be sent. */
export function waiting(): number {
  let n = 0;
  for (const key of turns) n += queues.get(key)?.length ?? 0;
  return n;
}

export function stats(): { sent: number; refused: number; gap: number } {
  return { sent, refused, gap };
}

/** Waits `seconds` for our own timer; other events are for the loop beside us. */
function pause(seconds: number): void {
  const id = os.startTimer(seconds);
  while (true) {
    const [event, timer] = os.pullEventRaw("timer");
    if (event === "timer" && timer === id) return;
  }
}

function isCooldown(reason: string | undefined): boolean {
  return reason !== undefined && string.find(string.lower(reason), "cooldown", 1, true)[0] !== undefined;
}

/**
 * Sends forever, `cooldown` seconds apart at first (the server's Chat Box cooldown); `onDrop`
 * hears of a message the Chat Box will never take (e.g. the player left).
 */
export function runOutbox(
  box: ChatBox,
  name: string,
  cooldown: number,
  onDrop: (to: string, reason: string) => void,
): void {
  gap = cooldown;
  let next = 0;
  while (true) {
    const key = turns[0];
    if (key === undefined) {
      os.pullEventRaw(WAKE);
      continue;
    }
    const q = queues.get(key);
    const m = q[0];
    const wait = next - os.epoch("utc");
    if (wait > 0) {
      pause(wait / 1000);
      continue;
    }
    let delivered = false;
    let why: string | undefined;
    const [ok, err] = pcall(() => {
      const [result, reason] =
        m.to !== undefined
          ? box.sendFormattedMessageToPlayer(m.json, m.to, name, "[]", "&b")
          : box.sendFormattedMessage(m.json, name, "[]", "&b");
      delivered = result === true;
      why = reason;
    });
    if (!ok) why = tostring(err);
    if (delivered) {
      sent++;
      next = os.epoch("utc") + gap * 1000;
    } else if (isCooldown(why)) {
      // Sent again in a moment; the server's cooldown is longer than we thought.
      refused++;
      gap = math.min(gap + RETRY, MAX_GAP);
      next = os.epoch("utc") + RETRY * 1000;
      continue;
    } else {
      onDrop(m.to ?? "everyone", why ?? "refused");
      next = os.epoch("utc") + gap * 1000;
    }
    q.shift();
    turns.shift();
    if (q.length > 0) turns.push(key);
  }
}
