// ai's flags: the one table that parsing, the Usage lines, `ai --help`, the `help ai` page and
// tab completion are built from. Adding a flag is one entry here (and its handler, if it does
// something new).
import { chat } from "./chat";
import { abortSession, askOnce, deleteSession, listSessions, showVersion, tuiControl } from "./commands";
import { doctor } from "./doctor";
import { Flag, helpLine, parseFlags, synopsis } from "./flags";
import { helpPage, printHelp } from "./help";
import type { Options } from "./options";
import { serveCommand } from "./serve";

export const FLAGS: Flag<Options>[] = [
  { names: ["-n", "--new"], help: "start a new conversation", option: "newSession" },
  { names: ["-s", "--session"], value: "id", values: "sessions", help: "use that session", option: "session" },
  {
    names: ["-a", "--agent"],
    value: "name",
    values: "agents",
    help: "who answers (build, plan, ...)",
    option: "agent",
  },
  { names: ["-m", "--model"], value: "p/m", values: "models", help: "model as provider/model", option: "model" },
  { names: ["--variant"], value: "v", help: "model variant (e.g. high)", option: "variant" },
  { names: ["--sync"], help: "wait on one blocking request", option: "sync" },
  { names: ["--raw"], help: "the reply's text only", option: "plain" },
  { names: ["--sessions"], help: "list sessions", run: listSessions },
  { names: ["--delete"], value: "id", values: "sessions", help: "delete a session", run: (o) => deleteSession(o.text) },
  { names: ["--abort"], help: "stop the session's generation", run: abortSession },
  { names: ["--doctor"], help: "check settings and the server", run: doctor },
  { names: ["--serve"], help: "let the agent act here (bridge)", run: serveCommand },
  {
    names: ["--toast"],
    value: "msg",
    words: "join",
    help: "send a toast to opencode's TUI",
    run: (o) => tuiControl(o, "toast"),
  },
  {
    names: ["--append"],
    value: "text",
    words: "join",
    help: "add text to the TUI's prompt",
    run: (o) => tuiControl(o, "append"),
  },
  { names: ["--submit"], help: "submit the TUI's prompt", run: (o) => tuiControl(o, "submit") },
  { names: ["--clear"], help: "clear the TUI's prompt", run: (o) => tuiControl(o, "clear") },
  {
    names: ["--command"],
    value: "name",
    words: "join",
    help: "run a TUI command",
    run: (o) => tuiControl(o, "command"),
  },
  { names: ["--help"], aliases: ["-h", "-?"], words: "ignore", help: "this help", run: () => printHelp(OPTIONS) },
  { names: ["--version"], aliases: ["-v"], words: "ignore", help: "versions of ai and its modules", run: showVersion },
];

/** The help list of the flags, one line each. */
const OPTIONS = ["ai <prompt>       ask; the reply is printed", "ai                chat (/help there for more)"];
for (const f of FLAGS) OPTIONS.push(helpLine(f));

/** The `help ai` page (the build writes it to ai.txt). */
export const HELP_PAGE = helpPage(OPTIONS);

/** Fills lines of at most `width` with the pieces, the later lines indented by `indent`. */
function fill(pieces: string[], first: string, indent: string, width: number): string[] {
  const lines: string[] = [];
  let line = first;
  for (const p of pieces) {
    if (line.length + 1 + p.length > width && line !== first) {
      lines.push(line);
      line = indent;
    }
    line = line + (line === indent ? "" : " ") + p;
  }
  lines.push(line);
  return lines;
}

/** CC-style usage lines, printed with print as CC's own programs do. */
export function usageLines(): string[] {
  const options: string[] = [];
  const actions: string[] = [];
  for (const f of FLAGS) {
    if (f.run === undefined) options.push("[" + synopsis(f) + "]");
    else if (f.words !== "ignore") actions.push(synopsis(f) + " |");
  }
  options.push("<prompt>");
  actions[actions.length - 1] = string.sub(actions[actions.length - 1], 1, -3);
  const lines = ["Usage: ai <prompt>"];
  for (const l of fill(options, "       ai", "          ", 51)) lines.push(l);
  for (const l of fill(actions, "       ai", "          ", 51)) lines.push(l);
  lines.push("       ai  (chat)   ai --help   ai --version");
  return lines;
}

export function parseArgs(args: string[]): Options {
  const o: Options = { text: "", newSession: false, sync: false, plain: false, typed: "" };
  const parsed = parseFlags(FLAGS, args, o);
  o.text = parsed.text;
  o.error = parsed.error;
  o.run = parsed.action?.run ?? (parsed.words.length > 0 ? askOnce : chat);
  if (o.run === chat && o.plain) o.error = o.error ?? "--raw needs a prompt";
  return o;
}
