/** @noSelfInFile */
import { readConfig } from "./config";
import { aiError, fail } from "./errors";
import { openWebsocket, TERMINATED } from "./http";
import { decodeJSON, encodeJSON, jsonNull } from "./json";
import { dropListener, setListener } from "./listen";
import { waitEvent } from "./pause";
/** package.json's version: the build writes it in place of this placeholder. */
export declare const version: string;
export interface Core {
    /** libai's version: a part built from another release refuses to load. */
    version: string;
    /** The validated opencc.* settings (a bad value raises its one-line AiError). */
    readConfig: typeof readConfig;
    aiError: typeof aiError;
    fail: typeof fail;
    /** The one websocket opener (CC's http is touched only in http.ts). */
    openWebsocket: typeof openWebsocket;
    /** What Ctrl+T raises inside libai's waits. */
    TERMINATED: typeof TERMINATED;
    encodeJSON: typeof encodeJSON;
    decodeJSON: typeof decodeJSON;
    jsonNull: typeof jsonNull;
    /** Where a part that hears the server as things happen plugs in (see listen.ts). */
    setListener: typeof setListener;
    dropListener: typeof dropListener;
    /** Waits for an event or a deadline, Ctrl+T raising TERMINATED (the core's own waits do so). */
    waitEvent: typeof waitEvent;
}
export declare const core: Core;
