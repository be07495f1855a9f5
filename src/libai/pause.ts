// Two tasks on one coroutine's events: a main task, and a side task that only watches (progress
// polls). Like parallel.waitForAny, except that the side task is never cut in the middle of a
// request: http.ts marks a URL busy until its reply is read, and a task dropped mid-request
// would leave that URL busy for good. Waiting is done on timers (pause), so Ctrl+T is seen.
import { TERMINATED } from "./http";

/** Waits `seconds` on a timer, raising TERMINATED on Ctrl+T (sleep() would lose that event). */
export function pause(seconds: number): void {
  const timer = os.startTimer(seconds);
  while (true) {
    const [event, id] = os.pullEventRaw();
    if (event === "terminate") {
      os.cancelTimer(timer);
      throw TERMINATED;
    }
    if (event === "timer" && id === timer) return;
  }
}

/** What the side task gets: its own pause, a wrapper for its requests, and whether to stop. */
export interface SideControl {
  /** Waits like pause(); ends the side task at once when the main task has ended. */
  pause: (this: void, seconds: number) => void;
  /** Runs one request of the side task: it is never dropped while one runs. */
  request: <T>(this: void, fn: () => T) => T;
  stopped: (this: void) => boolean;
}

const STOP = "opencc: side task stopped";

interface Task {
  co: LuaThread;
  alive: boolean;
  filter?: string;
  ok: boolean;
  value: unknown;
}

function step(task: Task, args: unknown[]): void {
  const [ok, value] = coroutine.resume(task.co, ...args);
  if (coroutine.status(task.co) === "dead") {
    task.alive = false;
    task.ok = ok;
    task.value = value;
  } else {
    task.filter = value as string | undefined;
  }
}

function wants(task: Task, event: unknown): boolean {
  return task.alive && (task.filter === undefined || task.filter === event || event === "terminate");
}

/**
 * Runs main() and side() together; returns what main returns (or raises what it raises) as
 * soon as the side task is not in a request (it may be pausing, or in a callback waiting for the
 * player: it is dropped there). Errors of the side task are dropped.
 */
export function runBeside<T>(main: () => T, side: (this: void, control: SideControl) => void): T {
  let requests = 0;
  let mainEnded = false;
  const control: SideControl = {
    pause: (seconds) => {
      if (mainEnded) throw STOP;
      pause(seconds);
      if (mainEnded) throw STOP;
    },
    request: (fn) => {
      requests++;
      const [ok, result] = pcall(fn);
      requests--;
      if (!ok) throw result;
      return result;
    },
    stopped: () => mainEnded,
  };
  const mainTask: Task = { co: coroutine.create(main), alive: true, ok: false, value: undefined };
  const sideTask: Task = {
    co: coroutine.create(() => {
      side(control);
    }),
    alive: true,
    ok: false,
    value: undefined,
  };
  step(mainTask, []);
  mainEnded = !mainTask.alive;
  if (sideTask.alive && !mainEnded) step(sideTask, []);
  while (!(mainEnded && (!sideTask.alive || requests === 0))) {
    const event = [...os.pullEventRaw()] as unknown[];
    if (wants(mainTask, event[0])) {
      step(mainTask, event);
      mainEnded = !mainTask.alive;
    }
    // Once the main task has ended, the side task only finishes the request it is in.
    if (wants(sideTask, event[0]) && !(mainEnded && requests === 0)) step(sideTask, event);
  }
  if (!mainTask.ok) throw mainTask.value;
  return mainTask.value as T;
}
