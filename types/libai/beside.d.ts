/** @noSelfInFile */
/** Waits `seconds` on a timer, raising TERMINATED on Ctrl+T (sleep() would lose that event). */
export declare function pause(seconds: number): void;
/** What the side task gets: its own pause, and whether the main task has ended. */
export interface SideControl {
    /** Waits like pause(); ends the side task at once when the main task has ended. */
    pause: (this: void, seconds: number) => void;
    stopped: (this: void) => boolean;
}
/**
 * Runs main() and side() together; returns what main returns (or raises what it raises) once
 * the side task is parked in its pause or has ended. Errors of the side task are dropped.
 */
export declare function runBeside<T>(main: () => T, side: (this: void, control: SideControl) => void): T;
