// libai's internal surface as this module sees it: filled in once by attach (index.ts) with the
// table libai hands over, so the bridge uses libai's settings, errors, websocket and JSON, not
// copies of them. Every other file here reaches libai through `core` only.
import type { Core } from "libai/core";

export const core = {} as Core;

export function bindCore(given: Core): void {
  const into = core as unknown as LuaTable<string, unknown>;
  for (const [k, v] of pairs(given as unknown as LuaTable<string, unknown>)) into.set(k, v);
}
