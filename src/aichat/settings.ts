// The opencc.chat_* settings: defined with a description, type and default (so `set` shows and
// checks them), read and validated into one ChatConfig. The server settings are libai's.

export interface ChatConfig {
  /** What a chat message starts with to be a prompt (default "@ai"). */
  prefix: string;
  /** The prefix's word without its sign: "$ai" (hidden) becomes this after Advanced Peripherals strips "$". */
  word: string;
  /** The bot's name in front of its messages. */
  name: string;
  /** Replies to everyone instead of the asker only. */
  public: boolean;
  /** "ask": permission requests and questions go to the player; "reject": refused at once. */
  permissions: "ask" | "reject";
  /** Lower-case player names allowed to ask; empty: everyone. */
  players: string[];
  /** Prompts per player per minute; 0: no limit. */
  rate: number;
  /** Longest prompt in characters. */
  maxPrompt: number;
  /** Seconds between the bot's chat messages: the Chat Box's cooldown on this server. */
  cooldown: number;
}

interface Def {
  name: string;
  type: "string" | "number" | "boolean";
  default: string | number | boolean;
  description: string;
}

export const CHAT_SETTINGS: Def[] = [
  {
    name: "opencc.chat_prefix",
    type: "string",
    default: "@ai",
    description: "aichat: a chat message starting with this is a prompt ($ai <prompt> works too, hidden)",
  },
  { name: "opencc.chat_name", type: "string", default: "AI", description: "aichat: the bot's name in chat" },
  {
    name: "opencc.chat_public",
    type: "boolean",
    default: false,
    description: "aichat: replies go to everyone (false: to the asker only; hidden prompts always privately)",
  },
  {
    name: "opencc.chat_permissions",
    type: "string",
    default: "ask",
    description: "aichat: ask: the agent's permission requests and questions go to the player; reject: refused",
  },
  {
    name: "opencc.chat_players",
    type: "string",
    default: "",
    description: "aichat: players allowed to ask, separated by commas or spaces; empty: everyone",
  },
  {
    name: "opencc.chat_rate",
    type: "number",
    default: 6,
    description: "aichat: prompts per player per minute; 0: no limit",
  },
  {
    name: "opencc.chat_max_prompt",
    type: "number",
    default: 200,
    description: "aichat: longest prompt in characters (Minecraft chat allows 256)",
  },
  {
    name: "opencc.chat_cooldown",
    type: "number",
    default: 1,
    description:
      "aichat: seconds between its messages, the Chat Box's cooldown on this server (Advanced Peripherals' chatBoxCooldown, 1 by default)",
  },
];

export function defineChatSettings(): void {
  for (const s of CHAT_SETTINGS) {
    settings.define(s.name, { description: s.description, type: s.type, default: s.default });
  }
}

function get<T extends string | number | boolean>(name: string): T {
  let def = CHAT_SETTINGS[0];
  for (const s of CHAT_SETTINGS) if (s.name === name) def = s;
  const value = settings.get(name) as unknown;
  if (value === undefined) return def.default as T;
  if (type(value) !== def.type) {
    error(`${name} must be a ${def.type}, not ${tostring(value)}: set ${name} ${tostring(def.default)}`, 0);
  }
  return value as T;
}

/** The settings, validated: a bad value raises one line naming the setting and the fix. */
export function readChatConfig(): ChatConfig {
  const prefix = get<string>("opencc.chat_prefix");
  const [word] = string.gsub(prefix, "^[^%w]+", "");
  if (word === "" || string.find(prefix, "%s")[0] !== undefined) {
    error(`opencc.chat_prefix "${prefix}" needs a word and no spaces: set opencc.chat_prefix @ai`, 0);
  }
  const permissions = get<string>("opencc.chat_permissions");
  if (permissions !== "ask" && permissions !== "reject") {
    error(`opencc.chat_permissions is "${permissions}": set opencc.chat_permissions ask (or reject)`, 0);
  }
  const players: string[] = [];
  for (const [p] of string.gmatch(get<string>("opencc.chat_players"), "[^,%s]+")) players.push(string.lower(p));
  const rate = get<number>("opencc.chat_rate");
  if (rate < 0) error(`opencc.chat_rate must be 0 or more prompts a minute: set opencc.chat_rate 6`, 0);
  const maxPrompt = get<number>("opencc.chat_max_prompt");
  if (maxPrompt < 1) error(`opencc.chat_max_prompt must be positive: set opencc.chat_max_prompt 200`, 0);
  const cooldown = get<number>("opencc.chat_cooldown");
  if (cooldown < 0) error(`opencc.chat_cooldown must be 0 or more seconds: set opencc.chat_cooldown 1`, 0);
  return {
    prefix,
    word,
    name: get<string>("opencc.chat_name"),
    public: get<boolean>("opencc.chat_public"),
    permissions,
    players,
    rate,
    maxPrompt,
    cooldown,
  };
}
