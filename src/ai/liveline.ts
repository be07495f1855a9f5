// The reply's unfinished last line, shown while it is written (live replies through the bridge
// bring the text word by word): plain and word-wrapped on rows of its own, redrawn as it grows,
// and cleared when the line is done and printed with its markdown styles. Only as many rows as
// the pager allows: unread lines are never scrolled away for a preview.

/** The rows `text` takes when wrapped at spaces to `width` (a longer word is cut). */
function rowsOf(text: string, width: number): string[] {
  const rows: string[] = [];
  let row = "";
  for (const [word] of string.gmatch(text, "%S+%s*")) {
    let w = word;
    while (w.length > 0) {
      const [trimmed] = string.gsub(w, "%s+$", "");
      if (row.length + trimmed.length <= width) {
        row = row + w;
        w = "";
      } else if (row !== "") {
        rows.push(row);
        row = "";
      } else {
        rows.push(string.sub(w, 1, width));
        w = string.sub(w, width + 1);
      }
    }
  }
  if (row !== "") rows.push(row);
  return rows;
}

export class LiveLine {
  private rows = 0;

  constructor(private readonly width: number) {}

  /** Shows `text` in place of what was shown, on at most `room` rows (else nothing until it ends). */
  show(text: string, room: number): void {
    this.clear();
    const [, leading] = string.find(text, "^%s*");
    const rows = rowsOf(string.sub(text, leading + 1), this.width);
    if (rows.length === 0 || rows.length > room) return;
    const [, h] = term.getSize();
    for (let i = 0; i < rows.length; i++) {
      if (i > 0) {
        const [, y] = term.getCursorPos();
        if (y < h) term.setCursorPos(1, y + 1);
        else {
          term.scroll(1);
          term.setCursorPos(1, h);
        }
      }
      term.write(rows[i]);
    }
    this.rows = rows.length;
  }

  /** Takes the preview off the screen: the cursor is back where it began. */
  clear(): void {
    if (this.rows === 0) return;
    const [, y] = term.getCursorPos();
    const top = y - this.rows + 1;
    for (let r = top; r <= y; r++) {
      term.setCursorPos(1, r);
      term.clearLine();
    }
    term.setCursorPos(1, top);
    this.rows = 0;
  }
}
