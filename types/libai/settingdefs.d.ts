/** @noSelfInFile */
export interface Config {
    url: string;
    username: string;
    password: string;
    sessionId: string;
    agent: string;
    model: string;
    variant: string;
    directory: string;
    /** Seconds to wait for a whole reply. */
    timeout: number;
    /** Seconds between polls. */
    pollInterval: number;
    /** opencc-bridge's WebSocket URL (ws://host:4097/cc); empty: this computer serves no tools. */
    bridgeUrl: string;
    bridgeToken: string;
    /** What the agent may do here through the bridge: read, act, lua (comma-separated). */
    tools: string;
}
interface SettingDef {
    key: keyof Config;
    name: string;
    description: string;
    type: "string" | "number" | "boolean";
    default: string | number | boolean;
}
export declare const SETTINGS: SettingDef[];
/** Where ai remembers this computer's own conversation between runs. */
export declare const CONVERSATION_SETTING = "opencc.conversation";
/** The same for each other opencc.directory: a table of directory -> session id. */
export declare const CONVERSATIONS_SETTING = "opencc.conversations";
/** settings.define for every opencc.* setting (once). */
export declare function defineSettings(): void;
export {};
