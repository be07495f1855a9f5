// `aichat --help` and the `help aichat` page (the installer writes the same text to help/aichat.txt).

/** The `help aichat` page. */
export const HELP_PAGE = table.concat(
  [
    "aichat puts the opencode agent in the game chat, through an Advanced Peripherals Chat Box next to this computer. Run it by hand or from startup; Ctrl+T stops it.",
    "",
    "Players type:",
    " @ai <prompt>     ask (each player has their own conversation)",
    " $ai <prompt>     ask privately (hidden from the others)",
    " @ai new          start a new conversation",
    " @ai stop         stop the reply being worked on",
    " @ai yes/always/no, @ai <n>  answer the agent",
    " @ai help         the commands",
    "",
    "Settings (set <name> <value>): opencc.server_url and opencc.password (as for ai), opencc.chat_prefix (@ai), opencc.chat_name (AI), opencc.chat_public (false: replies to the asker only), opencc.chat_permissions (ask or reject), opencc.chat_players (allowed names; empty: all), opencc.chat_rate (prompts per minute, 6), opencc.chat_max_prompt (characters, 200), opencc.chat_cooldown (seconds between messages, 1: the server's Chat Box cooldown).",
    "",
    "The screen shows a line per prompt; /aichat.log keeps them (at most 32 KB, older in /aichat.log.old).",
  ],
  "\n",
);

export const USAGE = "Usage: aichat [--help | --version]";

/** `aichat --help`: fits a 51x19 screen. */
export const SHORT_HELP = table.concat(
  [
    "aichat - the opencode agent in the game chat",
    "Needs an Advanced Peripherals Chat Box. Players:",
    " @ai <prompt>    ask ($ai <prompt>: privately)",
    " @ai new / stop  new conversation / stop reply",
    " @ai yes/no/<n>  answer the agent",
    "Settings: opencc.chat_prefix, chat_name,",
    " chat_public, chat_permissions, chat_players,",
    " chat_rate, chat_max_prompt, chat_cooldown",
    " (set shows each)",
    "More: help aichat",
  ],
  "\n",
);
