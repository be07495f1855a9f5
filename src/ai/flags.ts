// A program's flags, each described once: its names, its value, what it sets or does, and its
// help line. Parsing, the Usage lines, the help list and tab completion are all built from such a
// table (ai's is in args.ts), so a program with other flags (aichat, a bridge) reuses this file.
// Flags are read only before the first word of the prompt, which is prose: `ai what does rm -rf
// do` keeps its dashes. `--` ends the flags; `--flag=value` works too.

export interface Flag<O> {
  /** The short name if any, then the long one ("-s", "--session"): shown in help and completed. */
  names: string[];
  /** Further names that work but are not completed ("-?"). */
  aliases?: string[];
  /** The value's name in help and usage ("id"); none for a switch. */
  value?: string;
  /** What completes the value: a kind the program's completion knows ("sessions"). */
  values?: string;
  /** One line of help, after the names (which take 18 columns). */
  help: string;
  /** The option it sets: to its value, or to true for a switch. */
  option?: keyof O & string;
  /** What the flag does instead of the default: an action (one per command line). */
  run?: (this: void, o: O) => boolean;
  /** For an action: its text is its value and the words after the flags (--toast hello world);
   * "ignore" drops any words; otherwise words are an error. */
  words?: "join" | "ignore";
}

export interface Parsed<O> {
  /** The words from the first that is not a flag (or after --), as typed. */
  words: string[];
  /** The action chosen, and its text (its value, plus the words if it joins them). */
  action?: Flag<O>;
  text: string;
  /** One line saying what is wrong with the command line. */
  error?: string;
}

/** A word that looks like a flag (not "-" alone, not a negative number). */
function isFlag(word: string): boolean {
  return string.sub(word, 1, 1) === "-" && word.length > 1 && string.find(word, "^%-%d")[0] === undefined;
}

function find<O>(flags: Flag<O>[], name: string): Flag<O> | undefined {
  for (const f of flags) {
    for (const n of f.names) if (n === name) return f;
    for (const n of f.aliases ?? []) if (n === name) return f;
  }
  return undefined;
}

function actionNames<O>(flags: Flag<O>[]): string {
  const names: string[] = [];
  for (const f of flags) if (f.run !== undefined && f.words !== "ignore") names.push(f.names[0]);
  return table.concat(names, ", ");
}

/** Reads the flags into `o`; the rest of args is the prompt. */
export function parseFlags<O>(flags: Flag<O>[], args: string[], o: O): Parsed<O> {
  const out: Parsed<O> = { words: [], text: "" };
  let value: string | undefined;
  let i = 0;
  while (i < args.length && isFlag(args[i])) {
    let name = args[i];
    i++;
    if (name === "--") break;
    const [long, inline] = string.match(name, "^(%-%-[^=]+)=(.*)$");
    if (long !== undefined) name = long;
    const flag = find(flags, name);
    if (flag === undefined || (flag.value === undefined && inline !== undefined)) {
      out.error = "Unknown option " + name;
      break;
    }
    let v = inline ?? "";
    if (flag.value !== undefined && inline === undefined) {
      if (i >= args.length) {
        out.error = name + " needs a value";
        break;
      }
      v = args[i];
      i++;
    }
    if (flag.run !== undefined) {
      if (out.action !== undefined && out.action !== flag)
        out.error = out.error ?? `Only one of ${actionNames(flags)} at a time`;
      out.action = flag;
      value = flag.value !== undefined ? v : undefined;
    }
    if (flag.option !== undefined)
      (o as unknown as LuaTable<string, unknown>).set(flag.option, flag.value !== undefined ? v : true);
  }
  for (let k = i; k < args.length; k++) out.words.push(args[k]);
  const action = out.action;
  if (action !== undefined && out.error === undefined) {
    const parts: string[] = value !== undefined ? [value] : [];
    if (action.words === "join") for (const w of out.words) parts.push(w);
    else if (action.words === undefined && out.words.length > 0) out.error = action.names[0] + " takes no prompt";
    out.text = table.concat(parts, " ");
  } else {
    out.text = table.concat(out.words, " ");
  }
  return out;
}

/** "-s id" or "--doctor": how a flag is written in a Usage line (its first name). */
export function synopsis<O>(f: Flag<O>): string {
  return f.names[0] + (f.value !== undefined ? " " + f.value : "");
}

/** One help line a flag: " -s, --session id use that session". */
export function helpLine<O>(f: Flag<O>): string {
  const names = table.concat(f.names, ", ") + (f.aliases !== undefined ? ", " + table.concat(f.aliases, ", ") : "");
  let head = " " + names + (f.value !== undefined ? " " + f.value : "");
  head = head.length < 18 ? head + string.rep(" ", 18 - head.length) : head + " ";
  return head + f.help;
}

/** Every name to offer on Tab. */
export function flagNames<O>(flags: Flag<O>[]): string[] {
  const names: string[] = [];
  for (const f of flags) for (const n of f.names) names.push(n);
  return names;
}

/** The kind of value the flag `name` takes (for completion), if any. */
export function valuesOf<O>(flags: Flag<O>[], name: string): string | undefined {
  return find(flags, name)?.values;
}

/** Whether the words typed after the program's name have reached the prompt (no more flags). */
export function inPrompt<O>(flags: Flag<O>[], words: string[]): boolean {
  let k = 1;
  while (k < words.length) {
    if (words[k] === "--" || !isFlag(words[k])) return true;
    k += find(flags, words[k])?.value !== undefined ? 2 : 1;
  }
  return false;
}

/** Words joined back as the shell would read them: words with spaces in quotes. */
export function commandLine(args: string[]): string {
  const out: string[] = [];
  for (const a of args) out.push(string.find(a, " ", 1, true)[0] !== undefined ? '"' + a + '"' : a);
  return table.concat(out, " ");
}
