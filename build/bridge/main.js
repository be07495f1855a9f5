#!/usr/bin/env node
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// opencc-bridge: lets the opencode agent act through ComputerCraft computers. Started beside
// `opencode serve`; prints one line when ready ({"port":N,...} with --json-ready for tools).
const node_path_1 = require("node:path");
const options_1 = require("./options");
const register_1 = require("./register");
const server_1 = require("./server");
/** The bridge's Authorization value for its opencode server ("" when it has no password). */
function authorization(o) {
    if (o.opencodePassword === "")
        return "";
    return "Basic " + Buffer.from(`${o.opencodeUsername}:${o.opencodePassword}`).toString("base64");
}
/** The bridge listening as the options say, or undefined after one line saying why it cannot. */
async function listen(o, log) {
    try {
        return await (0, server_1.startBridge)({
            host: o.host,
            port: o.port,
            token: o.token,
            callTimeoutMs: o.callTimeoutMs,
            log,
            install: {
                // main.js is build/bridge/main.js: the files players install are build/'s
                buildDir: (0, node_path_1.join)(__dirname, ".."),
                shareToken: o.shareToken,
                publicUrl: o.publicUrl,
                publicOpencodeUrl: o.publicOpencodeUrl,
                opencode: o.opencode,
                trustProxy: o.trustProxy,
            },
            events: o.opencode.length > 0 ? { url: o.opencode[0], authorization: authorization(o) } : undefined,
        });
    }
    catch (e) {
        const err = e;
        console.error(err.code === "EADDRINUSE"
            ? `opencc-bridge: port ${o.port} is in use: pass --port with another one`
            : `opencc-bridge: cannot listen on ${o.host}:${o.port}: ${err.message}`);
        return undefined;
    }
}
/** Where computers, opencode and players reach the bridge. */
function announce(o, bridge, log) {
    const ccHost = o.host.includes(":") ? `[${o.host}]` : o.host;
    log(`CC computers: ws://${ccHost}:${bridge.port}/cc${o.token !== "" ? " (token required)" : ""}`);
    log(`MCP for opencode: ${bridge.mcpUrl}`);
    if (bridge.installProblem !== undefined) {
        console.error(`opencc-bridge: players cannot install from here: ${bridge.installProblem}`);
    }
    else {
        const shown = o.publicUrl ??
            (o.host === "0.0.0.0" || o.host === "::"
                ? `http://<this machine>:${bridge.port}`
                : `http://${ccHost}:${bridge.port}`);
        log(`Players: wget run ${shown}/install${o.shareToken ? " (gives them the token)" : ""}`);
    }
}
/** Registers the bridge's MCP with each --opencode server; returns how many refused. */
async function registerAll(o, bridge, log) {
    let failed = 0;
    for (const url of o.opencode) {
        const r = await (0, register_1.register)(url, o.name, bridge.mcpUrl, {
            username: o.opencodeUsername,
            password: o.opencodePassword,
            directory: o.directory,
        });
        if (!r.ok)
            failed++;
        (r.ok
            ? log
            : (l) => {
                console.error(`opencc-bridge: ${l}`);
            })(r.message);
    }
    return failed;
}
async function main() {
    const argv = process.argv.slice(2);
    const jsonReady = argv.includes("--json-ready");
    const parsed = (0, options_1.parseOptions)(argv.filter((a) => a !== "--json-ready"), process.env);
    if (parsed === "help") {
        console.log(options_1.USAGE);
        return 0;
    }
    if ("error" in parsed) {
        console.error(`opencc-bridge: ${parsed.error}`);
        return 2;
    }
    const o = parsed;
    const log = (line) => {
        if (!o.quiet)
            console.error(`[opencc-bridge] ${line}`);
    };
    const bridge = await listen(o, log);
    if (bridge === undefined)
        return 1;
    announce(o, bridge, log);
    const failed = await registerAll(o, bridge, log);
    if (jsonReady) {
        process.stdout.write(JSON.stringify({ port: bridge.port, mcpUrl: bridge.mcpUrl, registrationFailures: failed }) + "\n");
    }
    const stop = () => {
        void bridge.close().then(() => process.exit(0));
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
    return -1;
}
main().then((code) => {
    if (code >= 0)
        process.exit(code);
}, (e) => {
    console.error(`opencc-bridge: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
});
