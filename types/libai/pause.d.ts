/** @noSelfInFile */
/** Waits `seconds` on a timer, raising TERMINATED on Ctrl+T. */
export declare function pause(seconds: number): void;
/** Waits for the event `name`, or until `deadline` (local ms); false when it passed. */
export declare function waitEvent(name: string, deadline: number): boolean;
