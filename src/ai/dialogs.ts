// What the agent asks in game while it works: permission for a tool (y once, a always, n no) and
// questions with numbered options, each answered with one key.
import * as ai from "libai";
import type { PermissionReply, PermissionRequest, QuestionRequest, ToolActivity } from "libai";
import { fit, inColour, printIn } from "./screen";

/** Waits for one of the given characters (a char event); Ctrl+T raises "Terminated". */
function pickKey(allowed: string): string {
  while (true) {
    const [, ch] = os.pullEvent("char");
    const c = string.lower(tostring(ch));
    if (c.length === 1 && string.find(allowed, c, 1, true)[0] !== undefined) return c;
  }
}

/** The first of `keys` whose value in `t` is a string: what a tool call or permission is about. */
function firstString(t: { [k: string]: unknown }, keys: string[]): string | undefined {
  for (const k of keys) if (type(t[k]) === "string") return t[k] as string;
  return undefined;
}

/** "> bash: list files": one line for a tool call. */
export function describeTool(t: ToolActivity): string {
  let what = t.title;
  const input = t.input;
  if ((what === undefined || what === "") && input !== undefined) {
    what = firstString(input, ["description", "command", "filePath", "pattern", "url"]);
  }
  return "> " + t.tool + (what !== undefined && what !== "" ? ": " + what : "");
}

function describePermission(req: PermissionRequest): string {
  let detail = firstString(req.metadata, ["command", "description", "filepath", "filePath"]);
  if (detail === undefined && req.patterns.length > 0) detail = table.concat(req.patterns, " ");
  return ai.toCC(req.permission + (detail !== undefined ? ": " + detail : ""));
}

export function askPermission(req: PermissionRequest): PermissionReply {
  printIn(colours.yellow, "The agent wants to use " + describePermission(req));
  let key = "n";
  inColour(colours.yellow, () => {
    write("[y] once, [a] always, [n] no ");
    key = pickKey("yan");
  });
  inColour(colours.white, () => {
    print(key === "y" ? "once" : key === "a" ? "always" : "no");
  });
  return key === "y" ? "once" : key === "a" ? "always" : "reject";
}

/** The options picked, one list per question; undefined when the player answers none. */
export function askQuestions(req: QuestionRequest): string[][] | undefined {
  const [w] = term.getSize();
  const answers: string[][] = [];
  for (const q of req.questions) {
    printIn(colours.yellow, ai.toCC(q.question));
    const n = math.min(q.options.length, 9);
    let keys = "n";
    for (let i = 1; i <= n; i++) {
      const o = q.options[i - 1];
      const about = o.description !== undefined ? " - " + ai.toCC(o.description) : "";
      print(fit(" " + i + ") " + ai.toCC(o.label) + about, w));
      keys = keys + i;
    }
    write("[1-" + n + "] or [n] no answer ");
    const key = pickKey(keys);
    if (key === "n") {
      print("no");
      return undefined;
    }
    const picked = q.options[tonumber(key)! - 1].label;
    print(ai.toCC(picked));
    answers.push([picked]);
  }
  return answers;
}
