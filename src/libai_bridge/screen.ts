// Reading the screen back for the agent. CC's windows (multishell tabs, advanced computers and
// turtles) have getLine; a plain terminal has no way to read it, so while serving, such a
// terminal is wrapped in a recorder that forwards every call and keeps the text it wrote.

export interface ScreenText {
  width: number;
  height: number;
  cursor: { x: number; y: number };
  lines: string[];
}

type GetLine = (this: void, y: number) => LuaMultiReturn<[string, string, string]>;

/** Wraps the current terminal in a text recorder unless it can be read already; returns the undo. */
export function recordScreen(): () => void {
  const parent = term.current();
  if ((parent as unknown as { getLine?: GetLine }).getLine !== undefined) return () => {};
  const [w, h] = parent.getSize();
  const blank = string.rep(" ", w);
  const rows: string[] = [];
  for (let y = 0; y < h; y++) rows.push(blank);
  const put = (text: string): void => {
    const [x, y] = parent.getCursorPos();
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
  };
  const rec = new LuaTable<string, unknown>();
  for (const [k, v] of pairs(parent as unknown as LuaTable<string, unknown>)) rec.set(k, v);
  rec.set("write", (text: unknown) => {
    put(tostring(text));
    parent.write(tostring(text));
  });
  rec.set("blit", (text: string, fg: string, bg: string) => {
    put(text);
    parent.blit(text, fg, bg);
  });
  rec.set("clear", () => {
    for (let y = 0; y < h; y++) rows[y] = blank;
    parent.clear();
  });
  rec.set("clearLine", () => {
    const [, y] = parent.getCursorPos();
    if (y >= 1 && y <= h) rows[y - 1] = blank;
    parent.clearLine();
  });
  rec.set("scroll", (n: number) => {
    for (let i = 0; i < math.abs(n); i++) {
      if (n > 0) {
        table.remove(rows, 1);
        rows.push(blank);
      } else {
        rows.pop();
        table.insert(rows, 1, blank);
      }
    }
    parent.scroll(n);
  });
  rec.set("getLine", (y: number) => rows[y - 1]);
  const recorder = rec as unknown as ITerminal;
  term.redirect(recorder);
  return () => {
    if (term.current() === recorder) term.redirect(parent);
  };
}

/** The screen's text (trailing blanks cut), or undefined when this terminal cannot be read. */
export function readScreen(): ScreenText | undefined {
  const t = term.current();
  const getLine = (t as unknown as { getLine?: GetLine }).getLine;
  if (getLine === undefined) return undefined;
  const [w, h] = t.getSize();
  const [x, y] = t.getCursorPos();
  const lines: string[] = [];
  for (let i = 1; i <= h; i++) {
    const [text] = getLine(i);
    const [trimmed] = string.gsub(text ?? "", "%s+$", "");
    lines.push(trimmed);
  }
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return { width: w, height: h, cursor: { x, y }, lines };
}
