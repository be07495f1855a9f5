/** @noSelfInFile */
import type { Session } from "./api";
import type { Client } from "./client";
export type SessionSource = "option" | "setting" | "computer";
/** The title of this computer's own conversation: it names the computer's id and label. */
export declare function computerTitle(): string;
/** The conversation remembered for `directory` ("" for the server's own project). */
export declare function rememberedConversation(directory: string): string | undefined;
export declare function rememberConversation(id: string | undefined, directory: string): void;
/** Creates a session, and learns the server's clock from the time it stamps on it. */
export declare function createSession(client: Client, title?: string, parentID?: string, deadline?: number): Session;
export interface ChosenSession {
    id: string;
    source: SessionSource;
    /** Made just now for this prompt: nothing else can be running there. */
    created?: boolean;
}
/** This computer's conversation: found by title, or made (fresh=true always makes one). */
export declare function computerSession(client: Client, fresh: boolean, deadline?: number): string;
/** An explicit session wins; asking for a fresh conversation also wins over a pinned one. */
export declare function chooseSession(client: Client, option: string | undefined, pinned: string, fresh: boolean, deadline?: number): ChosenSession;
