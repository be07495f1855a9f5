// Prompts in the background: submit() starts one as a coroutine and returns at once; the job
// moves on as events are handed to it (by wait(), run(), or the caller's own loop via handle()),
// and announces its end with an os event, so a program's own loop can catch it.
import { AiError, toAiError } from "./errors";
import { PromptOptions, runPrompt } from "./prompt";
import type { Reply } from "./replytypes";

/** The event a job queues when it ends: ("ai_done", jobId, ok). */
export const DONE_EVENT = "ai_done";

export interface Job {
  id: number;
  status: "running" | "done" | "failed";
  prompt: string;
  text?: string;
  reply?: Reply;
  /** One line, when failed. */
  error?: string;
  err?: AiError;
}

interface Running {
  job: Job;
  co: LuaThread;
  filter?: string;
}

let nextJobId = 1;
const running: Running[] = [];

function finish(r: Running, ok: boolean, value: unknown): void {
  const job = r.job;
  if (ok) {
    const reply = value as Reply;
    job.status = "done";
    job.reply = reply;
    job.text = reply.text;
  } else {
    const err = toAiError(value);
    job.status = "failed";
    job.err = err;
    job.error = err.message;
  }
  os.queueEvent(DONE_EVENT, job.id, ok);
}

function resume(r: Running, args: unknown[]): void {
  const [ok, value] = coroutine.resume(r.co, ...args);
  if (coroutine.status(r.co) === "dead") {
    for (let i = running.length; i >= 1; i--) if (running[i - 1] === r) table.remove(running, i);
    finish(r, ok, value);
  } else {
    r.filter = value as string | undefined;
  }
}

export function submit(prompt: string, opts: PromptOptions = {}): Job {
  const job: Job = { id: nextJobId++, status: "running", prompt };
  const r: Running = { job, co: coroutine.create(() => runPrompt(prompt, opts)) };
  running.push(r);
  resume(r, []);
  return job;
}

/** Hands one event (as os.pullEventRaw returned it) to every job waiting for it. */
export function handle(...event: unknown[]): void {
  const name = event[0];
  for (const r of [...running]) {
    if (r.filter === undefined || r.filter === name || name === "terminate") resume(r, event);
  }
}

/**
 * Hands events to the jobs until `until()` holds. Ctrl+T is passed on (each job aborts its
 * generation on the server), and once those aborts are through, raises "Terminated".
 */
function pump(until: () => boolean): void {
  let terminated = false;
  while (!until() && !(terminated && running.length === 0)) {
    const event = [...os.pullEventRaw()] as unknown[];
    if (event[0] === "terminate") {
      if (terminated) continue;
      terminated = true;
    }
    handle(...event);
  }
  if (terminated) error("Terminated", 0);
}

/** Waits for a job; returns its text and reply, or nil, message, err. Ctrl+T raises "Terminated". */
export function wait(job: Job): LuaMultiReturn<[string, Reply] | [undefined, string, AiError]> {
  pump(() => job.status !== "running");
  if (job.status === "done") return $multi(job.text!, job.reply!);
  return $multi(undefined, job.error!, job.err!);
}

/** Drives every job, forever: run it beside a program's own loop with parallel.waitForAny. */
export function run(): void {
  pump(() => false);
}
