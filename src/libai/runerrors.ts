// The lines for a run that ended badly: the server says only what happened (an error's name
// and message), so the fix a player can make is added here.
import type { Answer } from "./answer";
import type { ErrorInfo } from "./api";
import { fail } from "./errors";
import { toCC } from "./text";

/** What to do about the errors a model run can end with. */
const ERROR_HINTS: { [name: string]: string } = {
  MessageAbortedError: " (the reply was stopped on the server)",
  ProviderAuthError: " (the server's model provider refused its credentials: fix its API key on the server)",
  MessageOutputLengthError: " (the reply reached the model's output limit: ask for less at once)",
  ContextOverflowError: " (the conversation is too long for the model: start a new one)",
};

/** Fails with the run's error as one line; `raw` keeps the server's text as it came. */
export function failRun(err: ErrorInfo, raw: boolean | undefined): never {
  const message = err.data?.message;
  const said = message !== undefined && message !== "" ? ": " + (raw ? message : toCC(message)) : "";
  return fail("assistant", err.name + said + (ERROR_HINTS[err.name] ?? ""), { name: err.name });
}

export function failOvertaken(sessionID: string): never {
  return fail(
    "overtaken",
    `A newer message on session ${sessionID} (sent by another client) was answered instead of this prompt: send it again.`,
  );
}

/** The session went idle and our answer is not complete (nor will a resend help): why, as one line. */
export function failIdle(answer: Answer, sessionID: string): never {
  if (answer.newerUser) failOvertaken(sessionID);
  if (!answer.sawUserMessage) {
    fail(
      "idle",
      "The server dropped the prompt without answering (its log says why: often an unknown agent). Try again, or run ai --doctor.",
    );
  }
  if (answer.last() !== undefined) {
    fail("idle", "The server stopped working on the reply before it was complete (restarted?): send it again.");
  }
  return fail(
    "idle",
    "The session went idle without answering: the model may be unknown or failing on the server. Try another model, or run ai --doctor.",
  );
}
