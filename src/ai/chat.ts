// Interactive chat (`ai` with no prompt): read() with history, slash commands, the agent and the
// session in the prompt line. Ctrl+T leaves: during a reply, after libai aborted the generation on
// the server ("Cancelled"); at the prompt, at once.
import * as ai from "libai";
import type { Options } from "./args";
import { updateCompletion } from "./commands";
import { completeChat } from "./complete";
import { ask, AskSettings } from "./progress";
import { withBridge } from "./serve";
import { currentSession, printSessions } from "./sessions";

const HELP = [
  "/new            start a new conversation",
  "/sessions       list sessions",
  "/session <id>   continue that session",
  "/agent <name>   who answers (/agent alone: default)",
  "/model <p/m>    which model (/model alone: default)",
  "/abort          stop the session's generation",
  "/help           this list",
  "/exit           leave (or Ctrl+T)",
];

/** What the next prompt is sent with (AskSettings), and the session the last reply came from. */
interface ChatState extends AskSettings {
  /** Chosen with -s or /session; otherwise libai picks (opencc.session_id, then ours). */
  session?: string;
  lastSession?: string;
  newSession: boolean;
}

function colourOr(c: number): void {
  if (term.isColour()) term.setTextColour(c);
}

function shortId(id: string | undefined): string {
  if (id === undefined) return "new";
  return id.length > 10 ? ".." + string.sub(id, -6) : id;
}

function promptLine(st: ChatState): void {
  const session = st.newSession ? undefined : (st.session ?? st.lastSession ?? currentSession());
  const agent = st.agent ?? (settings.get("opencc.agent") as string | undefined) ?? "";
  colourOr(colours.yellow);
  write((agent !== "" ? agent : "ai") + " " + shortId(session));
  colourOr(colours.white);
  write("> ");
}

function info(text: string): void {
  colourOr(colours.lightGrey);
  print(text);
  colourOr(colours.white);
}

/** A slash command; returns false to leave the chat. */
function command(line: string, st: ChatState): boolean {
  const [name, arg] = string.match(line, "^(/%S+)%s*(.-)%s*$");
  if (name === "/exit" || name === "/quit") return false;
  if (name === "/new") {
    st.session = undefined;
    st.lastSession = undefined;
    st.newSession = true;
    info("Next message starts a new conversation.");
  } else if (name === "/sessions") {
    const [list, msg] = ai.protect(() => ai.client().sessions());
    if (list === undefined) printError(msg as string);
    else printSessions(list, st.newSession ? undefined : (st.session ?? st.lastSession ?? currentSession()));
  } else if (name === "/session") {
    if (arg === undefined || string.find(arg, "^ses_")[0] === undefined) {
      printError("Usage: /session <id> (ses_...; /sessions lists them)");
    } else {
      const [s, msg] = ai.protect(() => ai.client().session(arg));
      if (s === undefined) printError(msg as string);
      else {
        st.session = s.id;
        st.newSession = false;
        info("Continuing " + s.id + ": " + ai.toCC(s.title));
      }
    }
  } else if (name === "/agent") {
    st.agent = arg !== "" ? arg : undefined;
    info(st.agent !== undefined ? "Agent: " + st.agent : "Agent: the default");
  } else if (name === "/model") {
    if (arg !== undefined && arg !== "" && string.find(arg, "^[^/]+/.+$")[0] === undefined) {
      printError("Usage: /model <provider/model>, e.g. /model anthropic/claude-sonnet-4");
    } else {
      st.model = arg !== "" ? arg : undefined;
      info(st.model !== undefined ? "Model: " + st.model : "Model: the default");
    }
  } else if (name === "/abort") {
    const id = st.session ?? st.lastSession ?? currentSession();
    if (id === undefined) printError("No conversation to stop yet.");
    else {
      const [, msg] = ai.protect(() => ai.client().abort(id));
      if (msg !== undefined) printError(msg);
      else info("Stopped " + id);
    }
  } else if (name === "/help") {
    for (const l of HELP) info(l);
  } else {
    printError("Unknown command " + (name ?? line) + ": type /help");
  }
  return true;
}

export function chat(o: Options): void {
  const st: ChatState = {
    session: o.session,
    newSession: o.newSession,
    agent: o.agent,
    model: o.model,
    variant: o.variant,
    sync: o.sync,
  };
  const history: string[] = [];
  colourOr(colours.lightGrey);
  print("Chat with opencode: /help for commands, /exit or Ctrl+T to leave.");
  colourOr(colours.white);
  while (true) {
    promptLine(st);
    const [ok, line] = pcall(() => read(undefined, history, completeChat));
    if (!ok) {
      colourOr(colours.white);
      print();
      return; // Ctrl+T at the prompt: leave
    }
    const text = string.match(line as string, "^%s*(.-)%s*$")[0] ?? "";
    if (text === "") continue;
    if (history[history.length - 1] !== text) history.push(text);
    if (string.sub(text, 1, 1) === "/") {
      if (!command(text, st)) return;
      continue;
    }
    const outcome = withBridge((system) => ask(text, { ...st, system }));
    if (outcome.cancelled === true) return; // Ctrl+T during a reply: aborted on the server; leave
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
