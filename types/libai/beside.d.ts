/** @noSelfInFile */
/** Waits `seconds` on a timer, raising TERMINATED on Ctrl+T (sleep() would lose that event). */
export declare function pause(seconds: number): void;
/** What the side task gets: its own pause, a wrapper for its requests, and whether to stop. */
export interface SideControl {
    /** Waits like pause(); ends the side task at once when the main task has ended. */
    pause: (this: void, seconds: number) => void;
    /** Runs one request of the side task: it is never dropped while one runs. */
    request: <T>(this: void, fn: () => T) => T;
    stopped: (this: void) => boolean;
}
/**
 * Runs main() and side() together; returns what main returns (or raises what it raises) as
 * soon as the side task is not in a request (it may be pausing, or in a callback waiting for the
 * player: it is dropped there). Errors of the side task are dropped.
 */
export declare function runBeside<T>(main: () => T, side: (this: void, control: SideControl) => void): T;
