// Interactive chat (`ai` with no prompt): read() with history, slash commands (one table: run,
// /help and Tab are built from it), the agent and the session in the prompt line. Ctrl+T leaves:
// during a reply, after libai aborted the generation on the server ("Cancelled"); at the prompt,
// at once.
import { choice } from "cc.completion";
import * as ai from "libai";
import type { Options } from "./options";
import { ask, AskSettings } from "./ask";
import { withBridge } from "./serve";
import { cachedNames } from "./cache";
import { updateCompletion } from "./commands";
import { inColour, printIn } from "./screen";
import { printSessions } from "./sessions";

/** What the next prompt is sent with (AskSettings), and the session the last reply came from. */
interface ChatState extends AskSettings {
  /** Chosen with -s or /session; otherwise libai picks (opencc.session_id, then ours). */
  session?: string;
  lastSession?: string;
  newSession: boolean;
}

interface ChatCommand {
  names: string[];
  /** The argument's name in /help; with `values`, what completes it. */
  value?: string;
  values?: string;
  help: string;
  run: (this: void, st: ChatState, arg: string) => void;
  /** The command leaves the chat. */
  leaves?: true;
}

function info(text: string): void {
  printIn(colours.lightGrey, text);
}

/** The session the next prompt goes to, as far as is known without the server. */
function sessionOf(st: ChatState): string | undefined {
  return st.newSession ? undefined : (st.session ?? st.lastSession ?? ai.sessionInUse());
}

function useSession(st: ChatState, arg: string): void {
  if (string.find(arg, "^ses_")[0] === undefined) {
    printError("Usage: /session <id> (ses_...; /sessions lists them)");
    return;
  }
  const [s, msg] = ai.protect(() => ai.client().session(arg));
  if (s === undefined) {
    printError(msg);
    return;
  }
  st.session = s.id;
  st.newSession = false;
  info("Continuing " + s.id + ": " + ai.toCC(s.title));
}

function useModel(st: ChatState, arg: string): void {
  if (arg !== "" && string.find(arg, "^[^/]+/.+$")[0] === undefined) {
    printError("Usage: /model <provider/model>, e.g. /model anthropic/claude-sonnet-4");
    return;
  }
  st.model = arg !== "" ? arg : undefined;
  info(st.model !== undefined ? "Model: " + st.model : "Model: the default");
}

function abort(st: ChatState): void {
  const id = st.session ?? st.lastSession ?? ai.sessionInUse();
  if (id === undefined) {
    printError("No conversation to stop yet.");
    return;
  }
  const [, msg] = ai.protect(() => ai.client().abort(id));
  if (msg !== undefined) printError(msg);
  else info("Stopped " + id);
}

const COMMANDS: ChatCommand[] = [
  {
    names: ["/new"],
    help: "start a new conversation",
    run: (st) => {
      st.session = undefined;
      st.lastSession = undefined;
      st.newSession = true;
      info("Next message starts a new conversation.");
    },
  },
  {
    names: ["/sessions"],
    help: "list sessions",
    run: (st) => {
      const [list, msg] = ai.protect(() => ai.client().sessions());
      if (list === undefined) printError(msg);
      else printSessions(list, sessionOf(st));
    },
  },
  { names: ["/session"], value: "<id>", values: "sessions", help: "continue that session", run: useSession },
  {
    names: ["/agent"],
    value: "<name>",
    values: "agents",
    help: "who answers (/agent alone: default)",
    run: (st, arg) => {
      st.agent = arg !== "" ? arg : undefined;
      info(st.agent !== undefined ? "Agent: " + st.agent : "Agent: the default");
    },
  },
  { names: ["/model"], value: "<p/m>", values: "models", help: "which model (/model alone: default)", run: useModel },
  { names: ["/abort"], help: "stop the session's generation", run: abort },
  {
    names: ["/help"],
    help: "this list",
    run: () => {
      showHelp();
    },
  },
  { names: ["/exit", "/quit"], help: "leave (or Ctrl+T)", run: () => undefined, leaves: true },
];

function showHelp(): void {
  for (const c of COMMANDS) {
    const head = table.concat(c.names, ", ") + (c.value !== undefined ? " " + c.value : "");
    info(head + string.rep(" ", math.max(1, 16 - head.length)) + c.help);
  }
}

function find(name: string): ChatCommand | undefined {
  for (const c of COMMANDS) for (const n of c.names) if (n === name) return c;
  return undefined;
}

/** For read()'s completeFn: slash commands, and the values of /agent, /model, /session. */
export function completeChat(line: string): string[] {
  const [name, arg] = string.match(line, "^(/%a+) +(%S*)$");
  if (name !== undefined) {
    const values = find(name)?.values;
    return values !== undefined ? choice(arg, cachedNames(values), false) : [];
  }
  if (string.find(line, "^/%S*$")[0] === undefined) return [];
  const names: string[] = [];
  for (const c of COMMANDS) names.push(c.names[0] + (c.value !== undefined ? " " : ""));
  return choice(line, names, false);
}

/** A slash command; returns false to leave the chat. */
function command(line: string, st: ChatState): boolean {
  const [name, arg] = string.match(line, "^(/%S+)%s*(.-)%s*$");
  const c = name !== undefined ? find(name) : undefined;
  if (c === undefined) {
    printError("Unknown command " + (name ?? line) + ": type /help");
    return true;
  }
  c.run(st, arg ?? "");
  return c.leaves !== true;
}

function promptLine(st: ChatState): void {
  const [cfg] = ai.protect(() => ai.config());
  const configured = cfg !== undefined ? (cfg.agent ?? "") : "";
  const agent = st.agent ?? (configured !== "" ? configured : "ai");
  const id = sessionOf(st);
  inColour(colours.yellow, () =>
    write(agent + " " + (id === undefined ? "new" : id.length > 10 ? ".." + string.sub(id, -6) : id)),
  );
  inColour(colours.white, () => write("> "));
}

export function chat(o: Options): boolean {
  const st: ChatState = {
    session: o.session,
    newSession: o.newSession,
    agent: o.agent,
    model: o.model,
    variant: o.variant,
    sync: o.sync,
  };
  const history: string[] = [];
  info("Chat with opencode: /help for commands, /exit or Ctrl+T to leave.");
  while (true) {
    promptLine(st);
    const [ok, line] = pcall(() => read(undefined, history, completeChat));
    if (!ok) {
      print();
      return true; // Ctrl+T at the prompt: leave
    }
    const text = string.match(line, "^%s*(.-)%s*$")[0] ?? "";
    if (text === "") continue;
    if (history[history.length - 1] !== text) history.push(text);
    if (string.sub(text, 1, 1) === "/") {
      if (!command(text, st)) return true;
      continue;
    }
    const outcome = withBridge((system) => ask(text, { ...st, system }));
    if (outcome.cancelled === true) return true; // Ctrl+T during a reply: aborted on the server; leave
    if (outcome.ok) {
      if (st.lastSession === undefined) updateCompletion();
      st.newSession = false;
      st.lastSession = outcome.reply!.sessionID;
    } else {
      printError(outcome.error ?? "No reply");
      info("Your prompt is kept: press Up to edit it and try again.");
    }
  }
}
