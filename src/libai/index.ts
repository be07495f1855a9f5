// The whole public surface of libai: `local ai = require("libai")`. Everything else is internal.
// Failures come back as nil, message, err (like http.get); Ctrl+T raises "Terminated".
import type { Reply } from "./replytypes";
import { Client, ClientOptions } from "./client";
import { plainHttpWarning as warningFor, readConfig } from "./config";
import { defineSettings, SETTINGS } from "./settingdefs";
import { AiError, toAiError } from "./errors";
import { checkAllowed, TERMINATED } from "./http";
import { newId } from "./ids";
import { agentNames, checkAgent, checkModel, modelNames } from "./catalog";
import { clientFromConfig, PromptOptions, runPrompt, waitForMessage } from "./prompt";
import { computerSession, rememberConversation, rememberedConversation } from "./session";
import { fromCC, toCC } from "./text";
import { DONE_EVENT, handle, run, submit as submitJob, wait } from "./jobs";
import type { BridgeConnection, BridgeOptions, ServeOptions } from "./bridgetypes";
import { bridgeEntry, bridgeModule } from "./modules";

export { version } from "./core";

type Expect = (this: void, index: number, value: unknown, ...types: string[]) => unknown;
// CC's own argument check, so that a wrong call names the argument as CC's APIs do
// ("bad argument #1 to 'ask' (string expected, got nil)"). A plain Lua (the build's load check)
// has no cc.expect.
const [hasExpect, expectModule] = pcall(require, "cc.expect");
const expect: Expect = hasExpect ? (expectModule as { expect: Expect }).expect : () => undefined;

// Types for TypeScript users (TSTL projects that import "libai").
export type { Reply, ToolActivity, WaitCallbacks } from "./replytypes";
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
export type { BridgeConnection, BridgeOptions, CallOutcome, ServeOptions } from "./bridgetypes";

defineSettings();

/** The text and reply of a finished prompt, or nil, message, err; Ctrl+T raises "Terminated". */
function answered(ok: boolean, result: unknown): LuaMultiReturn<[string, Reply] | [undefined, string, AiError]> {
  if (ok) return $multi((result as Reply).text, result as Reply);
  if (result === TERMINATED) error("Terminated", 0);
  const err = toAiError(result);
  return $multi(undefined, err.message, err);
}

/** Asks and waits: returns the reply's text and the reply, or nil, message, err. */
export function ask(
  prompt: string,
  opts: PromptOptions = {},
): LuaMultiReturn<[string, Reply] | [undefined, string, AiError]> {
  expect(1, prompt, "string");
  expect(2, opts, "table", "nil");
  const [ok, result] = pcall(runPrompt, prompt, opts);
  return answered(ok, result);
}

/** Starts a prompt in the background and returns its job at once. */
export function submit(prompt: string, opts: PromptOptions = {}): ReturnType<typeof submitJob> {
  expect(1, prompt, "string");
  expect(2, opts, "table", "nil");
  return submitJob(prompt, opts);
}

export { wait, run, handle, DONE_EVENT as doneEvent };

/**
 * Waits for the answer to a message already sent (by another client, or c:promptAsync): returns
 * its text and reply, or nil, message, err. Ctrl+T aborts the generation and raises "Terminated".
 */
export function waitFor(
  sessionID: string,
  messageID: string,
  opts: PromptOptions = {},
): LuaMultiReturn<[string, Reply] | [undefined, string, AiError]> {
  expect(1, sessionID, "string");
  expect(2, messageID, "string");
  expect(3, opts, "table", "nil");
  const [ok, result] = pcall(waitForMessage, sessionID, messageID, opts);
  return answered(ok, result);
}

/** A client for one server: every endpoint as a method (c:sessions(), c:abort(id), ...). */
export function client(options?: Partial<ClientOptions>): Client {
  expect(1, options, "table", "nil");
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
  expect(1, url, "string", "nil");
  return protect(() => {
    checkAllowed(url ?? readConfig().url);
    return true as const;
  });
}

/**
 * The line to show once when the password would cross the network unencrypted (a password, plain
 * http, a host neither loopback nor private), or nil. Defaults: opencc.server_url, opencc.password.
 */
