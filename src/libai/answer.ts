// The answer to one user message U as the looks at the session have shown it so far. The answer
// to U is every assistant message whose parentID is U (tool steps end with finish "tool-calls",
// then the final step). A look reads the newest messages only, no more than follow U: a window
// of the answers known so far plus one, widened only when something new may lie before it, so
// what a look costs does not grow with the session's history.
import type { Message } from "./api";
import { observeId } from "./ids";

export class Answer {
  /** The answer's messages, oldest first. */
  ordered: Message[] = [];
  /** How many messages the next look asks for. */
  limit = 2;
  /** Whether a look has shown U itself (the server holds the prompt). */
  sawUserMessage = false;
  /** A user message newer than U, which the server may answer instead. */
  newerUser = false;
  /** Whether the last look saw everything from U on. */
  reachedStart = false;
  private readonly byId = new LuaTable<string, Message>();
  private count = 0;
  /** Answers seen in a window that reached back to U: nothing hides before them. */
  private readonly contiguous = new LuaTable<string, boolean>();

  constructor(private readonly messageID: string) {}

  /** Takes in one look (the newest `limit` messages, oldest first). */
  take(list: Message[]): void {
    const u = this.messageID;
    const oldest = list[0];
    // Nothing can hide before the window when it holds the whole session, starts at or before
    // U, or starts with an answer seen in such a window before.
    const reached =
      list.length < this.limit || oldest === undefined || oldest.info.id <= u || this.contiguous.get(oldest.info.id);
    for (const m of list) {
      observeId(m.info.id);
      if (m.info.id === u) {
        this.sawUserMessage = true;
      } else if (m.info.role === "assistant" && m.info.parentID === u) {
        this.put(m);
        if (reached) this.contiguous.set(m.info.id, true);
      } else if (m.info.role === "user" && m.info.id > u) {
        this.newerUser = true;
      }
    }
    this.reachedStart = reached;
    // The answers known and one more; before any, U and its first answer.
    this.limit = reached ? math.max(this.count + 1, 2) : this.limit * 2;
  }

  /**
   * The last message of a run, from the blocking request: completes the answer when every step
   * before it has been seen; false when a look from U on is still needed.
   */
  takeLast(last: Message): boolean {
    const known = this.contiguous.get(last.info.id);
    this.put(last);
    if (known) return true;
    this.limit = this.count + 1;
    this.reachedStart = false;
    return false;
  }

  private put(m: Message): void {
    if (this.byId.get(m.info.id) === undefined) this.count++;
    this.byId.set(m.info.id, m);
    const ordered: Message[] = [];
    for (const [, each] of pairs(this.byId)) ordered.push(each);
    table.sort(ordered, (a, b) => a.info.id < b.info.id);
    this.ordered = ordered;
  }

  /** What a look can show moving before any text does: steps, their parts, their end. */
  shape(): string {
    const m = this.last();
    if (m === undefined) return "";
    return `${this.count}:${m.parts.length}:${m.info.finish ?? ""}:${m.info.time.completed ?? ""}`;
  }

  last(): Message | undefined {
    return this.ordered[this.ordered.length - 1];
  }

  /**
   * Whether the newest step is about to end: its text is written (opencode shows a text part
   * only when its step ends) or its finish is set, but it is not complete yet. The server then
   * completes it within a few hundred ms (measured: 200-280 ms with opencode 1.18.33), so a
   * quick look then catches the end without looking often the rest of the time.
   */
  ending(): boolean {
    const m = this.last();
    if (m === undefined || m.info.time.completed !== undefined) return false;
    if (m.info.finish !== undefined && m.info.finish !== "tool-calls") return true;
    for (const p of m.parts) {
      if (p.type === "text" && p.time !== undefined && p.time.end !== undefined) return true;
    }
    return false;
  }
}
