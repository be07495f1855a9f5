// `ai --help` (fits 51 columns, paged) and the `help ai` page (the build writes the same list to
// ai.txt), around the flags' help lines from args.ts.

/** The `help ai` page. */
export function helpPage(options: string[]): string {
  return table.concat(
    [
      "ai talks to an opencode agent (opencode serve) from this computer.",
      "",
      table.concat(options, "\n"),
      "",
      "Flags come before the prompt; -- ends them. Tab completes flags, agents, models and session ids.",
      "",
      "Settings (set <name> <value>): opencc.server_url (e.g. http://host:4096), opencc.password, opencc.agent, opencc.model, opencc.session_id, opencc.directory, opencc.paged. ai --doctor checks them. The agent acts through this computer when opencc.bridge_url and opencc.bridge_token name an opencc-bridge; opencc.tools (read, act, lua) says what it may do.",
      "",
      'Programs can use the library too: local ai = require("libai"); print(ai.ask("hello"))',
    ],
    "\n",
  );
}

/** `ai --help`. */
export function printHelp(options: string[]): boolean {
  const [, y] = term.getCursorPos();
  textutils.pagedPrint(
    "ai - talk to an opencode agent\n" +
      table.concat(options, "\n") +
      "\nSettings: set opencc.server_url http://host:4096\nMore: help ai, ai --doctor",
    math.max(y - 2, 0),
  );
  return true;
}
