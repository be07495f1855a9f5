// `ai --help` (fits 51 columns, paged) and the `help ai` page (the installer writes the same
// text to help/ai.txt).

const OPTIONS = table.concat(
  [
    "ai <prompt>       ask; the reply is printed",
    "ai                chat (/help there for more)",
    " -n, --new        start a new conversation",
    " -s, --session id use that session",
    " -a, --agent name who answers (build, plan, ...)",
    " -m, --model p/m  model as provider/model",
    " --variant v      model variant (e.g. high)",
    " --sync           one blocking request, no polls",
    " --raw            the reply's text only",
    " --sessions       list sessions",
    " --delete id      delete a session",
    " --abort          stop the session's generation",
    " --doctor         check settings and the server",
    " --serve          let the agent act here (bridge)",
    " --toast msg      show a toast in opencode's TUI",
    " --append text    add text to the TUI's prompt",
    " --submit/--clear submit/clear the TUI's prompt",
    " --command name   run a TUI command",
    " --version        versions of ai and libai",
  ],
  "\n",
);

/** The `help ai` page. */
export const HELP_PAGE = table.concat(
  [
    "ai talks to an opencode agent (opencode serve) from this computer.",
    "",
    OPTIONS,
    "",
    "Flags may come before or after the prompt; -- ends them. Tab completes flags, agents, models and session ids.",
    "",
    "Settings (set <name> <value>): opencc.server_url (e.g. http://host:4096), opencc.password, opencc.agent, opencc.model, opencc.session_id, opencc.paged. ai --doctor checks them. The agent acts through this computer when opencc.bridge_url and opencc.bridge_token name an opencc-bridge; opencc.tools (read, act, lua) says what it may do.",
    "",
    'Programs can use the library too: local ai = require("libai"); print(ai.ask("hello"))',
  ],
  "\n",
);

/** `ai --help`. */
export function printHelp(): void {
  const [, y] = term.getCursorPos();
  textutils.pagedPrint(
    "ai - talk to an opencode agent\n" +
      OPTIONS +
      "\nSettings: set opencc.server_url http://host:4096\nMore: help ai, ai --doctor",
    math.max(y - 2, 0),
  );
}
