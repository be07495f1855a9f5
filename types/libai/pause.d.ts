/** @noSelfInFile */
/** Waits `seconds` on a timer, raising TERMINATED on Ctrl+T. */
export declare function pause(seconds: number): void;
