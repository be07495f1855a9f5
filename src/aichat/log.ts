// What the server owner sees: one line per prompt on the computer's screen (time, player, length,
// seconds, outcome), the same lines in a log file that never grows past LOG_BYTES (the older half
// is kept as <file>.old), and the full wording of failures the players only see in short.
import * as ai from "libai";

export const LOG_FILE = "/aichat.log";
/** A CC computer has 1 MB of disk: the log and its .old copy take at most twice this. */
export const LOG_BYTES = 32768;

function stamp(): string {
  return os.date("%H:%M:%S");
}

function toFile(line: string): void {
  if (fs.exists(LOG_FILE) && fs.getSize(LOG_FILE) + line.length + 1 > LOG_BYTES) {
    if (fs.exists(LOG_FILE + ".old")) fs.delete(LOG_FILE + ".old");
    fs.move(LOG_FILE, LOG_FILE + ".old");
  }
  const [f] = fs.open(LOG_FILE, "a");
  if (!f) return;
  f.writeLine(line);
  f.close();
}

function show(line: string, colour: number): void {
  if (term.isColour()) term.setTextColour(colour);
  print(line);
  if (term.isColour()) term.setTextColour(colours.white);
}

/** The line for one prompt: "12:00:01 Steve 42 ch 3.1 s ok". */
export function logPrompt(player: string, length: number, seconds: number, outcome: string, failed: boolean): void {
  const line = string.format("%s %s %d ch %.1f s %s", stamp(), player, length, seconds, outcome);
  show(line, failed ? colours.red : colours.white);
  toFile(line);
}

/** Anything else worth a line: a refused player, a dropped message, a failure's full wording (UTF-8 or CC text). */
export function logInfo(text: string, failed = false): void {
  const line = stamp() + " " + ai.toCC(text);
  show(line, failed ? colours.red : colours.lightGrey);
  toFile(line);
}
