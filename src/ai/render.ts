// Prints a reply as it streams in: each completed line is rendered (light markdown), word-wrapped
// to the terminal and paged like textutils.pagedPrint. The text is already in the CC charset.
// Colour terminals get colours; monochrome ones the same layout in the current colours. The
// unfinished last line is previewed as it grows (liveline.ts).
import { LiveLine } from "./liveline";

export interface PrinterOptions {
  colour: boolean;
  paged: boolean;
  width: number;
  height: number;
}

// Blit colour characters: 0 white, 1 orange, 3 lightBlue, 4 yellow, 7 grey, 8 lightGrey, 9 cyan.
const HEADING = "4";
const BOLD = "1";
const CODE = "3";
const QUOTE = "8";
const DIM = "7";
const LINK = "9";
const BULLET = "\x07";
const BAR = string.char(149) + " "; // a bar down the left of the cell: quotes

function blitOf(c: number): string {
  let k = 0;
  while (2 ** k < c) k++;
  return string.sub("0123456789abcdef", k + 1, k + 1);
}

/** Inline markdown of one line -> the text without markers and one colour character per byte. */
function inline(s: string, base: string, strong: string): LuaMultiReturn<[string, string]> {
  const text: string[] = [];
  const fg: string[] = [];
  const emit = (t: string, c: string): void => {
    text.push(t);
    fg.push(string.rep(c, t.length));
  };
  const n = s.length;
  let i = 1;
  let bold = false;
  let drop = 0; // the closing star of an *emphasis*
  while (i <= n) {
    const c = string.sub(s, i, i);
    if (i === drop) {
      i++;
      continue;
    }
    if (c === "`") {
      const [, te] = string.find(s, "^`+", i);
      const [cs, ce] = string.find(s, string.sub(s, i, te), te + 1, true);
      if (cs !== undefined) {
        emit(string.sub(s, te + 1, cs - 1), CODE);
        i = ce + 1;
        continue;
      }
    } else if (string.sub(s, i, i + 1) === "**") {
      if (bold || string.find(s, "**", i + 2, true)[0] !== undefined) {
        bold = !bold;
        i += 2;
        continue;
      }
    } else if (c === "*") {
      const [em] = string.match(s, "^%*([^%s*][^*]-)%*", i);
      if (em !== undefined && string.find(em, "%s$")[0] === undefined) {
        drop = i + em.length + 1;
        i++;
        continue;
      }
    } else if (c === "[" || c === "!") {
      const [a, b, label] = string.find(s, "^!?%[([^%]]*)%]%([^%s%)]*%)", i);
      if (a !== undefined) {
        emit(label as string, LINK);
        i = b + 1;
        continue;
      }
    }
    const [p] = string.find(s, "[`*%[!]", i + 1);
    const e = p === undefined ? n : p - 1;
    emit(string.sub(s, i, e), bold ? strong : base);
    i = e + 1;
  }
  return $multi(table.concat(text), table.concat(fg));
}

export class ReplyPrinter {
  private pending = "";
  private page = 0;
  private inCode = false;
  private started = false;
  private blank = false;
  private readonly base: string;
  private readonly bg: string;
  private readonly live: LiveLine;

  constructor(private readonly opts: PrinterOptions) {
    this.base = blitOf(term.getTextColour());
    this.bg = blitOf(term.getBackgroundColour());
    this.live = new LiveLine(opts.width);
  }

  /** Text as it grows: prints each completed line; shows the incomplete last line as it grows. */
  push(delta: string): void {
    this.pending = this.pending + delta;
    while (true) {
      const [s] = string.find(this.pending, "\n", 1, true);
      if (s === undefined) break;
      const line = string.sub(this.pending, 1, s - 1);
      this.pending = string.sub(this.pending, s + 1);
      this.live.clear();
      this.line(line);
    }
    if (this.pending === "" || this.inCode) return;
    const room = this.opts.paged ? this.opts.height - 2 - this.page : this.opts.height - 2;
    this.live.show(this.pending, room);
  }

  /** Takes the preview of the unfinished line down (other output comes); the next push shows it again. */
  hold(): void {
    this.live.clear();
  }

  /** Prints what is left. */
  finish(): void {
    this.live.clear();
    if (this.pending !== "") this.line(this.pending);
    this.pending = "";
  }

