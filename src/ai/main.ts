// The `ai` program: `ai <prompt...>` asks and prints the reply; `ai` alone chats; flags for
// sessions, the doctor and the TUI controls. A failed command prints one line (printError) and
// then raises an empty error, so shell.run reports failure without printing anything more.
import * as ai from "libai";
import { parseArgs, USAGE } from "./args";
import { chat } from "./chat";
import { abortSession, askOnce, deleteSession, listSessions, tuiControl } from "./commands";
import { complete } from "./complete";
import { doctor } from "./doctor";
import { printHelp } from "./help";
import { serveCommand } from "./serve";

export const VERSION = "0.1.0";

settings.define("opencc.paged", {
  description: "Page long replies in ai (wait for a key when a reply fills the screen)",
  type: "boolean",
  default: true,
});

function usage(error?: string): void {
  if (error !== undefined) printError(error);
  printError(USAGE[0]);
  for (let i = 1; i < USAGE.length; i++) print(USAGE[i]);
}

function dispatch(args: string[]): boolean {
  const o = parseArgs(args);
  if (o.error !== undefined) {
    usage(o.error);
    if (o.action === "ask" && o.text !== "") print("Your prompt was kept: ai " + o.text);
    return false;
  }
  switch (o.action) {
    case "ask":
      return askOnce(o);
    case "chat":
      chat(o);
      return true;
    case "sessions":
      return listSessions(o);
    case "delete":
      return deleteSession(o.text);
    case "abort":
      return abortSession(o);
    case "doctor":
      return doctor({ agent: o.agent, model: o.model });
    case "serve":
      return serveCommand();
    case "help":
      printHelp();
      return true;
    case "version":
      print("ai " + VERSION + " (libai " + ai.version + ")");
      return true;
    default:
      return tuiControl(o);
  }
}

export function run(...args: string[]): void {
  // Tab completion for the next command lines (cheap: it reads a cache file).
  if (shell !== undefined) shell.setCompletionFunction(shell.getRunningProgram(), complete);
  if (!dispatch(args)) error("", 0);
}
