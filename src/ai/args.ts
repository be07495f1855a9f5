// The command line: flags (anywhere before `--`; `--flag=value` works too) and prompt words.
// A bad command line gives CC's usual "Usage: ..." lines instead of running anything.

export type Action =
  | "ask" // prompt words given
  | "chat" // nothing to do but talk: interactive chat
  | "sessions"
  | "delete"
  | "abort"
  | "doctor"
  | "toast"
  | "append"
  | "submit"
  | "clear"
  | "command"
  | "help"
  | "version"
  | "serve";

export interface Options {
  action: Action;
  /** The prompt (or the text for --toast/--append/--command), words joined by spaces. */
  text: string;
  newSession: boolean;
  session?: string;
  agent?: string;
  model?: string;
  variant?: string;
  sync: boolean;
  raw: boolean;
  /** Set when the command line is wrong: one line saying what. */
  error?: string;
}

// Short and long names -> option key. Value flags take the next word.
const VALUE_FLAGS: { [flag: string]: string } = {
  "-s": "session",
  "--session": "session",
  "-a": "agent",
  "--agent": "agent",
  "-m": "model",
  "--model": "model",
  "--variant": "variant",
  "--delete": "delete",
  "--toast": "toast",
  "--append": "append",
  "--command": "command",
};

const SWITCHES: { [flag: string]: string } = {
  "-n": "new",
  "--new": "new",
  "--sync": "sync",
  "--raw": "raw",
  "--sessions": "sessions",
  "--abort": "abort",
  "--doctor": "doctor",
  "--submit": "submit",
  "--clear": "clear",
  "--serve": "serve",
  "-h": "help",
  "--help": "help",
  "-?": "help",
  "-v": "version",
  "--version": "version",
};

const ACTIONS: { [key: string]: Action } = {
  delete: "delete",
  toast: "toast",
  append: "append",
  command: "command",
  sessions: "sessions",
  abort: "abort",
  doctor: "doctor",
  submit: "submit",
  clear: "clear",
  help: "help",
  version: "version",
  serve: "serve",
};

/** Actions whose text is the flag's value plus any further words (`ai --toast hello world`). */
const TEXT_ACTIONS: { [a: string]: boolean } = { toast: true, append: true, command: true };

/** A word that looks like a flag (not "-" alone, not a negative number). */
function isFlag(word: string): boolean {
  return string.sub(word, 1, 1) === "-" && word.length > 1 && string.find(word, "^%-%d")[0] === undefined;
}

export function parseArgs(args: string[]): Options {
  const o: Options = { action: "chat", text: "", newSession: false, sync: false, raw: false };
  const words: string[] = [];
  let action: Action | undefined;
  let actionValue: string | undefined;
  const setAction = (a: Action, value?: string): void => {
    if (action !== undefined && action !== a)
      o.error =
        o.error ??
        "Only one of --sessions, --delete, --abort, --doctor, --serve, --toast, --append, --submit, --clear, --command at a time";
    action = a;
    actionValue = value;
  };
  let i = 0;
  let flagsDone = false;
  while (i < args.length) {
    let word = args[i];
    i++;
    if (flagsDone || !isFlag(word)) {
      words.push(word);
      continue;
    }
    if (word === "--") {
      flagsDone = true;
      continue;
    }
    let inline: string | undefined;
    const [name, rest] = string.match(word, "^(%-%-[^=]+)=(.*)$");
    if (name !== undefined) {
      word = name;
      inline = rest;
    }
    const key = VALUE_FLAGS[word];
    if (key !== undefined) {
      let value = inline;
      if (value === undefined) {
        if (i >= args.length) {
          o.error = o.error ?? word + " needs a value";
          continue;
        }
        value = args[i];
        i++;
      }
      if (key === "session") o.session = value;
      else if (key === "agent") o.agent = value;
      else if (key === "model") o.model = value;
      else if (key === "variant") o.variant = value;
      else setAction(ACTIONS[key], value);
      continue;
    }
    const sw = SWITCHES[word];
    if (sw === undefined || inline !== undefined) {
      o.error = o.error ?? "Unknown option " + word;
      continue;
    }
    if (sw === "new") o.newSession = true;
    else if (sw === "sync") o.sync = true;
    else if (sw === "raw") o.raw = true;
    else setAction(ACTIONS[sw]);
  }
  if (action === undefined) {
    o.action = words.length > 0 ? "ask" : "chat";
    o.text = table.concat(words, " ");
  } else {
    o.action = action;
    if (TEXT_ACTIONS[action]) {
      const all: string[] = [];
      if (actionValue !== undefined) all.push(actionValue);
      for (const w of words) all.push(w);
      o.text = table.concat(all, " ");
    } else {
      o.text = actionValue ?? "";
      if (words.length > 0 && action !== "help" && action !== "version") {
        o.error = o.error ?? "--" + action + " takes no prompt";
      }
    }
  }
  if (o.action === "chat" && o.raw) o.error = o.error ?? "--raw needs a prompt";
  return o;
}

/** CC-style usage lines (the first is printError'd, like CC's own programs). */
export const USAGE = [
  "Usage: ai <prompt>",
  "       ai [-n] [-s id] [-a agent] [-m p/m] [--variant v] [--sync] [--raw] <prompt>",
  "       ai --sessions | --delete <id> | --abort | --doctor | --serve",
  "       ai --toast <msg> | --append <text> | --submit | --clear | --command <name>",
  "       ai            (chat)   ai --help   ai --version",
];
