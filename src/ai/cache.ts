// Agent names, models and recent session ids for tab completion, kept in a file so that
// completing never waits for the server (read() calls the completion function on every key).
// ai refreshes it after talking to the server; completion fetches once per shell itself when
// there is no cache yet.
import * as ai from "libai";

type Client = ReturnType<typeof ai.client>;
type Kind = "agents" | "sessions" | "models";
type Cache = { [k in Kind]?: string[] };

export const CACHE_FILE = "/.opencc_cache";

let fetched = false;

function readCache(): Cache | undefined {
  if (!fs.exists(CACHE_FILE)) return undefined;
  const [f] = fs.open(CACHE_FILE, "r");
  if (!f) return undefined;
  const data = f.readAll();
  f.close();
  const t = textutils.unserialise(data ?? "") as Cache | undefined;
  return type(t) === "table" ? t : undefined;
}

/** Fetches agents, models and recent session ids and saves them for completion. Never raises
 * (but Ctrl+T still stops the program). */
export function refreshCache(client?: Client): void {
  const [ok, err] = pcall(() => {
    const c = client ?? ai.client();
    const cache: Cache = { agents: ai.agents(c) };
    const ids: string[] = [];
    for (const s of c.sessions()) if (ids.length < 30 && s.parentID === undefined) ids.push(s.id);
    cache.sessions = ids;
    const [mok, models] = pcall(ai.models, c);
    if (mok) cache.models = models;
    const [f] = fs.open(CACHE_FILE, "w");
    if (f) {
      f.write(textutils.serialise(cache));
      f.close();
    }
  });
  if (!ok && err === "Terminated") throw err;
}

/** The cached names of a kind ("agents", "sessions", "models"); [] for anything else. */
export function cachedNames(kind: string): string[] {
  let cache = readCache();
  if (cache === undefined && !fetched) {
    fetched = true;
    // This runs inside the shell's read(): a server that does not answer must not hold it long.
    refreshCache(ai.client({ timeout: 3 }));
    cache = readCache();
  }
  return cache?.[kind as Kind] ?? [];
}
