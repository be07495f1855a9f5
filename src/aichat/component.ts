// Minecraft JSON text components, as the Chat Box's sendFormattedMessage* take them. CC hands a
// Lua string to Java one byte per character (ISO-8859-1), so UTF-8 would arrive as mojibake: every
// non-ASCII character is written as a JSON \u escape instead (surrogate pairs above U+FFFF),
// which Minecraft's JSON reader turns back into the real character.
import type { Line, Span } from "./markdown";

/** A run of ASCII that needs no escape (no quote, backslash, control or high byte). */
const PLAIN_RUN = '^[^"\\%c' + string.char(0x7f) + "-" + string.char(0xff) + "]+";

function hex4(n: number): string {
  return string.format("\\u%04x", n);
}

/** The code point of the UTF-8 sequence at byte i and its length (a stray byte counts as Latin-1). */
function codePoint(s: string, i: number): LuaMultiReturn<[number, number]> {
  const b = string.byte(s, i);
  const need = b >= 0xf0 && b < 0xf8 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 1;
  if (need === 1 || b >= 0xf8) return $multi(b, 1);
  let cp = b % (need === 2 ? 0x20 : need === 3 ? 0x10 : 0x08);
  for (let k = 1; k < need; k++) {
    const c = string.byte(s, i + k);
    if (c === undefined || c < 0x80 || c > 0xbf) return $multi(b, 1);
    cp = cp * 64 + (c % 64);
  }
  return $multi(cp, need);
}

/** A JSON string literal of UTF-8 text, ASCII only. */
export function jsonString(s: string): string {
  const out: string[] = ['"'];
  let i = 1;
  while (i <= s.length) {
    const b = string.byte(s, i);
    if (b >= 0x20 && b < 0x7f) {
      // Runs of plain ASCII in one piece.
      const [, e] = string.find(s, PLAIN_RUN, i);
      if (e !== undefined) {
        out.push(string.sub(s, i, e));
        i = e + 1;
        continue;
      }
      out.push(b === 0x22 ? '\\"' : b === 0x5c ? "\\\\" : string.char(b));
      i++;
      continue;
    }
    if (b === 10) out.push("\\n");
    else if (b < 0x80) out.push(hex4(b));
    else {
      const [cp, len] = codePoint(s, i);
      if (cp >= 0x10000) {
        const v = cp - 0x10000;
        out.push(hex4(0xd800 + math.floor(v / 1024)) + hex4(0xdc00 + (v % 1024)));
      } else out.push(hex4(cp));
      i += len;
      continue;
    }
    i++;
  }
  out.push('"');
  return table.concat(out);
}

function spanJson(s: Span): string {
  const fields = ['"text":' + jsonString(s.text)];
  if (s.bold) fields.push('"bold":true');
  if (s.italic) fields.push('"italic":true');
  if (s.color !== undefined) fields.push('"color":' + jsonString(s.color));
  if (s.url !== undefined) {
    fields.push('"underlined":true');
    fields.push('"clickEvent":{"action":"open_url","value":' + jsonString(s.url) + "}");
  }
  return "{" + table.concat(fields, ",") + "}";
}

/** One chat message: lines of spans joined by line breaks, as a component's JSON. */
export function componentJson(lines: Line[]): string {
  const parts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) parts.push('{"text":"\\n"}');
    for (const s of lines[i]) parts.push(spanJson(s));
  }
  return '{"text":"","extra":[' + table.concat(parts, ",") + "]}";
}

/** A plain one-line note in a colour (status lines: queued, thinking, errors). */
export function noteJson(text: string, color: string = "gray"): string {
  return componentJson([[{ text, color }]]);
}
