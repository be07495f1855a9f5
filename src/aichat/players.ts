// The players aichat knows: by UUID (a name can change), each with their conversation on the
// server (remembered in a file across restarts), their prompts waiting and running, what the
// agent waits for them to answer, and the times of their recent prompts for the rate limit.

export const SESSIONS_FILE = "/.aichat_sessions";

export interface Prompt {
  text: string;
  hidden: boolean;
  /** os.epoch("utc") when it arrived. */
  at: number;
}

export interface Player {
  uuid: string;
  name: string;
  session?: string;
  queue: Prompt[];
  running?: Prompt;
  /** Whether a worker task is going through the queue. */
  busy: boolean;
  /** The agent waits for this player's answer: a permission, or a question with `options` choices. */
  awaiting?: { kind: "permission" | "question"; options: number };
  /** Something was said to the player about the running prompt (no "thinking…" note then). */
  spoke: boolean;
  thinkingTimer?: number;
  /** @ai stop was asked while the prompt ran. */
  stopped: boolean;
  recent: number[];
}

const players = new LuaTable<string, Player>();

type Remembered = LuaTable<string, { session: string; name: string }>;

function load(): Remembered {
  if (!fs.exists(SESSIONS_FILE)) return new LuaTable();
  const [f] = fs.open(SESSIONS_FILE, "r");
  if (!f) return new LuaTable();
  const data = f.readAll();
  f.close();
  const t = textutils.unserialise(data ?? "") as Remembered | undefined;
  return type(t) === "table" ? t! : new LuaTable();
}

const remembered = load();

function save(): void {
  const [f] = fs.open(SESSIONS_FILE, "w");
  if (!f) return;
  f.write(textutils.serialise(remembered));
  f.close();
}

/** The player with this UUID (made on first sight, with their remembered conversation). */
export function player(uuid: string, name: string): Player {
  let p = players.get(uuid);
  if (p === undefined) {
    p = {
      uuid,
      name,
      session: remembered.get(uuid)?.session,
      queue: [],
      busy: false,
      spoke: false,
      stopped: false,
      recent: [],
    };
    players.set(uuid, p);
  }
  p.name = name;
  return p;
}

/** Remembers (or, with undefined, forgets) the player's conversation. */
export function setSession(p: Player, session: string | undefined): void {
  p.session = session;
  if (session === undefined) remembered.delete(p.uuid);
  else remembered.set(p.uuid, { session, name: p.name });
  save();
}

/** Counts a prompt against the limit; false (and not counted) when the player is over it. */
export function withinRate(p: Player, perMinute: number): LuaMultiReturn<[boolean, number]> {
  if (perMinute <= 0) return $multi(true, 0);
  const now = os.epoch("utc");
  const recent: number[] = [];
  for (const t of p.recent) if (now - t < 60000) recent.push(t);
  p.recent = recent;
  if (recent.length >= perMinute) return $multi(false, math.ceil((60000 - (now - recent[0])) / 1000));
  recent.push(now);
  return $multi(true, 0);
}

/** The player whose thinking timer this is. */
export function byTimer(id: number): Player | undefined {
  for (const [, p] of players) if (p.thinkingTimer === id) return p;
  return undefined;
}
