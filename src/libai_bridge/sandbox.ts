// Runs a chunk of Lua for the agent: in an environment of its own (CC's globals readable, its
// own globals kept apart), with what it prints captured, a time limit, and a guard that stops
// it before CC would stop the whole computer for not yielding (7 s).
import { core } from "./core";

export interface ChunkResult {
  printed: string;
  values: unknown[];
  error?: string;
}

/** Values as table.pack gives them: a list with its length in n (nil values included). */
type Packed = unknown[] & { n: number };

/** Stopped well before CC's 7 s "Too long without yielding". */
const NO_YIELD_MS = 5000;
const MAX_PRINTED = 16000;

function now(): number {
  return os.epoch("utc");
}

function capture(out: string[]): {
  print: (this: void, ...args: unknown[]) => number;
  write: (this: void, text: unknown) => number;
} {
  const add = (s: string): void => {
    if (out.length < 2000) out.push(s);
  };
  return {
    print: (...args: unknown[]): number => {
      const parts: string[] = [];
      for (let i = 0; i < select("#", ...args); i++) parts.push(tostring(args[i]));
      add(table.concat(parts, "\t") + "\n");
      return 1;
    },
    write: (text: unknown) => {
      add(tostring(text));
      return 0;
    },
  };
}

/** An environment of its own for the chunk: CC's globals readable, print and write captured. */
function chunkEnv(out: string[]): LuaTable<string, unknown> {
  const env = new LuaTable<string, unknown>();
  const io = capture(out);
  env.set("print", io.print);
  env.set("write", io.write);
  env.set("printError", io.print);
  env.set("_G", env);
  setmetatable(env, { __index: _G });
  return env;
}

/** The guard inside the chunk's coroutine, and the clock it reads between resumes. */
interface Guard {
  resumedAt: number;
  /** Why the hook stopped the chunk, once it has. */
  stopped?: string;
}

/** Stops the chunk from inside (a count hook) when it runs too long without yielding or past its deadline. */
function installGuard(co: LuaThread, timeoutSecs: number): Guard {
  const guard: Guard = { resumedAt: now() };
  const deadline = now() + timeoutSecs * 1000;
  debug.sethook(
    co,
    () => {
      const t = now();
      if (t - guard.resumedAt > NO_YIELD_MS || t > deadline) {
        const secs = math.floor((t - guard.resumedAt) / 100) / 10;
        guard.stopped =
          t > deadline
            ? `stopped at its time limit of ${timeoutSecs} s, after running ${secs} s without yielding`
            : `stopped after running ${secs} s without yielding (CC stops a computer at 7 s: call sleep(0) in long loops)`;
        error(guard.stopped, 0);
      }
    },
    "",
    1000,
  );
  return guard;
}

/** The next event the chunk waits for (its filter), or undefined when its timer ran out first. */
function nextEvent(filter: unknown, timer: number): Packed | undefined {
  while (true) {
    const ev = table.pack(...os.pullEventRaw()) as unknown as Packed;
    if (ev[0] === "terminate") throw core.TERMINATED;
    if (ev[0] === "timer" && ev[1] === timer) return undefined;
    if (filter === undefined || filter === ev[0]) return ev;
  }
}

/** Resumes the chunk with its events until it ends, fails, or its timer runs out. */
function drive(co: LuaThread, guard: Guard, timeoutSecs: number, printed: () => string): ChunkResult {
  const timer = os.startTimer(timeoutSecs);
  let args: Packed | undefined = table.pack();
  try {
    while (true) {
      guard.resumedAt = now();
      const r = table.pack(...coroutine.resume(co, ...table.unpack(args, 1, args.n))) as unknown as Packed;
      if (r[0] !== true) return { printed: printed(), values: [], error: guard.stopped ?? tostring(r[1]) };
      if (coroutine.status(co) === "dead") {
        const values: unknown[] = [];
        for (let i = 1; i < r.n; i++) values.push(r[i] === undefined ? core.jsonNull() : r[i]);
        return { printed: printed(), values };
      }
      args = nextEvent(r[1], timer);
      if (args === undefined) {
        return { printed: printed(), values: [], error: `stopped at its time limit of ${timeoutSecs} s` };
      }
    }
  } finally {
    os.cancelTimer(timer);
  }
}

/** Runs `code` for at most timeoutSecs; Ctrl+T meanwhile stops it and raises TERMINATED. */
export function runChunk(code: string, timeoutSecs: number): ChunkResult {
  const out: string[] = [];
  const printed = (): string => {
    const all = table.concat(out);
    return all.length > MAX_PRINTED ? string.sub(all, 1, MAX_PRINTED) + "\n(cut)" : all;
  };
  const [fn, syntax] = load(code, "=agent", "t", chunkEnv(out));
  if (fn === undefined) return { printed: "", values: [], error: tostring(syntax) };
  if (debug === undefined || debug.sethook === undefined) {
    return {
      printed: "",
      values: [],
      error: "this computer has no debug library, so a chunk could not be stopped: not run",
    };
  }
  const co = coroutine.create(fn);
  return drive(co, installGuard(co, timeoutSecs), timeoutSecs, printed);
}
