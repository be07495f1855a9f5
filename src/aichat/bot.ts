// The bot: chat messages in, read as a chat command (help, new, stop, an answer to the agent) or
// a prompt for the player's queue (worker.ts); the "thinking…" note for a quiet prompt. Replies
// and notes leave through speak.ts, the agent's requests are asked in answers.ts.
import * as ai from "libai";
import type { Client } from "libai";
import { answer, refuseWaiting } from "./answers";
import { logInfo } from "./log";
import { parseChat } from "./parse";
import { player, Player, setSession } from "./players";
import type { ChatConfig } from "./settings";
import { tell } from "./speak";
import { spawn } from "./tasks";
import { Asking, enqueue } from "./worker";

export const HELP_LINES = [
  "<prefix> <prompt>: ask (your own conversation; $<word> <prompt> asks privately)",
  "<prefix> new: start a new conversation",
  "<prefix> stop: stop the reply you are waiting for",
  "<prefix> yes / always / no: answer the agent's permission request; <prefix> 2: pick an option",
];

export class Bot implements Asking {
  constructor(
    readonly cfg: ChatConfig,
    readonly client: Client,
  ) {}

  /** A "chat" event: (username, message, uuid, isHidden). */
  onChat(name: string, message: string, uuid: string | undefined, hidden: boolean): void {
    const parsed = parseChat(message, hidden, this.cfg);
    if (parsed === undefined) return;
    const p = player(uuid ?? name, name);
    const cfg = this.cfg;
    if (cfg.players.length > 0 && !listed(cfg.players, string.lower(name))) {
      tell(p, "Sorry, this AI only answers the players its owner listed.", "yellow");
      logInfo(`${name} is not in opencc.chat_players`);
      return;
    }
    switch (parsed.command) {
      case "help": {
        // One message: every message waits out the Chat Box's cooldown.
        const [lines] = string.gsub(
          string.gsub(table.concat(HELP_LINES, "\n"), "<prefix>", cfg.prefix)[0],
          "<word>",
          cfg.word,
        );
        tell(p, lines);
        return;
      }
      case "new":
        setSession(p, undefined);
        tell(
          p,
          p.busy
            ? "The reply in progress goes on; your next prompt starts a new conversation."
            : "Your next prompt starts a new conversation.",
        );
        return;
      case "stop":
        this.stop(p);
        return;
      case "yes":
      case "always":
      case "no":
      case "pick":
        if (p.awaiting !== undefined) {
          answer(cfg, p, parsed.command, parsed.pick);
          return;
        }
        break; // nothing to answer: it is a prompt like any other
    }
    enqueue(this, p, parsed.text, parsed.hidden);
  }

  private stop(p: Player): void {
    if (!p.busy) {
      tell(p, "Nothing to stop.");
      return;
    }
    const dropped = p.queue.length;
    p.queue = [];
    p.stopped = true;
    refuseWaiting(p);
    if (dropped > 0) tell(p, `Dropped ${dropped} waiting prompt${dropped > 1 ? "s" : ""}.`);
    const session = p.session;
    if (session !== undefined) {
      spawn(() => {
        const [, msg] = ai.protect(() => this.client.abort(session));
        if (msg !== undefined) logInfo(`stop for ${p.name}: ${msg}`, true);
      });
    }
  }

  /** A "timer" event: the asker of a quiet prompt hears, once, that it is being worked on. */
  onThinking(p: Player): void {
    p.thinkingTimer = undefined;
    if (p.running !== undefined && !p.spoke) tell(p, "thinking\u2026");
  }
}

function listed(names: string[], name: string): boolean {
  for (const n of names) if (n === name) return true;
  return false;
}
