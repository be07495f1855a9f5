/** @noSelfInFile */
import { Client } from "./client";
import { Config } from "./config";
import type { Reply, WaitCallbacks } from "./replytypes";
export interface PromptOptions extends WaitCallbacks {
    /** Session id; default opencc.session_id, then this computer's own conversation. */
    session?: string;
    /** Start a new conversation for this computer (even when opencc.session_id pins one; not when a session is given). */
    newSession?: boolean;
    agent?: string;
    /** "provider/model" */
    model?: string;
    variant?: string;
    /** Extra system prompt for this message. */
    system?: string;
    /** Seconds; default opencc.timeout. */
    timeout?: number;
    /** Use the blocking endpoint (a proxy's 504 or CC's 60 s limit: the reply is then polled for). */
    sync?: boolean;
    /** Seconds the blocking request may take before polling takes over (default 58, at most 60). */
    syncTimeout?: number;
    /** Return the server's UTF-8 text instead of the CC charset. */
    raw?: boolean;
    /** The prompt is UTF-8 already (not typed on CC, e.g. from a chat bridge). */
    utf8?: boolean;
    /** A client to use instead of one made from the settings. */
    client?: Client;
}
export declare function clientFromConfig(cfg: Config, utf8?: boolean): Client;
/**
 * Runs one prompt to its reply. Raises an AiError on failure, and "Terminated" (after aborting
 * the generation on the server) on Ctrl+T.
 */
export declare function runPrompt(prompt: string, opts: PromptOptions): Reply;
/**
 * Waits for the answer to a message already sent (by another client, or c:promptAsync), by
 * polling. Ctrl+T and a timeout abort the generation on the server.
 */
export declare function waitForMessage(sessionID: string, messageID: string, opts: PromptOptions): Reply;
