// Tab completion: flags of `ai` in the shell, slash commands in chat, and agent names, models and
// session ids from a cache file, so completing never waits for the server (read() calls the
// completion function on every key). The cache is refreshed by refreshCache (ai calls it after
// talking to the server); completion fetches once per shell itself when there is no cache yet.
import * as ai from "libai";

type Client = ReturnType<typeof ai.client>;
type Kind = "agents" | "sessions" | "models";
type Cache = { [k in Kind]?: string[] };

export const CACHE_FILE = "/.opencc_cache";

const FLAGS = [
  "--new",
  "--session",
  "--agent",
  "--model",
  "--variant",
  "--sync",
  "--raw",
  "--sessions",
  "--delete",
  "--abort",
  "--doctor",
  "--toast",
  "--append",
  "--submit",
  "--clear",
  "--command",
  "--help",
  "--version",
  "-n",
  "-s",
  "-a",
  "-m",
];
const VALUES: { [flag: string]: Kind } = {
  "-a": "agents",
  "--agent": "agents",
  "-s": "sessions",
  "--session": "sessions",
  "--delete": "sessions",
  "-m": "models",
  "--model": "models",
};
const CHAT = ["/new", "/sessions", "/session ", "/agent ", "/model ", "/abort", "/help", "/exit"];

let fetched = false;

/** The suffixes completing `partial` to each choice (as cc.shell.completion.choice). */
function choose(partial: string, choices: string[], space: boolean): string[] {
  const out: string[] = [];
  const n = partial.length;
  for (const c of choices) {
    if (c.length + (space ? 1 : 0) > n && string.sub(c, 1, n) === partial)
      out.push(string.sub(c, n + 1) + (space ? " " : ""));
  }
  return out;
}

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

function names(kind: Kind): string[] {
  let cache = readCache();
  if (cache === undefined && !fetched) {
    fetched = true;
    // This runs inside the shell's read(): a server that does not answer must not hold it long.
    refreshCache(ai.client({ timeout: 3 }));
    cache = readCache();
  }
  return cache?.[kind] ?? [];
}

/** For shell.setCompletionFunction: flags, and the values of -a, -m, -s and --delete. */
export function complete(_shell: unknown, _index: number, partial: string, previous: string[]): string[] {
  const kind = VALUES[previous[previous.length - 1]];
  if (kind !== undefined) return choose(partial, names(kind), true);
  if (string.sub(partial, 1, 1) === "-") return choose(partial, FLAGS, true);
  return [];
}

/** For read()'s completeFn in chat: slash commands, and the values of /agent, /model, /session. */
export function completeChat(line: string): string[] {
  const [cmd, arg] = string.match(line, "^/(%a+) +(%S*)$");
  if (cmd !== undefined) {
    const kind = VALUES["--" + cmd];
    return kind !== undefined ? choose(arg!, names(kind), false) : [];
  }
  return string.find(line, "^/%S*$")[0] !== undefined ? choose(line, CHAT, false) : [];
}
