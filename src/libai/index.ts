// The whole public surface of libai: `local ai = require("libai")`. Everything else is internal.
// Failures come back as nil, message, err (like http.get); Ctrl+T raises "Terminated".
import type { Reply } from "./reply";
import { Client, ClientOptions } from "./client";
import { defineSettings, readConfig, SETTINGS } from "./config";
import { AiError, toAiError } from "./errors";
import { checkAllowed, TERMINATED } from "./http";
import { newId } from "./ids";
import { agentNames, modelNames } from "./catalog";
import { clientFromConfig, PromptOptions, runPrompt } from "./prompt";
import { computerSession, rememberConversation } from "./session";
import { fromCC, toCC } from "./text";
import { DONE_EVENT, handle, run, submit, wait } from "./jobs";
import { BridgeOptions, connectBridge, serveBridge, ServeOptions, BridgeConnection } from "./bridge";

export const version = "0.1.0";

// Types for TypeScript users (TSTL projects that import "libai").
export type { Reply, ToolActivity, WaitCallbacks } from "./reply";
export type {
  Agent,
  Health,
  Message,
  MessageInfo,
  Part,
  PermissionReply,
  PermissionRequest,
  QuestionRequest,
  Session,
  SessionStatus,
} from "./api";
export type { AiError, ErrorKind } from "./errors";
export type { Client, ClientOptions } from "./client";
export type { PromptOptions } from "./prompt";
export type { Job } from "./jobs";
export type { BridgeConnection, BridgeOptions, ServeOptions } from "./bridge";
export type { CallOutcome } from "./bridgetools";

defineSettings();

/** Asks and waits: returns the reply's text and the reply, or nil, message, err. */
export function ask(
  prompt: string,
  opts: PromptOptions = {},
): LuaMultiReturn<[string, Reply] | [undefined, string, AiError]> {
  const [ok, result] = pcall(runPrompt, prompt, opts);
  if (ok) return $multi((result as Reply).text, result as Reply);
  if (result === TERMINATED) error("Terminated", 0);
  const err = toAiError(result);
  return $multi(undefined, err.message, err);
}

export { submit, wait, run, handle, DONE_EVENT as doneEvent };

/**
 * Waits for the answer to a message already sent (by another client, or c:promptAsync): returns
 * its text and reply, or nil, message, err. Ctrl+T aborts the generation and raises "Terminated".
 */
export function waitFor(
  sessionID: string,
  messageID: string,
  opts: PromptOptions = {},
): LuaMultiReturn<[string, Reply] | [undefined, string, AiError]> {
  return ask("", { ...opts, session: sessionID, existingMessage: messageID });
}

/** A client for one server: every endpoint as a method (c:sessions(), c:abort(id), ...). */
export function client(options?: Partial<ClientOptions>): Client {
  const cfg = readConfig(
    options === undefined
      ? undefined
      : {
          url: options.url,
          username: options.username,
          password: options.password,
          directory: options.directory,
        },
  );
  if (options === undefined) return clientFromConfig(cfg);
  // Named one by one: cfg.timeout is the reply timeout, not a request's.
  return new Client({
    url: cfg.url,
    username: cfg.username,
    password: cfg.password,
    directory: cfg.directory,
    encoding: options.encoding,
    timeout: options.timeout,
  });
}

/** The opencc.* settings as read now (validated: a bad value raises its one-line error). */
export function config(): ReturnType<typeof readConfig> {
  return readConfig();
}

/**
 * Whether CC lets this computer reach `url` (default: opencc.server_url), asked of CC's http rules
 * without a request: true, or nil, the line saying what to change, and err (http_disabled,
 * blocked or bad_url).
 */
export function checkUrl(url?: string): LuaMultiReturn<[true] | [undefined, string, AiError]> {
  return protect(() => {
    checkAllowed(url ?? readConfig().url);
    return true as const;
  });
}

/** Names and descriptions of the settings, for help screens. */
export const settingNames = SETTINGS.map((s) => s.name);

export { toCC, fromCC, newId, agentNames as agents, modelNames as models };

/** This computer's own conversation (found or created on the server); fresh=true starts a new one. */
export function conversation(c: Client, fresh?: boolean): string {
  return computerSession(c, fresh === true);
}

/** Forget this computer's remembered conversation: the next prompt finds or makes one. */
export function forgetConversation(): void {
  rememberConversation(undefined);
}

/** Runs fn and returns its results, or nil, message, err for an AiError (Ctrl+T still raises). */
export function protect<T>(fn: () => T): LuaMultiReturn<[T] | [undefined, string, AiError]> {
  const [ok, result] = pcall(fn);
  if (ok) return $multi(result as T);
  if (result === TERMINATED || result === "Terminated") error("Terminated", 0);
  const err = toAiError(result);
  return $multi(undefined, err.message, err);
}

/**
 * Connects this computer to opencc-bridge (opencc.bridge_url, opencc.bridge_token, opencc.tools):
 * the connection (c:serve(onCall), c:note(), c:close()), or nil, message, err.
 */
export function bridge(opts?: BridgeOptions): LuaMultiReturn<[BridgeConnection] | [undefined, string, AiError]> {
  return protect(() => connectBridge(opts));
}

/**
 * Serves the bridge's tool calls, reconnecting with backoff (unless opts.reconnect is false),
 * until Ctrl+T (raises "Terminated"); returns nil, message, err when it has to stop (refused,
 * or a setting to fix). Runs beside ai.ask in parallel.waitForAny.
 */
export function serve(opts?: ServeOptions): LuaMultiReturn<[undefined, string, AiError]> {
  const err = toAiError(serveBridge(opts));
  return $multi(undefined, err.message, err);
}
