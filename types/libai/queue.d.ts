/** @noSelfInFile */
import type { Client } from "./client";
/**
 * Runs fn when every earlier caller with the same key has finished. `late()` raises the error
 * for a turn that did not come by the deadline.
 */
export declare function withTurn<T>(key: string, deadline: number, late: () => never, fn: () => T): T;
/**
 * Waits until the session is idle on the server (another client may be running a prompt there),
 * asking less often as the wait grows. `late()` raises the error for a deadline that passed.
 */
export declare function waitUntilIdle(client: Client, sessionID: string, deadline: number, pollInterval: number, late: () => never): void;
