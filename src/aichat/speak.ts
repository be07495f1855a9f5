// What aichat says to a player: short notes about their prompt, and the reply itself cut into
// chat-sized messages (to the asker, or to everyone when the bot is public and the prompt was not
// hidden). Everything leaves through the send queue (outbox.ts).
import { componentJson, noteJson } from "./component";
import { Line, parseMarkdown } from "./markdown";
import { say } from "./outbox";
import type { Player, Prompt } from "./players";
import type { ChatConfig } from "./settings";
import { MAX_MESSAGES, splitMessages } from "./split";

/** A note to the player (no "thinking…" note follows it for the running prompt). */
export function tell(p: Player, text: string, color = "gray"): void {
  p.spoke = true;
  say(p.name, noteJson(text, color));
}

/** The reply, in chat-sized messages, to the asker (or everyone, when public and not hidden). */
export function deliver(cfg: ChatConfig, p: Player, item: Prompt, text: string): void {
  const to = cfg.public && !item.hidden ? undefined : p.name;
  const messages = splitMessages(parseMarkdown(text !== "" ? text : "(The agent stopped without a reply.)"));
  if (to === undefined) table.insert(messages[0][0], 1, { text: "@" + p.name + " ", color: "yellow" });
  const n = math.min(messages.length, MAX_MESSAGES);
  for (let i = 0; i < n; i++) say(to, componentJson(messages[i]));
  if (messages.length > n) {
    const more: Line = [
      { text: `(${messages.length - n} more messages cut: ask for a shorter answer)`, color: "gray" },
    ];
    say(to, componentJson([more]));
  }
  p.spoke = true;
}
