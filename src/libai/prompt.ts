// One prompt from start to reply: settings, agent and model checks, the session, the id, the
// request (asynchronous, or blocking with a fallback), the wait, and clean-up on Ctrl+T and on
// timeout (the generation is aborted on the server in both cases).
import type { ModelRef, PromptBody } from "./api";
import { Client } from "./client";
import { Config, readConfig } from "./config";
import { AiError, fail, toAiError } from "./errors";
import { TERMINATED } from "./http";
import { newId, serverClockKnown } from "./ids";
import { checkAgent, checkModel } from "./catalog";
import { Reply, ReplyWaiter, WaitCallbacks } from "./reply";
import { chooseSession, computerSession, ChosenSession } from "./session";

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
  /** Use the blocking endpoint (falls back to polling when CC's 60 s request limit cuts it). */
  sync?: boolean;
  /** Seconds the blocking request may take before polling takes over (default 58, at most 60). */
  syncTimeout?: number;
  /** Return the server's UTF-8 text instead of the CC charset. */
  raw?: boolean;
  /** The prompt is UTF-8 already (not typed on CC, e.g. from a chat bridge). */
  utf8?: boolean;
  /** A client to use instead of one made from the settings. */
  client?: Client;
  /** @internal Wait for this already-sent message instead of sending the prompt (ai.waitFor). */
  existingMessage?: string;
}

/** CC stops any http request after at most 60 s; a little less leaves room to fall back. */
const BLOCKING_TIMEOUT = 58;
/** Seconds to wait for the server to confirm an abort. */
const ABORT_TIMEOUT = 5;

export function clientFromConfig(cfg: Config, utf8?: boolean): Client {
  return new Client({
    url: cfg.url,
    username: cfg.username,
    password: cfg.password,
    directory: cfg.directory,
    encoding: utf8 ? "utf8" : "latin1",
  });
}

function sessionGoneLine(chosen: ChosenSession): string {
  if (chosen.source === "setting") {
    return `Session ${chosen.id} in opencc.session_id no longer exists on the server: pick another (ai --sessions) and set opencc.session_id to it, or set it to "" to use this computer's own conversation.`;
  }
  return `Session ${chosen.id} not found on the server (deleted, or the server's data was wiped).`;
}

/** Sends the prompt; on a remembered conversation that has gone, makes a new one, once. */
function sendPrompt(
  client: Client,
  chosen: ChosenSession,
  body: PromptBody,
  sync: number | undefined,
  deadline: number,
): ChosenSession {
  const attempt = (id: string): void => {
    if (sync === undefined) return client.promptAsync(id, body, deadline);
    // Blocking: when it returns, the reply is complete and one poll collects it with its tool
    // steps; when CC's request limit cuts it, it is still running, and polling finds it too.
    const [ok, err] = pcall(() => client.prompt(id, body, sync, deadline));
    if (!ok && (err === TERMINATED || toAiError(err).kind !== "timeout")) throw err;
  };
  const [ok, err] = pcall(attempt, chosen.id);
  if (ok) return chosen;
  if (err === TERMINATED) throw err;
  const e = toAiError(err);
  if (e.kind !== "session_gone") throw e;
  if (chosen.source !== "computer") fail("session_gone", sessionGoneLine(chosen), { status: 404 });
  const fresh: ChosenSession = { id: computerSession(client, true), source: "computer" };
  attempt(fresh.id);
  return fresh;
}

/**
 * Runs one prompt to its reply. Raises an AiError on failure, and "Terminated" (after aborting
 * the generation on the server) on Ctrl+T.
 */
export function runPrompt(prompt: string, opts: PromptOptions): Reply {
  const cfg = readConfig();
  const client = opts.client ?? clientFromConfig(cfg, opts.utf8);
  const timeout = opts.timeout ?? cfg.timeout;
  const deadline = os.epoch("utc") + timeout * 1000;

  const agent = opts.agent ?? (cfg.agent !== "" ? cfg.agent : undefined);
  const modelName = opts.model ?? (cfg.model !== "" ? cfg.model : undefined);
  if (agent !== undefined) checkAgent(client, agent);
  let model: ModelRef | undefined;
  if (modelName !== undefined) model = checkModel(client, modelName);
  const variant = opts.variant ?? (cfg.variant !== "" ? cfg.variant : undefined);

  let chosen = chooseSession(client, opts.session, cfg.sessionId, opts.newSession === true);
  // The message id carries a time: learn the server's clock first (one cheap request, once).
  if (!serverClockKnown()) client.health();
  const body: PromptBody = {
    messageID: opts.existingMessage ?? newId("msg"),
    parts: [{ type: "text", text: prompt }],
    agent,
    model,
    variant,
    system: opts.system,
  };

  let started = false;
  const [ok, result] = pcall(() => {
    // From here the server may be generating: Ctrl+T or a timeout must abort it.
    started = true;
    const sync = opts.sync === true ? math.min(opts.syncTimeout ?? BLOCKING_TIMEOUT, 60) : undefined;
    if (opts.existingMessage === undefined) chosen = sendPrompt(client, chosen, body, sync, deadline);
    const waiter = new ReplyWaiter(client, {
      ...opts,
      sessionID: chosen.id,
      messageID: body.messageID,
      deadline,
      pollInterval: cfg.pollInterval,
      raw: opts.raw,
      answered: sync !== undefined || opts.existingMessage !== undefined,
    });
    return waiter.wait();
  });
  if (ok) return result as Reply;

  const err = result === TERMINATED ? TERMINATED : toAiError(result);
  if (started && (err === TERMINATED || (err as AiError).kind === "timeout")) {
    // Stop the generation on the server too; a failure here must not hide the first error.
    // A short wait: a player who pressed Ctrl+T is waiting (a second Ctrl+T skips it at once).
    pcall(() => client.abort(chosen.id, ABORT_TIMEOUT));
  }
  if (err === TERMINATED) throw TERMINATED;
  const e = err as AiError;
  // A request cut short by the prompt's deadline is the prompt's timeout too.
  if (e.kind === "timeout" && (e.message === "timeout" || os.epoch("utc") >= deadline - 250)) {
    fail(
      "timeout",
      `No complete reply within ${timeout} s (opencc.timeout), so the generation was stopped on the server. Raise opencc.timeout for long tasks.`,
    );
  }
  if (e.kind === "session_gone" && string.find(e.message, "^Session ")[0] === undefined) {
    fail("session_gone", sessionGoneLine(chosen), { status: 404 });
  }
  throw e;
}
