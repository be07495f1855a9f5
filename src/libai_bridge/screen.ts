// Reading the screen back for the agent. A CC window (every program's terminal on an advanced
// computer, a multishell tab) keeps what it shows and gives it back with getLine: that is the
// player's real screen, output from before opencc ran included. The native terminal of a plain
// computer cannot be read, so while serving it is wrapped in a recorder that forwards every call
// and keeps the text written through it; the answer then says that only that much is known.

export interface ScreenText {
  /** "window": read from the screen itself; "recorded": only what was written while serving. */
  source: "window" | "recorded";
  note?: string;
  width: number;
  height: number;
  cursor: { x: number; y: number };
  lines: string[];
  /** A window's colours, blit characters ("0" white .. "f" black) for each line's characters. */
  colours?: { text: string[]; background: string[] };
}

type GetLine = (this: void, y: number) => LuaMultiReturn<[string, string, string]>;

const RECORDED_NOTE =
  "This computer's terminal is not a window (as on an advanced computer), so its screen cannot be " +
  "read back: these are only the lines written since opencc started serving; what was on the screen " +
  "before is not known.";

/** The recorders in use: their lines are a record, not the screen. */
const recorders = new LuaTable<object, boolean>();

/** Rows of text kept as a terminal of w x h cells would show them. */
function textRows(w: number, h: number) {
  const blank = string.rep(" ", w);
  const rows: string[] = [];
  for (let y = 0; y < h; y++) rows.push(blank);
  return {
    rows,
    put(x: number, y: number, text: string): void {
      if (y < 1 || y > h) return;
      let start = x;
      let t = text;
      if (start < 1) {
        t = string.sub(t, 2 - start);
        start = 1;
      }
      if (start > w) return;
      t = string.sub(t, 1, w - start + 1);
      const row = rows[y - 1];
      rows[y - 1] = string.sub(row, 1, start - 1) + t + string.sub(row, start + t.length);
    },
    clear(y?: number): void {
      if (y === undefined) for (let i = 0; i < h; i++) rows[i] = blank;
      else if (y >= 1 && y <= h) rows[y - 1] = blank;
    },
    scroll(n: number): void {
      for (let i = 0; i < math.abs(n); i++) {
        if (n > 0) {
          table.remove(rows, 1);
          rows.push(blank);
        } else {
          rows.pop();
          table.insert(rows, 1, blank);
        }
      }
    },
  };
}

/** Wraps the current terminal in a text recorder unless it can be read already; returns the undo. */
export function recordScreen(): () => void {
  const parent = term.current();
  if ((parent as unknown as { getLine?: GetLine }).getLine !== undefined) return () => {};
  const [w, h] = parent.getSize();
  const text = textRows(w, h);
  const rec = new LuaTable<string, unknown>();
  for (const [k, v] of pairs(parent as unknown as LuaTable<string, unknown>)) rec.set(k, v);
  const put = (s: string): void => {
    const [x, y] = parent.getCursorPos();
    text.put(x, y, s);
  };
  rec.set("write", (s: unknown) => {
    put(tostring(s));
    parent.write(tostring(s));
  });
  rec.set("blit", (s: string, fg: string, bg: string) => {
    put(s);
    parent.blit(s, fg, bg);
  });
  rec.set("clear", () => {
    text.clear();
    parent.clear();
  });
  rec.set("clearLine", () => {
    const [, y] = parent.getCursorPos();
    text.clear(y);
    parent.clearLine();
  });
  rec.set("scroll", (n: number) => {
    text.scroll(n);
    parent.scroll(n);
  });
  rec.set("getLine", (y: number) => text.rows[y - 1]);
  const recorder = rec as unknown as ITerminal;
  recorders.set(recorder, true);
  term.redirect(recorder);
  return () => {
    recorders.delete(recorder);
    if (term.current() === recorder) term.redirect(parent);
  };
}

/** The screen's text (trailing blanks cut), or undefined when this terminal cannot be read. */
export function readScreen(): ScreenText | undefined {
  const t = term.current();
  const getLine = (t as unknown as { getLine?: GetLine }).getLine;
  if (getLine === undefined) return undefined;
  const recorded = recorders.has(t);
  const [w, h] = t.getSize();
  const [x, y] = t.getCursorPos();
  const lines: string[] = [];
  const fgs: string[] = [];
  const bgs: string[] = [];
  for (let i = 1; i <= h; i++) {
    const [text, fg, bg] = getLine(i);
    const [trimmed] = string.gsub(text ?? "", "%s+$", "");
    lines.push(trimmed);
    fgs.push(string.sub(fg ?? "", 1, trimmed.length));
    bgs.push(string.sub(bg ?? "", 1, trimmed.length));
  }
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const screen: ScreenText = { source: recorded ? "recorded" : "window", width: w, height: h, cursor: { x, y }, lines };
  if (recorded) screen.note = RECORDED_NOTE;
  else screen.colours = { text: fgs.slice(0, lines.length), background: bgs.slice(0, lines.length) };
  return screen;
}