export function plainHttpWarning(url?: string, password?: string): string | undefined {
  if (url === undefined || password === undefined) {
    const [ok, cfg] = pcall(readConfig);
    if (!ok) return undefined; // a bad setting has its own line
    url = url ?? cfg.url;
    password = password ?? cfg.password;
  }
  return warningFor(url, password);
}

/** Names of the settings, for help screens. */
export const settingNames: string[] = [];
for (const s of SETTINGS) settingNames.push(s.name);

export { toCC, fromCC, newId, agentNames as agents, modelNames as models };

/**
 * The check ask makes before sending: whether the server knows the agent and the model
 * ("provider/model"; either may be nil). True, or nil, the line naming what the server has, and
 * err (unknown_agent, unknown_model).
 */
export function checkNames(
  c: Client,
  agent?: string,
  model?: string,
): LuaMultiReturn<[true] | [undefined, string, AiError]> {
  expect(2, agent, "string", "nil");
  expect(3, model, "string", "nil");
  return protect(() => {
    if (agent !== undefined) checkAgent(c, agent);
    if (model !== undefined) checkModel(c, model);
    return true as const;
  });
}

/** This computer's own conversation (found or created on the server); fresh=true starts a new one. */
export function conversation(c: Client, fresh?: boolean): string {
  return computerSession(c, fresh === true);
}

/** The settings' directory, or "" when a setting is broken (ai reports that where it matters). */
function settingsDirectory(): string {
  const [ok, cfg] = pcall(readConfig);
  return ok ? cfg.directory : "";
}

/**
 * The session a prompt would go to, without asking the server: `session` if given, then
 * opencc.session_id, then this computer's conversation in opencc.directory; nil when there is none yet.
 */
export function sessionInUse(session?: string): string | undefined {
  expect(1, session, "string", "nil");
  if (session !== undefined && session !== "") return session;
  const [ok, cfg] = pcall(readConfig);
  if (ok && cfg.sessionId !== "") return cfg.sessionId;
  return rememberedConversation(ok ? cfg.directory : "");
}

/**
 * Forget this computer's remembered conversation in opencc.directory (only if it is `id`, when
 * given): the next prompt finds or makes one.
 */
export function forgetConversation(id?: string): void {
  expect(1, id, "string", "nil");
  const directory = settingsDirectory();
  if (id === undefined || rememberedConversation(directory) === id) rememberConversation(undefined, directory);
}

/** Runs fn and returns its results, or nil, message, err for an AiError (Ctrl+T still raises). */
export function protect<T>(fn: () => T): LuaMultiReturn<[T] | [undefined, string, AiError]> {
  const [ok, result] = pcall(fn);
  if (ok) return $multi(result);
  if (result === TERMINATED) error("Terminated", 0);
  const err = toAiError(result);
  return $multi(undefined, err.message, err);
}

/**
 * Connects this computer to opencc-bridge (opencc.bridge_url, opencc.bridge_token, opencc.tools):
 * the connection (c:serve(onCall), c:note(), c:close()), or nil, message, err. Loads the bridge
 * module (libai_bridge.lua) on first use: without it, one line says to run the installer again.
 */
export function bridge(opts?: BridgeOptions): LuaMultiReturn<[BridgeConnection] | [undefined, string, AiError]> {
  return protect(() => bridgeModule().connectBridge(opts));
}

/**
 * Serves the bridge's tool calls, reconnecting with backoff (unless opts.reconnect is false),
 * until Ctrl+T (raises "Terminated"); returns nil, message, err when it has to stop (refused,
 * or a setting to fix). Runs beside ai.ask in parallel.waitForAny.
 */
export function serve(opts?: ServeOptions): LuaMultiReturn<[undefined, string, AiError]> {
  const [ok, result] = pcall(() => bridgeModule().serveBridge(opts));
  if (!ok && result === TERMINATED) error("Terminated", 0);
  const err = toAiError(result);
  return $multi(undefined, err.message, err);
}

/**
 * The version of the bridge module (libai_bridge.lua) installed beside libai, without loading
 * its code into libai; or nil and the line saying it is missing and how to install it.
 */
export function bridgeVersion(): LuaMultiReturn<[string] | [undefined, string]> {
  const [entry, why] = bridgeEntry();
  if (entry !== undefined) return $multi(entry.version);
  return $multi(undefined, why);
}
