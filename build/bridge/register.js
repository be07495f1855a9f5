"use strict";
// Registers the bridge's MCP endpoint with a running opencode server (POST /mcp). opencode
// keeps such a server for that directory's instance only and does not save it: the README
// shows the opencode.json entry that makes it permanent.
Object.defineProperty(exports, "__esModule", { value: true });
exports.register = register;
async function register(opencodeUrl, name, mcpUrl, auth) {
    const headers = { "content-type": "application/json", accept: "application/json" };
    if (auth.password !== "") {
        headers.authorization = "Basic " + Buffer.from(`${auth.username}:${auth.password}`).toString("base64");
    }
    const query = auth.directory !== undefined ? `?directory=${encodeURIComponent(auth.directory)}` : "";
    let res;
    try {
        res = await fetch(`${opencodeUrl}/mcp${query}`, {
            method: "POST",
            headers,
            body: JSON.stringify({ name, config: { type: "remote", url: mcpUrl } }),
            signal: AbortSignal.timeout(15000),
        });
    }
    catch (e) {
        return {
            url: opencodeUrl,
            ok: false,
            message: `could not reach opencode at ${opencodeUrl} (${e.message}): is \`opencode serve\` running there?`,
        };
    }
    const text = await res.text();
    if (res.status === 401) {
        return {
            url: opencodeUrl,
            ok: false,
            message: `opencode at ${opencodeUrl} refused the password: pass --password (or OPENCODE_SERVER_PASSWORD) as the server has it`,
        };
    }
    if (!res.ok) {
        return {
            url: opencodeUrl,
            ok: false,
            message: `opencode at ${opencodeUrl} answered ${res.status}: ${text.slice(0, 200)}`,
        };
    }
    let status;
    try {
        status = JSON.parse(text)[name];
    }
    catch {
        status = undefined;
    }
    if (status?.status === "connected") {
        return { url: opencodeUrl, ok: true, message: `registered with opencode at ${opencodeUrl} as "${name}"` };
    }
    return {
        url: opencodeUrl,
        ok: false,
        message: `opencode at ${opencodeUrl} could not connect to ${mcpUrl}: ${status?.error ?? text.slice(0, 200)}`,
    };
}
