// The `ai` program: `ai <prompt...>` asks and prints the reply; `ai` alone chats; flags for
// sessions, the doctor and the TUI controls (args.ts). A failed command prints one line
// (printError) and then raises an empty error, so shell.run reports failure without printing
// anything more.
import { parseArgs, usageLines } from "./args";
import { keptPrompt } from "./commands";
import { complete } from "./complete";
import { commandLine } from "./flags";
import { defineSettings } from "./settings";

defineSettings();

function dispatch(args: string[]): boolean {
  const o = parseArgs(args);
  o.typed = commandLine(args);
  if (o.error === undefined) return o.run!(o);
  printError(o.error);
  for (const line of usageLines()) print(line);
  let words = false;
  for (const a of args) if (string.sub(a, 1, 1) !== "-") words = true;
  if (words) keptPrompt(o.typed);
  return false;
}

export function run(...args: string[]): void {
  // Tab completion for the next command lines (cheap: it reads a cache file).
  if (shell !== undefined) shell.setCompletionFunction(shell.getRunningProgram(), complete);
  if (!dispatch(args)) error("", 0);
}
