// Chat-sized messages: whole paragraphs while they fit, else lines, else sentences, else words;
// a span cut in two keeps its style on both sides. Sizes are UTF-8 bytes (at least the
// characters the player sees), so a message never outgrows the limit.
import type { Line, Span } from "./markdown";

/** About four lines of Minecraft chat. */
export const MESSAGE_BYTES = 240;
/** A reply is cut after this many messages (a note says so): chat is shared by everyone. */
export const MAX_MESSAGES = 20;

export type Message = Line[];

function lineBytes(line: Line): number {
  let n = 0;
  for (const s of line) n += s.text.length;
  return n;
}

function isContinuation(b: number | undefined): boolean {
  return b !== undefined && b >= 0x80 && b <= 0xbf;
}

/** Where to end the first piece of `text` (at most `limit` bytes): a sentence end, a space, or a character boundary. */
function cutAt(text: string, limit: number): number {
  const head = string.sub(text, 1, limit + 1);
  let best: number | undefined;
  // Position captures are numbers (typed as strings).
  for (const [at] of string.gmatch(head, "[.!?:;]()%s")) {
    const pos = at as unknown as number;
    if (pos - 1 <= limit && pos - 1 >= limit / 3) best = pos - 1;
  }
  if (best !== undefined) return best;
  for (const [at] of string.gmatch(head, "()%s")) {
    const pos = at as unknown as number;
    if (pos - 1 <= limit && pos > 1) best = pos - 1;
  }
  if (best !== undefined && best > 0) return best;
  // No space: cut, but not inside a UTF-8 character.
  let cut = limit;
  while (cut > 1 && isContinuation(string.byte(text, cut + 1))) cut--;
  return cut;
}

/** Splits one over-long line into lines of at most `limit` bytes. */
export function splitLine(line: Line, limit: number): Line[] {
  const out: Line[] = [];
  let current: Span[] = [];
  let used = 0;
  const queue: Span[] = [...line];
  while (queue.length > 0) {
    const span = queue.shift()!;
    if (used + span.text.length <= limit) {
      current.push(span);
      used += span.text.length;
      continue;
    }
    const room = limit - used;
    // On an empty line cutAt always finds at least one character, so this ends.
    const cut = room > 0 ? cutAt(span.text, room) : 0;
    if (current.length > 0 && (cut <= 0 || cut < room / 3)) {
      // Too little fits beside what is there: this span starts the next line.
      out.push(current);
      current = [];
      used = 0;
      table.insert(queue, 1, span);
      continue;
    }
    current.push({ ...span, text: string.sub(span.text, 1, cut) });
    out.push(current);
    current = [];
    used = 0;
    const [rest] = string.gsub(string.sub(span.text, cut + 1), "^%s+", "");
    if (rest !== "") table.insert(queue, 1, { ...span, text: rest });
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Paragraphs packed into messages: whole paragraphs together while they fit. */
export function splitMessages(paragraphs: Line[][], limit: number = MESSAGE_BYTES): Message[] {
  const messages: Message[] = [];
  let current: Line[] = [];
  let used = 0;
  const flush = (): void => {
    if (current.length > 0) messages.push(current);
    current = [];
    used = 0;
  };
  const add = (line: Line): void => {
    // A line break between lines costs a byte.
    const n = lineBytes(line) + (current.length > 0 ? 1 : 0);
    if (used + n > limit) flush();
    current.push(line);
    used += lineBytes(line) + (current.length > 1 ? 1 : 0);
  };
  for (const paragraph of paragraphs) {
    let size = 0;
    for (const line of paragraph) size += lineBytes(line) + 1;
    // Start a paragraph on a new message rather than split it, when it would fit one.
    if (current.length > 0 && used + size > limit && size <= limit) flush();
    for (const line of paragraph) {
      if (lineBytes(line) > limit) {
        for (const piece of splitLine(line, limit)) add(piece);
      } else add(line);
    }
  }
  flush();
  return messages;
}
