// libai_bridge.lua, the bridge's CC side: this computer as a tool of the agent through
// opencc-bridge. Not required by programs: libai loads it on the first ai.bridge() or ai.serve()
// (libai's modules.ts) and calls attach with its core, so `require("libai")` alone carries none
// of this code.
import type { Core } from "libai/core";
import type { BridgeModule } from "libai/bridgetypes";
import { bindCore } from "./core";
import { connectBridge } from "./connect";
import { serveBridge } from "./reconnect";

export { version } from "./version";

/** Binds the module to libai's core; returns what libai calls. */
export function attach(this: void, given: Core): BridgeModule {
  bindCore(given);
  return { connectBridge, serveBridge };
}
