"use strict";
// The messages between the bridge and a CC computer, one JSON text frame each. The computer
// speaks first (hello); the bridge answers welcome or refused, then sends calls that the
// computer answers with results, one per call id. A computer may also watch an opencode session:
// the bridge checks the computer's own credential with the server, then relays that session's
// server events (events.ts) until unwatch or the connection closes.
Object.defineProperty(exports, "__esModule", { value: true });
exports.CLOSE_REPLACED = exports.CLOSE_REFUSED = void 0;
exports.parseFromComputer = parseFromComputer;
/** WebSocket close code the bridge uses when it refuses a computer (wrong token, bad hello). */
exports.CLOSE_REFUSED = 4001;
/** Close code for a connection replaced by a newer one from the same computer id. */
exports.CLOSE_REPLACED = 4002;
function isObject(v) {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}
function stringList(v) {
    return Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
}
function peripheralList(v) {
    if (!Array.isArray(v))
        return [];
    return v.filter(isObject).map((p) => ({
        name: String(p.name),
        types: stringList(p.types),
        methods: stringList(p.methods),
    }));
}
/** Parses one frame from a computer; a string saying what is wrong when it is not a message. */
function parseFromComputer(text) {
    let v;
    try {
        v = JSON.parse(text);
    }
    catch {
        return "not JSON";
    }
    // CC's textutils.serialiseJSON writes an empty table as {} and an empty list the same way.
    if (!isObject(v))
        return "not a JSON object";
    if (v.type === "hello") {
        if (typeof v.id !== "number")
            return "hello without a computer id";
        const kind = v.kind === "turtle" || v.kind === "pocket" ? v.kind : "computer";
        return {
            type: "hello",
            token: typeof v.token === "string" ? v.token : "",
            id: v.id,
            label: typeof v.label === "string" && v.label !== "" ? v.label : undefined,
            kind,
            colour: v.colour === true,
            tools: stringList(v.tools),
            peripherals: peripheralList(v.peripherals),
            version: typeof v.version === "string" ? v.version : undefined,
        };
    }
    if (v.type === "peripherals")
        return { type: "peripherals", peripherals: peripheralList(v.peripherals) };
    if (v.type === "result") {
        if (typeof v.call !== "number")
            return "result without a call id";
        return {
            type: "result",
            call: v.call,
            ok: v.ok === true,
            result: v.result,
            error: typeof v.error === "string" ? v.error : undefined,
        };
    }
    if (v.type === "watch" || v.type === "unwatch") {
        if (typeof v.session !== "string" || v.session === "")
            return `${v.type} without a session`;
        if (v.type === "unwatch")
            return { type: "unwatch", session: v.session };
        return { type: "watch", session: v.session, auth: typeof v.auth === "string" ? v.auth : "" };
    }
    return `unknown message type ${JSON.stringify(v.type)}`;
}
