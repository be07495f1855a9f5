// Light markdown (the agent's usual output) as styled spans, line by line, for Minecraft chat:
// headings and **bold** bold, *italic* italic, `code` and code blocks in a colour, links
// clickable, list bullets as "•". Text stays UTF-8: the component encoder escapes it for chat.

export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  url?: string;
}

/** One line of spans; a paragraph is a run of lines, paragraphs are separated by blank lines. */
export type Line = Span[];

export const CODE_COLOR = "aqua";
export const LINK_COLOR = "blue";
const HEADING_COLOR = "gold";
const BULLET = "\u2022";

interface Style {
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

function push(out: Span[], text: string, style: Style, url?: string): void {
  if (text === "") return;
  out.push({
    text,
    bold: style.bold === true ? true : undefined,
    italic: style.italic === true ? true : undefined,
    color: url !== undefined ? LINK_COLOR : style.color,
    url,
  });
}

/** The inline markup of one line as spans, in the base style. */
export function inline(line: string, base: Style = {}): Span[] {
  const out: Span[] = [];
  let plain = "";
  let i = 1;
  const n = line.length;
  const flush = (): void => {
    push(out, plain, base);
    plain = "";
  };
  while (i <= n) {
    const c = string.sub(line, i, i);
    if (c === "`") {
      const [s, e, code] = string.find(line, "^`([^`]+)`", i);
      if (s !== undefined) {
        flush();
        push(out, code as string, { ...base, color: CODE_COLOR });
        i = e + 1;
        continue;
      }
    } else if (c === "*" || c === "_") {
      const double = string.sub(line, i, i + 1) === c + c;
      const mark = double ? "%" + c + "%" + c : "%" + c;
      const [s, e, inner] = string.find(line, "^" + mark + "([^%s" + c + "][^" + c + "]-)" + mark, i);
      // Emphasis starts at a word's edge: snake_case_names and 2*3*4 stay as they are.
      const edge = i === 1 || string.find(string.sub(line, i - 1, i - 1), "[%w]")[0] === undefined;
      if (s !== undefined && edge) {
        flush();
        for (const sp of inline(inner as string, {
          ...base,
          bold: base.bold || double,
          italic: base.italic || !double,
        }))
          out.push(sp);
        i = e + 1;
        continue;
      }
    } else if (c === "[") {
      const [s, e, label, url] = string.find(line, "^%[([^%]]+)%]%((%S-)%)", i);
      if (s !== undefined) {
        flush();
        if (string.find(url as string, "^https?://")[0] !== undefined) push(out, label as string, base, url as string);
        else push(out, label as string, base);
        i = e + 1;
        continue;
      }
    }
    plain = plain + c;
    i++;
  }
  flush();
  return out;
}

/** The reply as paragraphs of lines of spans. */
export function parseMarkdown(text: string): Line[][] {
  const paragraphs: Line[][] = [];
  let current: Line[] = [];
  let inCode = false;
  const end = (): void => {
    if (current.length > 0) paragraphs.push(current);
    current = [];
  };
  const [normalised] = string.gsub(text, "\r\n?", "\n");
  for (const [raw] of string.gmatch(normalised + "\n", "([^\n]*)\n")) {
    if (string.find(raw, "^%s*```")[0] !== undefined) {
      // A code block is a paragraph of its own.
      end();
      inCode = !inCode;
      continue;
    }
    if (inCode) {
      if (raw !== "") current.push([{ text: raw, color: CODE_COLOR }]);
      continue;
    }
    const [line] = string.gsub(raw, "%s+$", "");
    if (line === "") {
      end();
      continue;
    }
    const [hashes, heading] = string.match(line, "^(#+)%s+(.*)$");
    if (hashes !== undefined) {
      end();
      current.push(inline(heading, { bold: true, color: HEADING_COLOR }));
      continue;
    }
    const [indent, item] = string.match(line, "^(%s*)[-*+]%s+(.*)$");
    if (indent !== undefined) {
      const spans = inline(item);
      table.insert(spans, 1, { text: indent + BULLET + " " });
      current.push(spans);
      continue;
    }
    current.push(inline(line));
  }
  end();
  return paragraphs;
}
