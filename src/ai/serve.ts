// The bridge in ai: `ai --serve` keeps this computer serving the agent's tool calls (reconnecting
// with backoff); a prompt asked while opencc.bridge_url is set is served beside, so the agent
// can act here while it answers, and is told which computer is asking.
import * as ai from "libai";
import type { CallOutcome } from "libai";
import { clearOverlay } from "./screen";

/** A line on its own (cut to the width when `cut`, else wrapped). */
function line(text: string, colour: number, cut = false): void {
  clearOverlay();
  const [w] = term.getSize();
  const [x, y] = term.getCursorPos();
  // The spinner may stand on this line: start it afresh.
  if (x !== 1) print();
  else {
    term.clearLine();
    term.setCursorPos(1, y);
  }
  const old = term.getTextColour();
  if (term.isColour()) term.setTextColour(colour);
  print(cut && text.length > w ? string.sub(text, 1, w - 2) + ".." : text);
  term.setTextColour(old);
}

/** One dim line per tool call served, such as "> turtle: dig". */
export function showCall(summary: string, outcome: CallOutcome): void {
  if (outcome.refused === true) line("> " + summary + " (refused)", colours.orange, true);
  else if (!outcome.ok) line("> " + summary + " (failed)", colours.red, true);
  else line("> " + summary, colours.lightGrey, true);
}

/** ai --serve: serves until Ctrl+T; false (after one line) when it cannot. */
export function serveCommand(): boolean {
  const [cfg, problem] = ai.protect(() => ai.config());
  if (cfg === undefined) {
    printError(problem);
    return false;
  }
  if (cfg.bridgeUrl === "") {
    printError("opencc.bridge_url is not set: set opencc.bridge_url ws://host:4097/cc (ask the server's owner)");
    return false;
  }
  const [ok, thrown, msg] = pcall(() =>
    ai.serve({
      reconnect: true,
      onCall: showCall,
      onStatus: (l: string) => {
        line(l, colours.lightGrey);
      },
    }),
  );
  if (!ok) {
    if (thrown === "Terminated") {
      print("Stopped serving.");
      return true;
    }
    printError(tostring(thrown));
    return false;
  }
  printError(tostring(msg));
  return false;
}

/**
 * Runs ask(system) while serving the bridge beside it, when opencc.bridge_url is set. With a bad
 * setting it just asks: ask's own error line names the setting.
 */
export function withBridge<T>(ask: (system?: string) => T): T {
  const [cfg] = ai.protect(() => ai.config());
  if (cfg === undefined || cfg.bridgeUrl === "") return ask();
  const [conn, msg] = ai.bridge();
  if (conn === undefined) {
    line("Not serving the bridge: " + tostring(msg), colours.orange);
    return ask();
  }
  let result: T | undefined;
  parallel.waitForAny(
    () => {
      result = ask(conn.note());
    },
    () => {
      // Ctrl+T belongs to the prompt (it stops the generation): serving just ends.
      pcall(() => conn.serve(showCall));
      while (true) os.pullEventRaw("opencc_bridge_done");
    },
  );
  conn.close();
  return result as T;
}
