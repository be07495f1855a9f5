"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Watches = exports.NOT_CONNECTED = exports.MAX_FRAME = void 0;
exports.eventSession = eventSession;
// Which computer connections watch which opencode sessions, and the relay of the server's events
// to them. A watch is made only after the server, asked with the computer's OWN credential (never
// the bridge's), shows it the session: a computer that holds the bridge token but not the
// server's password learns nothing of sessions it could not read itself.
const computers_1 = require("./computers");
const RELAYED = new Set([
    "message.updated",
    "message.part.updated",
    "message.part.delta",
    "message.removed",
    "message.part.removed",
    "session.status",
    "session.idle",
    "session.error",
]);
/** A bigger event (a tool part with a huge output) becomes a gap: the computer reads it by HTTP. */
exports.MAX_FRAME = 64000;
const SESSION_ID = /^ses[A-Za-z0-9_]+$/;
const CHECK_TIMEOUT_MS = 15000;
exports.NOT_CONNECTED = "the bridge is not connected to the server's events";
function isObject(v) {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}
/** The session a relayed event belongs to; undefined for events no computer gets. */
function eventSession(e) {
    if (!RELAYED.has(e.type) && !/^(permission|question)\./.test(e.type))
        return undefined;
    const p = e.properties;
    const id = p.sessionID ??
        (isObject(p.info) ? p.info.sessionID : undefined) ??
        (isObject(p.part) ? p.part.sessionID : undefined);
    return typeof id === "string" ? id : undefined;
}
class Watches {
    o;
    bySession = new Map();
    /** The newest watch request of each connection per session: an older check's answer is dropped. */
    checking = new Map();
    constructor(o) {
        this.o = o;
    }
    async watch(c, session, auth) {
        this.remove(c, session);
        const ticket = {};
        const mine = this.checking.get(c) ?? new Map();
        this.checking.set(c, mine.set(session, ticket));
        const refused = await this.check(session, auth);
        // An unwatch, a newer watch or the connection closing came while the server answered.
        if (mine.get(session) !== ticket || this.checking.get(c) !== mine)
            return;
        mine.delete(session);
        // The stream may have dropped while the server answered: a watch then would miss events.
        const error = refused ?? (this.o.isConnected() ? undefined : exports.NOT_CONNECTED);
        if (error !== undefined) {
            this.o.log(`${(0, computers_1.describe)(c)} may not watch ${session}: ${error}`);
            this.send(c, { type: "watching", session, ok: false, error });
            return;
        }
        const watchers = this.bySession.get(session) ?? new Set();
        this.bySession.set(session, watchers.add(c));
        this.send(c, { type: "watching", session, ok: true });
    }
    unwatch(c, session) {
        this.checking.get(c)?.delete(session);
        this.remove(c, session);
    }
    /** The connection closed: its watches go with it. */
    drop(c) {
        this.checking.delete(c);
        for (const session of [...this.bySession.keys()])
            this.remove(c, session);
    }
    relay(e) {
        const session = eventSession(e);
        const watchers = session !== undefined ? this.bySession.get(session) : undefined;
        if (session === undefined || watchers === undefined)
            return;
        const event = { type: "event", session, event: { type: e.type, properties: e.properties } };
        const msg = Buffer.byteLength(JSON.stringify(event)) > exports.MAX_FRAME ? { type: "gap", session } : event;
        for (const c of watchers)
            this.send(c, msg);
    }
    /** The event stream dropped: every watcher may have missed events. */
    gapAll() {
        for (const [session, watchers] of this.bySession)
            for (const c of watchers)
                this.send(c, { type: "gap", session });
    }
    /** Why the computer may not watch the session (asking the server with its credential), or undefined. */
    async check(session, auth) {
        if (this.o.url === undefined)
            return "the bridge has no --opencode server";
        if (!SESSION_ID.test(session))
            return `${JSON.stringify(session)} is not a session id`;
        if (!this.o.isConnected())
            return exports.NOT_CONNECTED;
        const headers = { accept: "application/json" };
        if (auth !== "")
            headers.authorization = auth;
        let res;
        try {
            res = await fetch(`${this.o.url}/session/${session}`, {
                headers,
                signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
            });
            await res.arrayBuffer();
        }
        catch (e) {
            return `the bridge could not ask the server about it (${e instanceof Error ? e.message : String(e)})`;
        }
        if (res.ok)
            return undefined;
        if (res.status === 401)
            return "the server refused this computer's password (401)";
        if (res.status === 404)
            return "no such session on the server (404)";
        return `the server answered ${res.status} for this session`;
    }
    remove(c, session) {
        const watchers = this.bySession.get(session);
        if (watchers === undefined)
            return;
        watchers.delete(c);
        if (watchers.size === 0)
            this.bySession.delete(session);
    }
    /** Sends unless the connection is closing (its watches are dropped when it closes). */
    send(c, msg) {
        try {
            c.send(msg);
        }
        catch {
            // closing: nothing sent now can arrive
        }
    }
}
exports.Watches = Watches;
