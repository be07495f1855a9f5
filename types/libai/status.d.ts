/** @noSelfInFile */
import type { SessionStatus } from "./api";
import type { Client } from "./client";
export type Statuses = {
    [sessionID: string]: SessionStatus;
};
/** Every session's status as the server gave it at or after `since` (local ms). */
export declare function sessionStatuses(client: Client, deadline: number, since: number): Statuses;
