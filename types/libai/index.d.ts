/** @noSelfInFile */
import type { Reply } from "./replytypes";
import { Client, ClientOptions } from "./client";
import { readConfig } from "./config";
import { AiError } from "./errors";
import { newId } from "./ids";
import { agentNames, modelNames } from "./catalog";
import { PromptOptions } from "./prompt";
import { fromCC, toCC } from "./text";
import { DONE_EVENT, handle, run, submit as submitJob, wait } from "./jobs";
import type { BridgeConnection, BridgeOptions, ServeOptions } from "./bridgetypes";
export { version } from "./core";
export type { Reply, ToolActivity, WaitCallbacks } from "./replytypes";
export type { Agent, Health, Message, MessageInfo, Part, PermissionReply, PermissionRequest, QuestionRequest, Session, SessionStatus, } from "./api";
export type { AiError, ErrorKind } from "./errors";
export type { Client, ClientOptions } from "./client";
export type { PromptOptions } from "./prompt";
export type { Job } from "./jobs";
export type { BridgeConnection, BridgeOptions, CallOutcome, ServeOptions } from "./bridgetypes";
/** Asks and waits: returns the reply's text and the reply, or nil, message, err. */
export declare function ask(prompt: string, opts?: PromptOptions): LuaMultiReturn<[string, Reply] | [undefined, string, AiError]>;
/** Starts a prompt in the background and returns its job at once. */
export declare function submit(prompt: string, opts?: PromptOptions): ReturnType<typeof submitJob>;
export { wait, run, handle, DONE_EVENT as doneEvent };
/**
 * Waits for the answer to a message already sent (by another client, or c:promptAsync): returns
 * its text and reply, or nil, message, err. Ctrl+T aborts the generation and raises "Terminated".
 */
export declare function waitFor(sessionID: string, messageID: string, opts?: PromptOptions): LuaMultiReturn<[string, Reply] | [undefined, string, AiError]>;
/** A client for one server: every endpoint as a method (c:sessions(), c:abort(id), ...). */
export declare function client(options?: Partial<ClientOptions>): Client;
/** The opencc.* settings as read now (validated: a bad value raises its one-line error). */
export declare function config(): ReturnType<typeof readConfig>;
/**
 * Whether CC lets this computer reach `url` (default: opencc.server_url), asked of CC's http rules
 * without a request: true, or nil, the line saying what to change, and err (http_disabled,
 * blocked or bad_url).
 */
export declare function checkUrl(url?: string): LuaMultiReturn<[true] | [undefined, string, AiError]>;
/**
 * The line to show once when the password would cross the network unencrypted (a password, plain
 * http, a host neither loopback nor private), or nil. Defaults: opencc.server_url, opencc.password.
 */
export declare function plainHttpWarning(url?: string, password?: string): string | undefined;
/** Names of the settings, for help screens. */
export declare const settingNames: string[];
export { toCC, fromCC, newId, agentNames as agents, modelNames as models };
/**
 * The check ask makes before sending: whether the server knows the agent and the model
 * ("provider/model"; either may be nil). True, or nil, the line naming what the server has, and
 * err (unknown_agent, unknown_model).
 */
export declare function checkNames(c: Client, agent?: string, model?: string): LuaMultiReturn<[true] | [undefined, string, AiError]>;
/** This computer's own conversation (found or created on the server); fresh=true starts a new one. */
export declare function conversation(c: Client, fresh?: boolean): string;
/**
 * The session a prompt would go to, without asking the server: `session` if given, then
 * opencc.session_id, then this computer's conversation in opencc.directory; nil when there is none yet.
 */
export declare function sessionInUse(session?: string): string | undefined;
/**
 * Forget this computer's remembered conversation in opencc.directory (only if it is `id`, when
 * given): the next prompt finds or makes one.
 */
export declare function forgetConversation(id?: string): void;
/** Runs fn and returns its results, or nil, message, err for an AiError (Ctrl+T still raises). */
export declare function protect<T>(fn: () => T): LuaMultiReturn<[T] | [undefined, string, AiError]>;
/**
 * Connects this computer to opencc-bridge (opencc.bridge_url, opencc.bridge_token, opencc.tools):
 * the connection (c:serve(onCall), c:note(), c:close()), or nil, message, err. Loads the bridge
 * module (libai_bridge.lua) on first use: without it, one line says to run the installer again.
 */
export declare function bridge(opts?: BridgeOptions): LuaMultiReturn<[BridgeConnection] | [undefined, string, AiError]>;
/**
 * Serves the bridge's tool calls, reconnecting with backoff (unless opts.reconnect is false),
 * until Ctrl+T (raises "Terminated"); returns nil, message, err when it has to stop (refused,
 * or a setting to fix). Runs beside ai.ask in parallel.waitForAny.
 */
export declare function serve(opts?: ServeOptions): LuaMultiReturn<[undefined, string, AiError]>;
/**
 * The version of the bridge module (libai_bridge.lua) installed beside libai, without loading
 * its code into libai; or nil and the line saying it is missing and how to install it.
 */
export declare function bridgeVersion(): LuaMultiReturn<[string] | [undefined, string]>;
