// The server's news for this computer's waits, relayed by opencc-bridge from opencode's event
// stream (which CC cannot read). A wait asks the bridge to watch its session with the
// computer's own credential; the bridge checks it with the server and only then relays that
// session's events. Until the bridge says yes, after a gap in its stream, and once the
// connection is gone, the wait polls as it would without the bridge.
import type { Message } from "libai/api";
import type { Heard, Listener } from "libai/listen";
import { core } from "./core";
import { GAP, LiveAnswer, ServerEvent } from "./live";

/** The event that wakes the waits when news has come. */
const NEWS_EVENT = "opencc_bridge_news";

const RANK: { [h: string]: number } = { nothing: 0, text: 1, look: 2, idle: 3 };

export interface BridgeNews {
  type?: string;
  session?: string;
  ok?: boolean;
  event?: ServerEvent;
}

class Watch {
  /** asked: the bridge has not answered; live: its news flows; off: polling from now on. */
  state: "asked" | "live" | "off" = "asked";
  heard: ServerEvent[] = [];
  readonly answer: LiveAnswer;

  constructor(
    readonly sessionID: string,
    messageID: string,
  ) {
    this.answer = new LiveAnswer(messageID);
  }

  /** Waits up to `seconds` (news ends it sooner), then takes what was heard. */
  wait(seconds: number): Heard {
    const deadline = os.epoch("utc") + seconds * 1000;
    // News for another wait on this computer wakes this one too: it waits on.
    while (this.heard.length === 0 && core.waitEvent(NEWS_EVENT, deadline));
    let heard: Heard = "nothing";
    const events = this.heard;
    this.heard = [];
    for (const e of events) {
      const h = this.answer.apply(e);
      if (RANK[h] > RANK[heard]) heard = h;
    }
    return heard;
  }

  hear(e: ServerEvent): void {
    this.heard.push(e);
    os.queueEvent(NEWS_EVENT);
  }
}

/** The watches of one connection: the Listener libai's waits use while it is open. */
export class Watches implements Listener {
  private watches: Watch[] = [];
  private open = true;

  constructor(private readonly send: (this: void, msg: object) => void) {}

  readonly listen: Listener["listen"] = (sessionID, messageID, auth) => {
    if (!this.open) return undefined;
    const w = new Watch(sessionID, messageID);
    this.watches.push(w);
    this.send({ type: "watch", session: sessionID, auth: auth ?? "" });
    return {
      wait: (seconds) => w.wait(seconds),
      live: () => w.state === "live",
      merge: (answers: Message[]) => w.answer.merge(answers),
      close: () => {
        this.unwatch(w);
      },
    };
  };

  private unwatch(w: Watch): void {
    let others = false;
    const rest: Watch[] = [];
    for (const x of this.watches) {
      if (x === w) continue;
      rest.push(x);
      if (x.sessionID === w.sessionID) others = true;
    }
    this.watches = rest;
    if (!others && this.open) this.send({ type: "unwatch", session: w.sessionID });
  }

  /** Takes a message from the bridge meant for the watches; false when it is something else. */
  receive(msg: BridgeNews): boolean {
    if (msg.type !== "watching" && msg.type !== "event" && msg.type !== "gap") return false;
    for (const w of this.watches) {
      if (w.sessionID !== msg.session || w.state === "off") continue;
      if (msg.type === "watching") w.state = msg.ok === true ? "live" : "off";
      else if (msg.type === "gap") {
        // Events in the gap are lost: a look reads what they were, and polling goes on from here.
        w.state = "off";
        w.hear(GAP);
      } else if (w.state === "live" && msg.event !== undefined) w.hear(msg.event);
    }
    return true;
  }

  /** The connection is gone: every wait looks at once and polls from then on. */
  close(): void {
    this.open = false;
    for (const w of this.watches) {
      if (w.state === "off") continue;
      w.state = "off";
      w.hear(GAP);
    }
  }
}
