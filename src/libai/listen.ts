// Where the wait learns what the server is doing between two looks at the session. The core
// polls: it looks, then pauses. A module that hears the server as things happen (the bridge,
// which reads opencode's event stream) plugs a Listener in here; the wait then pauses until the
// listener says something moved, shows text as it is written, and looks only when a look has
// something to read. Any gap in what it hears only makes the wait look later than it could:
// the looks stay the source of truth.
import type { Message } from "./api";
import { pause } from "./pause";

/**
 * What a wait heard: nothing, more text (merge shows it), news a look should read, or that the
 * session went idle (a look, and the status asked as when polling: the run may have died).
 */
export type Heard = "nothing" | "text" | "look" | "idle";

export interface Subscription {
  /** Waits up to `seconds`, or until the server says something. */
  wait: (this: void, seconds: number) => Heard;
  /** True while the server's news flows: the wait needs no progress looks, only a safety one. */
  live: (this: void) => boolean;
  /** The answers as the looks saw them, with the text heard since (the looks' is empty until a step ends). */
  merge: (this: void, answers: Message[]) => Message[];
  close: (this: void) => void;
}

export interface Listener {
  /**
   * Starts hearing the answers to user message `messageID` in a session, with the credential the
   * computer itself sends to the server (auth: an Authorization header, or undefined); undefined
   * when it cannot now (the wait polls alone).
   */
  listen: (this: void, sessionID: string, messageID: string, auth: string | undefined) => Subscription | undefined;
}

const polling: Subscription = {
  wait: (seconds) => {
    pause(seconds);
    return "nothing";
  },
  live: () => false,
  merge: (answers) => answers,
  close: () => undefined,
};

let listener: Listener | undefined;

/** Plugs a listener in (undefined: polling alone). */
export function setListener(this: void, l: Listener | undefined): void {
  listener = l;
}

/** Unplugs `l` if it is the one plugged in (a newer one stays). */
export function dropListener(this: void, l: Listener): void {
  if (listener === l) listener = undefined;
}

/** What a wait for an answer pauses on: the listener's subscription, or a plain pause. */
export function listen(sessionID: string, messageID: string, auth: string | undefined): Subscription {
  return (listener !== undefined ? listener.listen(sessionID, messageID, auth) : undefined) ?? polling;
}
