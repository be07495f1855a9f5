/** @noSelfInFile */
export interface Subscription {
    /** Waits up to `seconds`; true when the server said something moved (look now). */
    wait: (this: void, seconds: number) => boolean;
    close: (this: void) => void;
}
export interface Listener {
    /** Starts hearing a session's news; undefined when it cannot now (the wait polls alone). */
    listen: (this: void, sessionID: string) => Subscription | undefined;
}
/** Plugs a listener in (undefined: polling alone). */
export declare function setListener(l: Listener | undefined): void;
/** What a wait for a session pauses on: the listener's subscription, or a plain pause. */
export declare function listen(sessionID: string): Subscription;
