// Many waits at once on one computer (a bot answering many players). Each wait looking at its
// own session every poll interval loads a busy server with requests that mostly show nothing
// (opencode shows a step's text only when the step ends), and slows every reply on it: 24 waits
// polling took the server 1.1-1.3x the time of 24 blocking requests. In a crowd the waits wake
// together on one shared tick (each poll interval), one status request tells them all which
// sessions are still busy,
// and a wait looks at its session only when that is not busy, its step is ending, or its last
// look is older than a few intervals (for tool progress). Measured: 24 replies at once end in
// 0.9-1.0x the time of the blocking requests, with a quarter of the looks.
import type { Client } from "./client";
import { sessionStatuses } from "./status";

/** From how many waits at once the crowd's rules apply (below it, each wait looks on its own). */
const CROWD = 3;
/** In a crowd, the most poll intervals a wait goes without looking while its session is busy. */
const LOOK_EVERY = 6;

let waits = 0;

/** Counts a wait in until the returned function is called. */
export function joinCrowd(): () => void {
  waits++;
  let left = false;
  return () => {
    if (!left) waits--;
    left = true;
  };
}

export function crowded(): boolean {
  return waits >= CROWD;
}

/** A crowd's tick (ms): one poll interval (s). */
function tickMs(interval: number): number {
  return math.max(math.floor(interval * 1000), 50);
}

/** Seconds to the next tick of the computer's clock. */
export function toNextTick(interval: number): number {
  const ms = tickMs(interval);
  return (ms - (os.epoch("utc") % ms)) / 1000;
}

/** Whether a wait in a crowd should look at its session now (it is not busy, or not looked at for long). */
export function worthALook(
  client: Client,
  sessionID: string,
  deadline: number,
  interval: number,
  lastLook: number,
): boolean {
  const now = os.epoch("utc");
  if (now - lastLook >= LOOK_EVERY * interval * 1000) return true;
  const ms = tickMs(interval);
  // One status for this tick serves every wait that woke on it.
  const status = sessionStatuses(client, deadline, now - (now % ms))[sessionID];
  return status === undefined || status.type !== "busy";
}
