// Serving the bridge for as long as the player wants (ai --serve, ai.serve): connect, serve,
// and when the bridge cannot be reached or goes away, try again with backoff (1 s, 2 s, ... 30 s).
// Refusals and settings to fix end it: trying again cannot help those.
import type { ServeOptions } from "libai/bridgetypes";
import { connectBridge } from "./connect";
import { core } from "./core";
import { recordScreen } from "./screen";

const PERMANENT: { [kind: string]: boolean } = {
  auth: true,
  bad_setting: true,
  bad_url: true,
  http_disabled: true,
  blocked: true,
};

/**
 * Serves the bridge until Ctrl+T (raises TERMINATED). Returns the error that made it stop
 * otherwise: a refusal or a setting to fix, or (without reconnect) a lost connection.
 */
export function serveBridge(this: void, opts: ServeOptions = {}): unknown {
  // Recorded across reconnections, so the screen tool sees what was printed while away.
  const restoreScreen = recordScreen();
  const [ok, result] = pcall(() => serveLoop(opts));
  restoreScreen();
  if (!ok) throw result;
  return result;
}

function serveLoop(opts: ServeOptions): unknown {
  let delay = 1;
  while (true) {
    const [ok, result] = pcall(() => connectBridge(opts));
    let problem: string;
    if (ok) {
      const conn = result;
      delay = 1;
      if (opts.onStatus !== undefined) {
        opts.onStatus(
          `Serving the bridge at ${conn.url} as computer ${conn.id}; allows ${conn.allowed.length > 0 ? conn.allowed.join(", ") : "nothing"}. Ctrl+T stops.`,
        );
      }
      problem = conn.serve(opts.onCall);
    } else {
      if (result === core.TERMINATED) throw core.TERMINATED;
      const err = result as { kind?: string; message?: string };
      if (type(result) !== "table" || PERMANENT[tostring(err.kind)] || opts.reconnect === false) return result;
      problem = tostring(err.message);
    }
    if (opts.reconnect === false) return core.aiError("unreachable", problem);
    if (opts.onStatus !== undefined) opts.onStatus(`${problem}: trying again in ${delay} s`);
    sleep(delay);
    delay = math.min(delay * 2, 30);
  }
}
