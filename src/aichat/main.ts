// `aichat`: the agent in the game chat through an Advanced Peripherals Chat Box, for every player
// of a server. The event loop reads the chat and drives the players' prompts (tasks); the send
// queue runs beside it. Ctrl+T stops the generations in flight on the server, then the program.
import * as ai from "libai";
import { Bot } from "./bot";
import { findChatBox } from "./chatbox";
import { SHORT_HELP, USAGE } from "./help";
import { logInfo } from "./log";
import { runOutbox } from "./outbox";
import { byTimer } from "./players";
import { defineChatSettings, readChatConfig } from "./settings";
import { dispatch, running } from "./tasks";

/** Filled in by the build from package.json (the one place the version lives). */
export const VERSION: string = "@VERSION@";

/** Seconds Ctrl+T waits for the players' generations to be stopped on the server. */
const STOP_WAIT = 6;
const FLAGS = ["--help", "--version"];

defineChatSettings();

function fail(line: string): never {
  printError(line);
  return error("", 0);
}

/** For shell.setCompletionFunction: aichat's flags. */
export function complete(_shell: unknown, index: number, partial: string): string[] {
  const out: string[] = [];
  if (index !== 1) return out;
  for (const f of FLAGS) {
    if (f.length > partial.length && string.sub(f, 1, partial.length) === partial)
      out.push(string.sub(f, partial.length + 1));
  }
  return out;
}

function loop(bot: Bot): void {
  let stopBy: number | undefined;
  while (true) {
    const event = [...os.pullEventRaw()] as unknown[];
    const name = event[0];
    if (stopBy !== undefined) {
      // Stopping: the tasks are aborting their generations; nothing new is taken on.
      if (name !== "terminate") dispatch(event);
      if (running() === 0 || os.epoch("utc") > stopBy) return;
      continue;
    }
    if (name === "terminate") {
      stopBy = os.epoch("utc") + STOP_WAIT * 1000;
      os.startTimer(STOP_WAIT);
      if (running() > 0) print("Stopping the replies in progress on the server...");
      dispatch(event);
      if (running() === 0) return;
      continue;
    }
    if (name === "chat" && type(event[1]) === "string" && type(event[2]) === "string") {
      bot.onChat(event[1] as string, event[2] as string, event[3] as string | undefined, event[4] === true);
    } else if (name === "timer") {
      const p = byTimer(event[1] as number);
      if (p !== undefined) bot.onThinking(p);
    }
    dispatch(event);
  }
}

export function run(...args: string[]): void {
  if (shell !== undefined) shell.setCompletionFunction(shell.getRunningProgram(), complete);
  if (args[0] === "--help" || args[0] === "-h") {
    print(SHORT_HELP);
    return;
  }
  if (args[0] === "--version") {
    print("aichat " + VERSION + " (libai " + ai.version + ")");
    return;
  }
  if (args.length > 0) fail(USAGE);
  const [ok, cfgOrError] = pcall(readChatConfig);
  if (!ok) fail(tostring(cfgOrError));
  const cfg = cfgOrError;
  const [client, problem] = ai.protect(() => ai.client());
  if (client === undefined) fail(problem);
  const [box, boxName] = findChatBox();
  if (box === undefined) {
    fail(
      "No Chat Box found: place an Advanced Peripherals Chat Box next to this computer (or on a wired modem), then run aichat again.",
    );
  }
  print(`aichat: listening on Chat Box "${boxName}" for ${cfg.prefix} <prompt> (and $${cfg.word} <prompt>, hidden).`);
  print(
    `Replies go ${cfg.public ? "to everyone" : "to the asker only"}; ${cfg.prefix} help lists the commands. Ctrl+T stops.`,
  );
  const bot = new Bot(cfg, client);
  parallel.waitForAny(
    () => {
      loop(bot);
    },
    () => {
      runOutbox(box, cfg.name, cfg.cooldown, (to, why) => {
        logInfo(`could not send to ${to}: ${why}`, true);
      });
    },
  );
  print("aichat stopped.");
}
