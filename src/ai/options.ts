// What a parsed `ai` command line holds: its own file so that args.ts (which parses it) and the
// commands it dispatches to (chat, commands, doctor) can all name it without importing each other.
export interface Options {
  /** The prompt (or the text of --toast, --append, --command, the id of --delete). */
  text: string;
  newSession: boolean;
  session?: string;
  agent?: string;
  model?: string;
  variant?: string;
  sync: boolean;
  /** --raw: the reply's plain text and nothing else (no spinner, colours or tool lines). */
  plain: boolean;
  /** What to do; undefined until parsed (then: ask, or chat with no prompt). */
  run?: (this: void, o: Options) => boolean;
  /** The command line as typed, to print back after a failure. */
  typed: string;
  /** Set when the command line is wrong: one line saying what. */
  error?: string;
}
