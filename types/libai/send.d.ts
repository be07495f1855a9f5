/** @noSelfInFile */
import type { PromptBody } from "./api";
import type { Client } from "./client";
import type { Reply, WaitOptions } from "./replytypes";
import { ChosenSession } from "./session";
/**
 * Sends the prompt (blocking when `sync` gives that request's seconds) and waits for its reply.
 * A remembered conversation that has gone is replaced once.
 */
export declare function sendAndWait(client: Client, chosen: ChosenSession, body: PromptBody, wait: WaitOptions, sync?: number): Reply;
