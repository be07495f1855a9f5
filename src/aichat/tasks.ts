// Coroutines the event loop drives: each player's worker (their prompts one after another, with
// libai's ask waiting inside) and short errands such as an abort. Anything that waits on http
// runs here: if the loop itself waited, the events meant for everyone else would go to that wait.
// Like CC's own scheduler, a task gets the events it filters for, and "terminate" always.

interface Task {
  co: LuaThread;
  filter?: string;
  onEnd?: (this: void, err?: unknown) => void;
}

const tasks: Task[] = [];

function step(t: Task, event: unknown[]): void {
  const [ok, value] = coroutine.resume(t.co, ...event);
  if (coroutine.status(t.co) === "dead") {
    for (let i = tasks.length - 1; i >= 0; i--) if (tasks[i] === t) table.remove(tasks, i + 1);
    if (t.onEnd !== undefined) t.onEnd(ok ? undefined : value);
  } else {
    t.filter = value as string | undefined;
  }
}

/** Starts fn as a task (it runs until its first wait at once); onEnd hears how it ended. */
export function spawn(fn: (this: void) => void, onEnd?: (this: void, err?: unknown) => void): void {
  const t: Task = { co: coroutine.create(fn), onEnd };
  tasks.push(t);
  step(t, []);
}

/** Hands one event to every task waiting for it. */
export function dispatch(event: unknown[]): void {
  const name = event[0];
  for (const t of [...tasks]) {
    if (t.filter === undefined || t.filter === name || name === "terminate") step(t, event);
  }
}

export function running(): number {
  return tasks.length;
}
