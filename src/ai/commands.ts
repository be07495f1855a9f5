// One-shot commands: ask and print, list/delete sessions, abort, and the TUI controls.
// Each returns true on success; on failure it has printed one line (printError) saying what to do.
import * as ai from "libai";
import type { Client } from "libai";
import type { Options } from "./args";
import { CACHE_FILE, refreshCache } from "./complete";
import { ask } from "./progress";
import { withBridge } from "./serve";
import { currentSession, printSessions } from "./sessions";

/** Runs fn with a client from the settings; prints the error line on failure. */
function withClient<T>(fn: (c: Client) => T): T | undefined {
  const [result, msg] = ai.protect(() => fn(ai.client()));
  if (msg !== undefined) {
    printError(msg);
    return undefined;
  }
  return result;
}

/** Refreshes tab completion's cache; the command's work is done, so Ctrl+T here just skips it. */
export function updateCompletion(): void {
  pcall(() => refreshCache());
}

/** How to type the prompt again, for a prompt that failed. */
export function keptPrompt(prompt: string): void {
  const old = term.getTextColour();
  if (term.isColour()) term.setTextColour(colours.lightGrey);
  print("Your prompt was kept: ai " + prompt);
  term.setTextColour(old);
}

export function askOnce(o: Options): boolean {
  const outcome = withBridge((system) => ask(o.text, { ...o, system }));
  if (outcome.ok) {
    if (!o.raw && !fs.exists(CACHE_FILE)) updateCompletion();
    return true;
  }
  if (outcome.cancelled === true) return false;
  printError(outcome.error ?? "No reply");
  if (!o.raw) keptPrompt(o.text);
  return false;
}

export function listSessions(o: Options): boolean {
  const list = withClient((c) => c.sessions());
  if (list === undefined) return false;
  printSessions(list, currentSession(o.session));
  updateCompletion();
  return true;
}

export function deleteSession(id: string): boolean {
  if (string.find(id, "^ses_")[0] === undefined) {
    printError(`"${id}" is not a session id: ai --sessions lists them (ses_...)`);
    return false;
  }
  if (withClient((c) => c.deleteSession(id)) === undefined) return false;
  if (settings.get("opencc.conversation") === id) ai.forgetConversation();
  print("Deleted " + id);
  return true;
}

export function abortSession(o: Options): boolean {
  const id = currentSession(o.session);
  if (id === undefined) {
    printError("No conversation to stop: this computer has none yet (use -s <id> for another session).");
    return false;
  }
  if (withClient((c) => c.abort(id)) === undefined) return false;
  print("Stopped " + id);
  return true;
}

/** --toast, --append, --submit, --clear, --command: drive a TUI attached to the server. */
export function tuiControl(o: Options): boolean {
  if ((o.action === "toast" || o.action === "append" || o.action === "command") && o.text === "") {
    printError(`--${o.action} needs a value: ai --${o.action} <${o.action === "command" ? "name" : "text"}>`);
    return false;
  }
  const done = withClient((c) => {
    if (o.action === "toast") return c.showToast(o.text);
    if (o.action === "append") return c.appendPrompt(o.text);
    if (o.action === "submit") return c.submitPrompt();
    if (o.action === "clear") return c.clearPrompt();
    return c.executeCommand(o.text);
  });
  if (done === undefined) return false;
  if (done === false) {
    printError("The server did not pass it on: is a TUI attached to it (opencode attach)?");
    return false;
  }
  print(o.action === "toast" ? "Toast shown" : o.action === "command" ? "Command sent: " + o.text : "Done");
  return true;
}