  private line(src: string): void {
    let [l] = string.gsub(src, "\r", "");
    [l] = string.gsub(l, "\t", "    ");
    const w = this.opts.width;
    const fence = string.match(l, "^%s*```")[0] ?? string.match(l, "^%s*~~~")[0];
    if (fence !== undefined) {
      this.inCode = !this.inCode;
      return;
    }
    if (this.inCode) {
      const code = string.sub(l, 1, w);
      this.emit(code, string.rep(CODE, code.length));
      return;
    }
    if (string.find(l, "^%s*$")[0] !== undefined) {
      this.blank = this.started; // printed only if more text follows: no blank runs, none at the ends
      return;
    }
    const [hashes, heading] = string.match(l, "^(#+)%s+(.-)[%s#]*$");
    if (hashes !== undefined && hashes.length <= 6) {
      const [t, f] = inline(heading, HEADING, HEADING);
      this.wrap(t, f, "", "");
      return;
    }
    if (string.find(l, "^%s*([-*_])%s*%1%s*%1[-*_%s]*$")[0] !== undefined) {
      this.emit(string.rep("-", w), string.rep(DIM, w));
      return;
    }
    const [quote] = string.match(l, "^%s*>%s?(.*)$");
    if (quote !== undefined) {
      const [t, f] = inline(quote, QUOTE, BOLD);
      this.wrap(BAR + t, DIM + DIM + f, BAR, DIM + DIM);
      return;
    }
    let [indent, mark, rest] = string.match(l, "^(%s*)([-*+])%s+(.*)$");
    if (mark !== undefined) mark = BULLET;
    else [indent, mark, rest] = string.match(l, "^(%s*)(%d+[.)])%s+(.*)$");
    if (mark !== undefined) {
      const pad = string.rep(" ", math.min(indent.length, math.floor(w / 4)));
      const [t, f] = inline(rest, this.base, BOLD);
      const prefix = pad + mark + " ";
      const cont = string.rep(" ", prefix.length);
      this.wrap(prefix + t, string.rep(this.base, prefix.length) + f, cont, cont);
      return;
    }
    const [t, f] = inline(l, this.base, BOLD);
    this.wrap(t, f, "", "");
  }

  /** Word-wraps like CC's write: continuation lines start with `cont` (a hanging indent). */
  private wrap(text: string, fg: string, cont: string, contFg: string): void {
    const w = this.opts.width;
    const n = text.length;
    let a = 1;
    let i = 1;
    let first = true;
    const flush = (e: number): void => {
      this.emit((first ? "" : cont) + string.sub(text, a, e), (first ? "" : contFg) + string.sub(fg, a, e));
      first = false;
      const [, sp] = string.find(text, "^ *", e + 1);
      a = sp + 1;
      i = a;
    };
    while (i <= n) {
      const avail = first ? w : w - cont.length;
      const [, sp] = string.find(text, "^ *", i);
      const [, we] = string.find(text, "^[^ ]*", sp + 1);
      if (we - a + 1 <= avail) i = we + 1;
      else if (i > a && we - sp <= w - cont.length) flush(i - 1);
      else flush(a + avail - 1);
    }
    if (a <= n || first) flush(n);
  }

  /** One screen line, then a newline that scrolls (and pages) like print. */
  private emit(text: string, fg: string): void {
    const h = this.opts.height;
    const [x] = term.getCursorPos();
    if (x > 1) this.newline(h);
    if (this.blank) {
      this.blank = false;
      this.emit("", "");
    }
    this.started = true;
    if (this.opts.paged && this.page >= h - 1) {
      // a screenful since the reply began (or the last key): as textutils.pagedPrint, a prompt on
      // the bottom line, a key, then carry on there
      const [, y] = term.getCursorPos();
      term.write("Press any key to continue");
      os.pullEvent("key");
      term.clearLine();
      term.setCursorPos(1, y);
      this.page = 0;
    }
    if (this.opts.colour) term.blit(text, fg, string.rep(this.bg, text.length));
    else term.write(text);
    this.page++;
    this.newline(h);
  }

  private newline(h: number): void {
    const [, y] = term.getCursorPos();
    if (y < h) {
      term.setCursorPos(1, y + 1);
      return;
    }
    term.scroll(1);
    term.setCursorPos(1, h);
  }
}
