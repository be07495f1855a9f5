// The installation, served over plain HTTP on the bridge's port beside /cc: GET /install is
// build/install.lua with its JOIN line filled in for the address the computer used, GET
// /files/<name> the files build/manifest.txt lists (and the manifest). Everything is read and
// checked once at start, so what is served is exactly one build. Nothing secret is in it: the
// opencode password never, the bridge's token only when the owner shares it (--share-token).
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { AddressOptions, joinAddresses } from "./addresses";
import { adler32, parseManifest } from "./manifest";

export interface InstallOptions extends AddressOptions {
  /** The folder holding install.lua, manifest.txt and the files it lists. */
  buildDir: string;
  /** The bridge's token ("" for none). */
  token: string;
  /** Put the token into /install (it is meant for players). */
  shareToken: boolean;
}

export interface Installer {
  /** Answers /install and /files/...; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Why the installation is not served (a broken or missing build), or undefined. */
  problem?: string;
}

/** The line of install.lua that the bridge replaces. */
const JOIN_LINE = "\nlocal JOIN = nil\n";

/** A Lua string literal of any text (decimal escapes: valid in Lua 5.1 and 5.2). */
export function luaString(s: string): string {
  let out = '"';
  for (const byte of Buffer.from(s, "utf8")) {
    const c = String.fromCharCode(byte);
    out += byte < 32 || byte > 126 || c === '"' || c === "\\" ? `\\${byte}` : c;
  }
  return out + '"';
}

function luaTable(fields: Record<string, string | boolean | undefined>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    parts.push(`${k} = ${typeof v === "boolean" ? String(v) : luaString(v)}`);
  }
  return `{ ${parts.join(", ")} }`;
}

function send(res: ServerResponse, status: number, body: Buffer | string, type = "text/plain; charset=utf-8"): void {
  const data = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  res.writeHead(status, { "content-type": type, "content-length": data.length, "cache-control": "no-store" });
  res.end(res.req.method === "HEAD" ? undefined : data);
}

/** Reads build/: the manifest, each file it lists (checked), and install.lua. */
function loadBuild(dir: string): { files: Map<string, Buffer>; installer: string } | { error: string } {
  let text: string;
  try {
    text = readFileSync(join(dir, "manifest.txt"), "utf8");
  } catch {
    return { error: `${join(dir, "manifest.txt")} is missing: run npm run build` };
  }
  const manifest = parseManifest(text);
  if ("error" in manifest) return { error: `${join(dir, "manifest.txt")}: ${manifest.error}` };
  const files = new Map<string, Buffer>([["manifest.txt", Buffer.from(text, "utf8")]]);
  try {
    for (const f of manifest.files) {
      const data = readFileSync(join(dir, f.name));
      if (data.length !== f.size || adler32(data) !== f.sum)
        return { error: `${join(dir, f.name)} is not the file manifest.txt lists: run npm run build` };
      files.set(f.name, data);
    }
    const installer = readFileSync(join(dir, "install.lua"), "utf8");
    if (!installer.includes(JOIN_LINE)) return { error: `${join(dir, "install.lua")} has no JOIN line to fill in` };
    return { files, installer };
  } catch (e) {
    return { error: `cannot read the build: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export function loadInstaller(o: InstallOptions): Installer {
  const build = loadBuild(o.buildDir);
  const notServed = "error" in build ? build.error : undefined;
  const serveInstall = (req: IncomingMessage, res: ServerResponse): void => {
    if ("error" in build) {
      send(res, 503, `opencc-bridge: the installer is not served: ${build.error}\n`);
      return;
    }
    const where = joinAddresses(req, o);
    if ("error" in where) {
      send(res, 400, `opencc-bridge: ${where.error}\n`);
      return;
    }
    const join = luaTable({
      base: where.base,
      server_url: where.serverUrl,
      bridge_url: where.bridgeUrl,
      bridge_token: o.shareToken && o.token !== "" ? o.token : undefined,
      token_required: o.token !== "" && !o.shareToken,
    });
    send(res, 200, build.installer.replace(JOIN_LINE, `\nlocal JOIN = ${join}\n`));
  };
  return {
    problem: notServed,
    handle(req, res) {
      const path = (req.url ?? "/").split("?")[0];
      const file = path.startsWith("/files/") ? path.slice("/files/".length) : undefined;
      if (path !== "/install" && file === undefined) return false;
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.setHeader("allow", "GET, HEAD");
        send(res, 405, "opencc-bridge: only GET here\n");
      } else if (file === undefined) serveInstall(req, res);
      else if ("error" in build) send(res, 503, `opencc-bridge: the installer is not served: ${build.error}\n`);
      else {
        const data = build.files.get(file);
        if (data === undefined) send(res, 404, `opencc-bridge: no file ${file} here\n`);
        else send(res, 200, data);
      }
      return true;
    },
  };
}
