/** @noSelfInFile */
import { AiError } from "./errors";
import { PromptOptions } from "./prompt";
import type { Reply } from "./replytypes";
/** The event a job queues when it ends: ("ai_done", jobId, ok). */
export declare const DONE_EVENT = "ai_done";
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
export declare function submit(prompt: string, opts?: PromptOptions): Job;
/** Hands one event (as os.pullEventRaw returned it) to every job waiting for it. */
export declare function handle(...event: unknown[]): void;
/** Waits for a job; returns its text and reply, or nil, message, err. Ctrl+T raises "Terminated". */
export declare function wait(job: Job): LuaMultiReturn<[string, Reply] | [undefined, string, AiError]>;
/** Drives every job, forever: run it beside a program's own loop with parallel.waitForAny. */
export declare function run(): void;
