// One-shot commands: ask and print, list/delete sessions, abort, the version, and the TUI
// controls. Each returns true on success; on failure it has printed one line (printError) saying
// what to do.
import * as ai from "libai";
import type { Client } from "libai";
import type { Options } from "./options";
import { ask } from "./ask";
import { withBridge } from "./serve";
import { refreshCache } from "./cache";
import { inColour } from "./screen";
import { printSessions } from "./sessions";

/** The version of ai (package.json's, written in by the build). */
export const VERSION: string = "@VERSION@";

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
  pcall(() => {
    refreshCache();
  });
}

/** How to type the command again, exactly as it was, after a failure. */
export function keptPrompt(typed: string): void {
  // whole, wrapped as print wraps: a cut line could not be typed again
  inColour(colours.lightGrey, () => {
    print("Your prompt was kept: ai " + typed);
  });
}

export function askOnce(o: Options): boolean {
  const outcome = withBridge((system) => ask(o.text, { ...o, system }));
  // No completion refresh here: it would cost three requests after every first reply, and
  // completion fetches its lists itself the first time they are wanted.
  if (outcome.ok) return true;
  if (outcome.cancelled === true) return false;
  printError(outcome.error ?? "No reply");
  if (!o.plain) keptPrompt(o.typed);
  return false;
}

export function listSessions(o: Options): boolean {
  const list = withClient((c) => c.sessions());
  if (list === undefined) return false;
  printSessions(list, ai.sessionInUse(o.session));
  updateCompletion();
  return true;
}

export function deleteSession(id: string): boolean {
  if (string.find(id, "^ses_")[0] === undefined) {
    printError(`"${id}" is not a session id: ai --sessions lists them (ses_...)`);
    return false;
  }
  if (withClient((c) => c.deleteSession(id)) === undefined) return false;
  ai.forgetConversation(id);
  print("Deleted " + id);
  return true;
}

export function abortSession(o: Options): boolean {
  const id = ai.sessionInUse(o.session);
  if (id === undefined) {
    printError("No conversation to stop: this computer has none yet (use -s <id> for another session).");
    return false;
  }
  if (withClient((c) => c.abort(id)) === undefined) return false;
  print("Stopped " + id);
  return true;
}

/** The versions of ai, libai and the bridge module (or the line saying it is missing). */
export function showVersion(): boolean {
  const [bridge, missing] = ai.bridgeVersion();
  if (bridge !== undefined) {
    print("ai " + VERSION + " (libai " + ai.version + ", libai_bridge " + bridge + ")");
  } else {
    print("ai " + VERSION + " (libai " + ai.version + ")");
    print(missing);
  }
  return true;
}

type TuiAction = "toast" | "append" | "submit" | "clear" | "command";

/** --toast, --append, --submit, --clear, --command: drive a TUI attached to the server. */
export function tuiControl(o: Options, action: TuiAction): boolean {
  if ((action === "toast" || action === "append" || action === "command") && o.text === "") {
    printError(`--${action} needs a value: ai --${action} <${action === "command" ? "name" : "text"}>`);
    return false;
  }
  const done = withClient((c) => {
    if (action === "toast") return c.showToast(o.text);
    if (action === "append") return c.appendPrompt(o.text);
    if (action === "submit") return c.submitPrompt();
    if (action === "clear") return c.clearPrompt();
    return c.executeCommand(o.text);
  });
  if (done === undefined) return false;
  if (!done) {
    printError("The server did not pass it on: is a TUI attached to it (opencode attach)?");
    return false;
  }
  // the server answers true with or without a TUI: that it was sent is all that is known
  print(string.upper(string.sub(action, 1, 1)) + string.sub(action, 2) + " sent (shown if a TUI is attached)");
  return true;
}
