// One prompt from start to reply: settings, agent and model checks, its turn on the session,
// the ids, the send and the wait (send.ts), and clean-up on Ctrl+T and on timeout (the
// generation is aborted on the server in both cases). Also the wait alone, for a message sent
// elsewhere.
import type { ModelRef, PromptBody } from "./api";
import { Client } from "./client";
import { Config, readConfig } from "./config";
import { aiError, fail, toAiError } from "./errors";
import { TERMINATED } from "./http";
import { newId, serverClockKnown } from "./ids";
import { checkAgent, checkModel } from "./catalog";
import { withTurn, waitUntilIdle } from "./queue";
import { ReplyWaiter } from "./reply";
import type { Reply, WaitCallbacks, WaitOptions } from "./replytypes";
import { sendAndWait } from "./send";
import { chooseSession, ChosenSession } from "./session";

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

function timeoutLine(seconds: number): string {
  return `No complete reply within ${seconds} s (opencc.timeout), so the generation was stopped on the server. Raise opencc.timeout for long tasks.`;
}

/** The prompt's body, its agent and model checked against the server (the ids are made later). */
function promptBody(prompt: string, opts: PromptOptions, cfg: Config, client: Client, deadline: number): PromptBody {
  const agent = opts.agent ?? (cfg.agent !== "" ? cfg.agent : undefined);
  const modelName = opts.model ?? (cfg.model !== "" ? cfg.model : undefined);
  if (agent !== undefined) checkAgent(client, agent, deadline);
  let model: ModelRef | undefined;
  if (modelName !== undefined) model = checkModel(client, modelName, deadline);
  return {
    messageID: "",
    parts: [{ type: "text", text: prompt }],
    agent,
    model,
    variant: opts.variant ?? (cfg.variant !== "" ? cfg.variant : undefined),
    system: opts.system,
  };
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

  const body = promptBody(prompt, opts, cfg, client, deadline);

  const fresh = opts.newSession === true;
  const named = opts.session !== undefined && opts.session !== "" ? opts.session : undefined;
  const pinned = cfg.sessionId !== "" && !fresh ? cfg.sessionId : undefined;
  const key = client.url + "|" + (client.directory ?? "") + "|" + (named ?? pinned ?? "this computer");
  let chosen: ChosenSession | undefined;
  let started = false;
  const [ok, result] = pcall(() =>
    withTurn(
      key,
      deadline,
      () =>
        fail(
          "timeout",
          `This computer's earlier prompts to the session took all of ${timeout} s (opencc.timeout): this one was not sent. Send it again.`,
        ),
      () => {
        const session = chooseSession(client, opts.session, cfg.sessionId, fresh, deadline);
        chosen = session;
        if (session.created !== true) {
          waitUntilIdle(client, session.id, deadline, cfg.pollInterval, () =>
            fail(
              "timeout",
              `Session ${session.id} stayed busy with another client's prompt for ${timeout} s (opencc.timeout): this one was not sent. Send it again later, or start a new conversation (ai -n).`,
            ),
          );
        }
        // The ids carry a time: learn the server's clock first (one cheap request, once).
        if (!serverClockKnown()) client.health(deadline);
        body.messageID = newId("msg");
        body.parts[0].id = newId("prt");
        // From here the server may be generating: Ctrl+T or a timeout must abort it, before the
        // next prompt on the session gets its turn.
        started = true;
        const sync = opts.sync === true ? math.min(opts.syncTimeout ?? BLOCKING_TIMEOUT, 60) : undefined;
        const wait: WaitOptions = {
          ...opts,
          sessionID: session.id,
          messageID: body.messageID,
          deadline,
          timeoutLine: timeoutLine(timeout),
          pollInterval: cfg.pollInterval,
          raw: opts.raw,
        };
        return abortOnStop(client, session, () => sendAndWait(client, session, body, wait, sync));
      },
    ),
  );
  if (ok) return result;
  throw reworded(result, started, deadline, timeout, chosen);
}

/** Runs the wait; on Ctrl+T or a timeout stops the generation on the server, then re-raises. */
function abortOnStop(client: Client, chosen: ChosenSession, wait: () => Reply): Reply {
  const [ok, result] = pcall(wait);
  if (ok) return result;
  if (result === TERMINATED || toAiError(result).kind === "timeout") {
    // A failure here must not hide the first error. A short wait: a player who pressed Ctrl+T
    // is waiting (a second Ctrl+T skips it at once).
    pcall(() => client.abort(chosen.id, ABORT_TIMEOUT));
  }
  throw result;
}

/** The error a caller sees: Terminated as is; a timeout or a session that has gone, in full. */
function reworded(
  result: unknown,
  started: boolean,
  deadline: number,
  timeout: number,
  chosen: ChosenSession | undefined,
): unknown {
  if (result === TERMINATED) return TERMINATED;
  const e = toAiError(result);
  // Requests are cut at the deadline: a timeout then is the prompt's own.
  if (e.kind === "timeout" && started && os.epoch("utc") >= deadline - 1000) {
    return aiError("timeout", timeoutLine(timeout), { status: e.status, name: e.name });
  }
  if (e.kind === "session_gone" && chosen !== undefined) {
    return aiError("session_gone", sessionGoneLine(chosen), { status: e.status, name: e.name });
  }
  return e;
}

/**
 * Waits for the answer to a message already sent (by another client, or c:promptAsync), by
 * polling. Ctrl+T and a timeout abort the generation on the server.
 */
export function waitForMessage(sessionID: string, messageID: string, opts: PromptOptions): Reply {
  const cfg = readConfig();
  const client = opts.client ?? clientFromConfig(cfg, opts.utf8);
  const timeout = opts.timeout ?? cfg.timeout;
  const deadline = os.epoch("utc") + timeout * 1000;
  const chosen: ChosenSession = { id: sessionID, source: "option" };
  const waiter = new ReplyWaiter(client, {
    ...opts,
    sessionID,
    messageID,
    deadline,
    timeoutLine: timeoutLine(timeout),
    pollInterval: cfg.pollInterval,
    raw: opts.raw,
  });
  const [ok, result] = pcall(() => abortOnStop(client, chosen, () => waiter.poll()));
  if (ok) return result;
  throw reworded(result, true, deadline, timeout, chosen);
}
