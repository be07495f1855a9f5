/** @noSelfInFile */
import type { Client } from "./client";
/** Counts a wait in until the returned function is called. */
export declare function joinCrowd(): () => void;
export declare function crowded(): boolean;
/** Seconds to the next tick of the computer's clock. */
export declare function toNextTick(interval: number): number;
/** Whether a wait in a crowd should look at its session now (it is not busy, or not looked at for long). */
export declare function worthALook(client: Client, sessionID: string, deadline: number, interval: number, lastLook: number): boolean;
