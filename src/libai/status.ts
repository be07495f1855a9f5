// The server's session statuses (GET /session/status answers for every session at once), shared
// by the coroutines of one computer: a caller says how recent the answer must be, and a fetch
// made (or in flight) since then serves it instead of a new request. Twenty-four waits on one
// bot then cost one request where they would cost twenty-four.
import type { SessionStatus } from "./api";
import type { Client } from "./client";
import { waitEvent } from "./pause";

export type Statuses = { [sessionID: string]: SessionStatus };

const STATUS_EVENT = "opencc_status";

interface StatusFetch {
  startedAt: number;
  done: boolean;
  value?: Statuses;
}

/** The newest status fetch per server (URL and directory). */
const fetches = new LuaTable<string, StatusFetch>();
let waiting = 0;

/** Every session's status as the server gave it at or after `since` (local ms). */
export function sessionStatuses(client: Client, deadline: number, since: number): Statuses {
  const key = client.url + "|" + (client.directory ?? "");
  const shared = fetches.get(key);
  if (shared !== undefined && shared.startedAt >= since) {
    while (!shared.done) {
      waiting++;
      const [ok, came] = pcall(waitEvent, STATUS_EVENT, deadline);
      waiting--;
      if (!ok) throw came;
      if (!came) break;
    }
    if (shared.value !== undefined) return shared.value;
  }
  const fetch: StatusFetch = { startedAt: os.epoch("utc"), done: false };
  fetches.set(key, fetch);
  const [ok, value] = pcall(() => client.status(deadline));
  fetch.done = true;
  if (ok) fetch.value = value;
  if (waiting > 0) os.queueEvent(STATUS_EVENT);
  if (!ok) throw value;
  return value;
}
