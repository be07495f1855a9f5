// The answer to one user message as opencode's event stream tells it, between two looks. A
// look (GET /message) shows a text part empty until its step ends; the stream says each piece
// as the model writes it: a text part starts (message.part.updated, text ""), grows by
// message.part.delta, and ends (message.part.updated with the whole text). Only a part whose
// start was heard is grown from deltas, so a missed piece never shows as a wrong text: that
// part waits for its end, or for the look that reads it.
import type { Message, MessageInfo, Part } from "libai/api";
import type { Heard } from "libai/listen";

/** One event of the server's stream, as the bridge relays it (opencode 1.18.33). */
export interface ServerEvent {
  type: string;
  properties: {
    info?: MessageInfo;
    part?: Part;
    messageID?: string;
    partID?: string;
    field?: string;
    delta?: string;
    status?: { type: string };
  };
}

/** The synthetic event for "news may have been missed": a look reads what it was. */
export const GAP: ServerEvent = { type: "opencc.gap", properties: {} };

function byId(this: void, a: { id: string }, b: { id: string }): boolean {
  return a.id < b.id;
}

export class LiveAnswer {
  private readonly messages = new LuaTable<string, Message>();
  private readonly order: string[] = [];

  constructor(private readonly messageID: string) {}

  /** Takes one event; what the wait should do about it. */
  apply(e: ServerEvent): Heard {
    const p = e.properties;
    if (e.type === "message.updated" && p.info !== undefined) return this.message(p.info);
    if (e.type === "message.part.updated" && p.part !== undefined) return this.part(p.part);
    if (e.type === "message.part.delta") return this.delta(p.messageID, p.partID, p.field, p.delta);
    if (e.type === "session.status") return p.status?.type === "idle" ? "idle" : "nothing";
    if (e.type === "session.idle" || e.type === "session.error") return "idle";
    if (e.type === GAP.type) return "look";
    // A permission or question asked: the wait's look finds the running tool and answers it.
    const [kind] = string.match(e.type, "^(%a+)%.");
    return kind === "permission" || kind === "question" ? "look" : "nothing";
  }

  private message(info: MessageInfo): Heard {
    if (info.role !== "assistant" || info.parentID !== this.messageID) return "nothing";
    const known = this.messages.get(info.id);
    if (known === undefined) {
      this.messages.set(info.id, { info, parts: [] });
      this.order.push(info.id);
    } else known.info = info;
    return info.time.completed !== undefined || info.error !== undefined ? "look" : "nothing";
  }

  private part(part: Part): Heard {
    const m = this.messages.get(part.messageID);
    if (m === undefined) return "nothing";
    if (part.type === "tool") return "look";
    if (part.type !== "text") return "nothing";
    const i = m.parts.findIndex((x) => x.id === part.id);
    if (i >= 0) m.parts[i] = part;
    else {
      m.parts.push(part);
      table.sort(m.parts, byId);
    }
    return part.text !== undefined && part.text !== "" ? "text" : "nothing";
  }

  private delta(messageID?: string, partID?: string, field?: string, delta?: string): Heard {
    const m = messageID !== undefined ? this.messages.get(messageID) : undefined;
    if (m === undefined || field !== "text" || delta === undefined || delta === "") return "nothing";
    const part = m.parts.find((x) => x.id === partID);
    if (part === undefined) return "nothing";
    part.text = (part.text ?? "") + delta;
    return "text";
  }

  /** The looks' answers, each text part as long as the stream has told it, then answers only heard of. */
  merge(answers: Message[]): Message[] {
    const out: Message[] = [];
    const seen = new LuaTable<string, boolean>();
    for (const m of answers) {
      seen.set(m.info.id, true);
      const live = this.messages.get(m.info.id);
      out.push(live !== undefined ? { info: m.info, parts: overlay(m.parts, live.parts) } : m);
    }
    for (const id of this.order) {
      const live = this.messages.get(id);
      if (!seen.get(id) && live.parts.length > 0) out.push(live);
    }
    return out;
  }
}

/** A look's parts with the longer text the stream told for each, and the text parts it has not yet. */
function overlay(looked: Part[], heard: Part[]): Part[] {
  if (heard.length === 0) return looked;
  const parts: Part[] = [];
  const seen = new LuaTable<string, boolean>();
  for (const p of looked) {
    seen.set(p.id, true);
    const h = heard.find((x) => x.id === p.id);
    const lookText = p.text ?? "";
    const longer = h !== undefined && (h.text ?? "").length > lookText.length;
    // The look's text is the truth once it has any: it is the whole part, the stream only a prefix.
    parts.push(longer && string.sub(h.text!, 1, lookText.length) === lookText ? { ...p, text: h.text } : p);
  }
  for (const h of heard) if (!seen.get(h.id)) parts.push(h);
  table.sort(parts, byId);
  return parts;
}
