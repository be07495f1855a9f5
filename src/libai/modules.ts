// The parts of opencc that a computer loads only when it uses them: libai_bridge.lua, the
// bridge's CC side, is required on the first ai.bridge() or ai.serve(), so every other program
// that requires libai (aichat, a player's own) pays nothing for it. It is found where libai was
// (the same require path) and gets the core's internal surface (core.ts) when it loads.
import type { BridgeEntry, BridgeModule } from "./bridgetypes";
import { core, version } from "./core";
import { fail } from "./errors";

const BRIDGE_MODULE = "libai_bridge";
const REINSTALL = "run the opencc installer again (wget run <url>/install.lua)";

let bridge: BridgeModule | undefined;

/** The bridge module's file, required as is (its version, or nil and why it cannot load). */
export function bridgeEntry(): LuaMultiReturn<[BridgeEntry] | [undefined, string]> {
  const [ok, entry] = pcall(require, BRIDGE_MODULE);
  if (ok && type(entry) === "table") return $multi(entry as BridgeEntry);
  const why = tostring(entry);
  if (!ok && string.find(why, "module '" + BRIDGE_MODULE + "' not found", 1, true)[0] !== undefined) {
    return $multi(undefined, `${BRIDGE_MODULE}.lua is not installed beside libai.lua: ${REINSTALL}`);
  }
  const [first] = string.match(why, "^[^\n]*");
  return $multi(undefined, `${BRIDGE_MODULE}.lua does not load (${first ?? why}): ${REINSTALL}`);
}

/** The bridge module, loaded and attached on first use; a missing or stale file is one AiError line. */
export function bridgeModule(): BridgeModule {
  if (bridge !== undefined) return bridge;
  const [entry, why] = bridgeEntry();
  if (entry === undefined) return fail("not_installed", why);
  if (entry.version !== version) {
    fail("not_installed", `${BRIDGE_MODULE}.lua is version ${entry.version}, libai ${version}: ${REINSTALL}`);
  }
  bridge = entry.attach(core);
  return bridge;
}
