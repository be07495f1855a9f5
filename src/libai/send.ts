// Sending one prompt and waiting for its reply. The default is the seed's design: POST
// prompt_async with our own message id (answered at once), then look for what follows that
// message; nothing holds a request open for the length of a generation, so no proxy's read
// timeout can lose the reply and a bot's prompts do not fill CC's 16 request slots. The blocking
// endpoint is the opt-in sync mode. In both, a request whose answer is lost (a reset, CC's
// 60 s limit, a proxy's 5xx or 504) is never the end: the server is asked whether it holds our
// message, and if it does the reply is waited for; if not, the same message is sent again.
import type { Message, PromptBody } from "./api";
import type { Client } from "./client";
import { AiError, fail, toAiError } from "./errors";
import { hostOf, TERMINATED } from "./http";
import type { Reply, WaitOptions } from "./replytypes";
import { ReplyWaiter } from "./reply";
import { computerSession, ChosenSession } from "./session";

/** Times a prompt the server never received is sent again. */
const RESENDS = 2;

/** The answer to a POST was lost, or a proxy gave it: the prompt may or may not have arrived. */
function mayHaveArrived(e: AiError): boolean {
  if (e.kind === "blocked" || e.kind === "bad_url" || e.kind === "http_disabled") return false;
  return e.status === undefined || e.kind === "proxy" || e.status === 502 || e.status === 503 || e.status === 504;
}

/** Whether the server holds our message. */
function serverHas(client: Client, sessionID: string, messageID: string, deadline: number): boolean {
  const [ok, err] = pcall(() => client.message(sessionID, messageID, deadline));
  if (ok) return true;
  if (err === TERMINATED) throw err;
  const e = toAiError(err);
  if (e.status === 404) return false;
  throw e;
}

function proxyNote(client: Client, e: AiError): string {
  const why = e.status === 504 ? " (it gave up waiting)" : "";
  return `The proxy at ${hostOf(client.url)} answered ${e.status}${why}, but the server has the prompt: waiting for its reply.`;
}

/**
 * Sends the prompt (blocking when `sync` gives that request's seconds) and waits for its reply.
 * A remembered conversation that has gone is replaced once.
 */
export function sendAndWait(
  client: Client,
  chosen: ChosenSession,
  body: PromptBody,
  wait: WaitOptions,
  sync?: number,
): Reply {
  let resends = 0;
  let replaced = false;
  while (true) {
    const waiter = new ReplyWaiter(client, { ...wait, sessionID: chosen.id, body });
    const [ok, result] = pcall((): Message | undefined => {
      if (sync !== undefined) return client.prompt(chosen.id, body, sync, wait.deadline);
      waiter.listen();
      client.promptAsync(chosen.id, body, wait.deadline);
      return undefined;
    });
    if (ok) return result !== undefined ? waiter.finish(result) : waiter.poll(true);
    waiter.close();
    if (result === TERMINATED) throw result;
    const e = toAiError(result);
    if (e.kind === "session_gone" && chosen.source === "computer" && !replaced) {
      replaced = true;
      chosen.id = computerSession(client, true, wait.deadline);
      continue;
    }
    if (!mayHaveArrived(e)) throw e;
    if (serverHas(client, chosen.id, body.messageID, wait.deadline)) {
      if (e.status !== undefined && wait.onNote !== undefined) wait.onNote(proxyNote(client, e));
      return waiter.poll();
    }
    // Never received: the same message (same ids) again, so it can never be there twice.
    resends++;
    if (resends > RESENDS) {
      fail(
        "unreachable",
        `The prompt did not reach the server in ${resends} tries: check the way to it (ai --doctor), then send it again.`,
      );
    }
  }
}
