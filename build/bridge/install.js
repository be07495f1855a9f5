"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.luaString = luaString;
exports.loadInstaller = loadInstaller;
// The installation, served over plain HTTP on the bridge's port beside /cc: GET /install is
// build/install.lua with its JOIN line filled in for the address the computer used, GET
// /files/<name> the files build/manifest.txt lists (and the manifest). Everything is read and
// checked once at start, so what is served is exactly one build. Nothing secret is in it: the
// opencode password never, the bridge's token only when the owner shares it (--share-token).
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const addresses_1 = require("./addresses");
const manifest_1 = require("./manifest");
/** The line of install.lua that the bridge replaces. */
const JOIN_LINE = "\nlocal JOIN = nil\n";
/** A Lua string literal of any text (decimal escapes: valid in Lua 5.1 and 5.2). */
function luaString(s) {
    let out = '"';
    for (const byte of Buffer.from(s, "utf8")) {
        const c = String.fromCharCode(byte);
        out += byte < 32 || byte > 126 || c === '"' || c === "\\" ? `\\${byte}` : c;
    }
    return out + '"';
}
function luaTable(fields) {
    const parts = [];
    for (const [k, v] of Object.entries(fields)) {
        if (v === undefined)
            continue;
        parts.push(`${k} = ${typeof v === "boolean" ? String(v) : luaString(v)}`);
    }
    return `{ ${parts.join(", ")} }`;
}
function send(res, status, body, type = "text/plain; charset=utf-8") {
    const data = typeof body === "string" ? Buffer.from(body, "utf8") : body;
    res.writeHead(status, { "content-type": type, "content-length": data.length, "cache-control": "no-store" });
    res.end(res.req.method === "HEAD" ? undefined : data);
}
/** Reads build/: the manifest, each file it lists (checked), and install.lua. */
function loadBuild(dir) {
    let text;
    try {
        text = (0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, "manifest.txt"), "utf8");
    }
    catch {
        return { error: `${(0, node_path_1.join)(dir, "manifest.txt")} is missing: run npm run build` };
    }
    const manifest = (0, manifest_1.parseManifest)(text);
    if ("error" in manifest)
        return { error: `${(0, node_path_1.join)(dir, "manifest.txt")}: ${manifest.error}` };
    const files = new Map([["manifest.txt", Buffer.from(text, "utf8")]]);
    try {
        for (const f of manifest.files) {
            const data = (0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, f.name));
            if (data.length !== f.size || (0, manifest_1.adler32)(data) !== f.sum)
                return { error: `${(0, node_path_1.join)(dir, f.name)} is not the file manifest.txt lists: run npm run build` };
            files.set(f.name, data);
        }
        const installer = (0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, "install.lua"), "utf8");
        if (!installer.includes(JOIN_LINE))
            return { error: `${(0, node_path_1.join)(dir, "install.lua")} has no JOIN line to fill in` };
        return { files, installer };
    }
    catch (e) {
        return { error: `cannot read the build: ${e instanceof Error ? e.message : String(e)}` };
    }
}
function loadInstaller(o) {
    const build = loadBuild(o.buildDir);
    const notServed = "error" in build ? build.error : undefined;
    const serveInstall = (req, res) => {
        if ("error" in build) {
            send(res, 503, `opencc-bridge: the installer is not served: ${build.error}\n`);
            return;
        }
        const where = (0, addresses_1.joinAddresses)(req, o);
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
            if (path !== "/install" && file === undefined)
                return false;
            if (req.method !== "GET" && req.method !== "HEAD") {
                res.setHeader("allow", "GET, HEAD");
                send(res, 405, "opencc-bridge: only GET here\n");
            }
            else if (file === undefined)
                serveInstall(req, res);
            else if ("error" in build)
                send(res, 503, `opencc-bridge: the installer is not served: ${build.error}\n`);
            else {
                const data = build.files.get(file);
                if (data === undefined)
                    send(res, 404, `opencc-bridge: no file ${file} here\n`);
                else
                    send(res, 200, data);
            }
            return true;
        },
    };
}
