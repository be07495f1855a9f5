// Where the wait learns what the server is doing between two looks at the session. The core
// polls: it looks, then pauses. A module that hears the server as things happen (the bridge,
// which reads opencode's event stream) plugs a Listener in here; the wait then pauses until the
// listener says something moved, and looks at once. Any gap in what it hears only makes the wait
// look later than it could: the looks stay the source of truth.
import { pause } from "./pause";

export interface Subscription {
  /** Waits up to `seconds`; true when the server said something moved (look now). */
  wait: (this: void, seconds: number) => boolean;
  close: (this: void) => void;
}

export interface Listener {
  /** Starts hearing a session's news; undefined when it cannot now (the wait polls alone). */
  listen: (this: void, sessionID: string) => Subscription | undefined;
}

const polling: Subscription = {
  wait: (seconds) => {
    pause(seconds);
    return false;
  },
  close: () => undefined,
};

let listener: Listener | undefined;

/** Plugs a listener in (undefined: polling alone). */
export function setListener(l: Listener | undefined): void {
  listener = l;
}

/** What a wait for a session pauses on: the listener's subscription, or a plain pause. */
export function listen(sessionID: string): Subscription {
  return (listener !== undefined ? listener.listen(sessionID) : undefined) ?? polling;
}
