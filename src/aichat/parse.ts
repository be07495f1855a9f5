// What a chat message asks of the bot: nothing (not for us), a command, or a prompt.
// Advanced Peripherals hides a message starting with "$" from the other players and hands it to
// the computer with every "$" removed and isHidden set, so "$ai hello" arrives as "ai hello".
import type { ChatConfig } from "./settings";

export type Command = "help" | "new" | "stop" | "yes" | "always" | "no" | "pick";

export interface Parsed {
  command?: Command;
  /** The option number of "@ai 2". */
  pick?: number;
  /** The prompt (or the words after the prefix, for a command). */
  text: string;
  hidden: boolean;
}

const COMMANDS: { [word: string]: Command } = {
  help: "help",
  new: "new",
  stop: "stop",
  yes: "yes",
  y: "yes",
  always: "always",
  no: "no",
  n: "no",
};

function after(message: string, lead: string): string | undefined {
  const n = lead.length;
  if (string.lower(string.sub(message, 1, n)) !== string.lower(lead)) return undefined;
  const rest = string.sub(message, n + 1);
  if (rest !== "" && string.find(rest, "^%s")[0] === undefined) return undefined;
  return string.match(rest, "^%s*(.-)%s*$")[0] ?? "";
}

/** The message as the bot reads it, or undefined when it is not addressed to the bot. */
export function parseChat(message: string, hidden: boolean, cfg: ChatConfig): Parsed | undefined {
  let text = after(message, cfg.prefix);
  // Hidden: "$" already stripped by Advanced Peripherals (some versions keep it).
  if (text === undefined && hidden) text = after(message, cfg.word) ?? after(message, "$" + cfg.word);
  if (text === undefined) return undefined;
  const word = string.lower(text);
  const command = COMMANDS[word];
  if (command !== undefined) return { command, text, hidden };
  if (string.find(word, "^%d+$")[0] !== undefined) return { command: "pick", pick: tonumber(word), text, hidden };
  if (text === "") return { command: "help", text, hidden };
  return { text, hidden };
}
