// The addresses a player's computer is given by /install: the bridge's own (files and /cc) as the
// computer reached it, and the opencode server's as players reach it. Every value ends up in Lua
// source, so each is checked against a strict shape here rather than escaped and hoped for.
import type { IncomingMessage } from "node:http";
import { isLoopback } from "./options";

export interface AddressOptions {
  /** The bridge as players reach it (https://mc.example/opencc); wins over the request's headers. */
  publicUrl?: string;
  /** opencode as players reach it; without it, the first registered server's. */
  publicOpencodeUrl?: string;
  /** The opencode servers the bridge registers with (--opencode). */
  opencode: string[];
  /** Honour X-Forwarded-Proto, -Host and -Prefix (only behind a proxy the owner runs). */
  trustProxy: boolean;
}

export interface JoinAddresses {
  /** Where the files are: <bridge>/files/ */
  base: string;
  bridgeUrl: string;
  serverUrl?: string;
}

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const PREFIX = /^(?:\/[A-Za-z0-9._~-]+)*\/?$/;

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  const first = Array.isArray(v) ? v[0] : v;
  // a proxy chain appends: the first value is the one the client used
  return first?.split(",")[0].trim() || undefined;
}

/** The bridge's public root (no trailing slash), or one line saying why it cannot be told. */
function bridgeRoot(req: IncomingMessage, o: AddressOptions): string | { error: string } {
  if (o.publicUrl !== undefined) return o.publicUrl.replace(/\/+$/, "");
  let proto = "http";
  let host = header(req, "host") ?? "";
  let prefix = "";
  if (o.trustProxy) {
    proto = header(req, "x-forwarded-proto") ?? proto;
    host = header(req, "x-forwarded-host") ?? host;
    prefix = header(req, "x-forwarded-prefix") ?? "";
  }
  if (proto !== "http" && proto !== "https") return { error: `unusable X-Forwarded-Proto ${proto}` };
  if (!HOST.test(host)) return { error: `unusable Host ${JSON.stringify(host)}` };
  if (!PREFIX.test(prefix)) return { error: `unusable X-Forwarded-Prefix ${JSON.stringify(prefix)}` };
  // CC: Tweaked before 1.90 sent Host without the port: the port is the one this request came in on.
  // (Behind a proxy the Host's lack of a port means the scheme's default, so nothing is added there.)
  const port = req.socket.localPort;
  if (!o.trustProxy && !/:\d+$/.test(host) && port !== undefined && port !== 80) host += `:${port}`;
  return `${proto}://${host}${prefix.replace(/\/$/, "")}`;
}

/** The opencode URL for players: the owner's, or the registered one with a loopback host replaced. */
function serverUrl(root: string, o: AddressOptions): string | undefined {
  if (o.publicOpencodeUrl !== undefined) return o.publicOpencodeUrl.replace(/\/+$/, "");
  const registered = o.opencode.at(0);
  if (registered === undefined) return undefined;
  const u = new URL(registered);
  // the owner's loopback is not the player's: the host the computer reached the bridge by is
  if (isLoopback(u.hostname)) u.hostname = new URL(root).hostname;
  return u.toString().replace(/\/+$/, "");
}

export function joinAddresses(req: IncomingMessage, o: AddressOptions): JoinAddresses | { error: string } {
  const root = bridgeRoot(req, o);
  if (typeof root !== "string") return root;
  return {
    base: `${root}/files/`,
    bridgeUrl: root.replace(/^http/, "ws") + "/cc",
    serverUrl: serverUrl(root, o),
  };
}
