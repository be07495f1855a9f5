/** @noSelfInFile */
import type { BridgeEntry, BridgeModule } from "./bridgetypes";
/** The bridge module's file, required as is (its version, or nil and why it cannot load). */
export declare function bridgeEntry(): LuaMultiReturn<[BridgeEntry] | [undefined, string]>;
/** The bridge module, loaded and attached on first use; a missing or stale file is one AiError line. */
export declare function bridgeModule(): BridgeModule;
