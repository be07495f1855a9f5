// ai --sessions (and /sessions in chat): id, age and title, newest first, fitted to the screen.
import * as ai from "libai";
import type { Session } from "libai";
import { fit, inColour, printIn } from "./screen";

/** "now", "5m", "3h", "2d", "6w" */
export function age(ms: number): string {
  const s = math.max(0, math.floor((os.epoch("utc") - ms) / 1000));
  if (s < 60) return "now";
  if (s < 3600) return math.floor(s / 60) + "m";
  if (s < 86400) return math.floor(s / 3600) + "h";
  if (s < 86400 * 14) return math.floor(s / 86400) + "d";
  return math.floor(s / 604800) + "w";
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + string.rep(" ", n - s.length);
}

/** Prints the list; `current` is marked. Returns the number of sessions. */
export function printSessions(list: Session[], current: string | undefined): number {
  const [w, h] = term.getSize();
  if (list.length === 0) {
    print("No sessions yet: ask something (ai <prompt>) to start one.");
    return 0;
  }
  // Sub-sessions (made by tools) are noise here.
  const top: Session[] = [];
  for (const s of list) if (s.parentID === undefined) top.push(s);
  // Narrow screens (pocket computers): the id on its own line(s), whole (it is what -s takes).
  const twoLines = w < 44;
  const perSession = twoLines ? 1 + math.ceil(31 / w) : 1;
  // Leave room for the shell prompt and a "more" line.
  const room = math.max(1, math.floor((h - 2) / perSession));
  const shown = math.min(top.length, top.length > room ? room - 1 : room);
  for (let i = 0; i < math.max(shown, 1) && i < top.length; i++) {
    const s = top[i];
    const mark = s.id === current ? "*" : " ";
    const title = s.title !== undefined && s.title !== "" ? ai.toCC(s.title) : "(untitled)";
    const idColour = s.id === current ? colours.lime : colours.yellow;
    if (twoLines) {
      inColour(idColour, () => {
        print(mark + s.id);
      });
      print(fit("  " + pad(age(s.time.updated), 4) + " " + title, w));
    } else {
      inColour(idColour, () => write(mark + s.id + " "));
      inColour(colours.lightGrey, () => write(pad(age(s.time.updated), 4) + " "));
      print(fit(title, w - s.id.length - 7));
    }
  }
  if (top.length > shown) printIn(colours.lightGrey, "(" + (top.length - shown) + " older not shown)");
  return top.length;
}
