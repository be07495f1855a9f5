// A computer watching an opencode session through the bridge, against the real `opencode serve`
// with a password (test/servers): the bridge checks the computer's own credential with the server
// before it relays that session's events (message.part.delta chunk by chunk, session.idle, ...),
// relays nothing of other sessions, stops at unwatch, and says "gap" when its stream drops.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fakeComputer, startBridge, testServers } from "./helpers.mjs";

let servers;
let env;
let bridge;
let goodAuth;
/** A directory of its own for the bridge's MCP registration, so the test servers' projects keep theirs. */
let regDir;

before(async () => {
  servers = await testServers();
  env = servers.env;
  goodAuth = "Basic " + Buffer.from(`${env.OPENCC_TEST_USERNAME}:${env.OPENCC_TEST_PASSWORD}`).toString("base64");
  regDir = fs.mkdtempSync(path.join(os.tmpdir(), "opencc-events-"));
  bridge = await startBridge(opencodeArgs(env.OPENCC_TEST_AUTH_URL));
  await until(() => bridge.log.some((l) => /watching the events of opencode/.test(l)), "the bridge subscribed");
});
after(async () => {
  await bridge?.stop();
  await servers?.stop();
  if (regDir) fs.rmSync(regDir, { recursive: true, force: true });
});

function opencodeArgs(url) {
  return ["--opencode", url, "--password", env.OPENCC_TEST_PASSWORD, "--name", "opencc_events", "--directory", regDir];
}

/** Waits for cond() (a safety limit only, so a broken bridge fails instead of hanging). */
async function until(cond, what, limitMs = 30000) {
  for (let waited = 0; !cond(); waited += 50) {
    if (waited > limitMs) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function opencode(route, body) {
  const res = await fetch(env.OPENCC_TEST_AUTH_URL + route, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: goodAuth, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(res.ok, `${route}: ${res.status}`);
  return res.status === 204 ? undefined : res.json();
}

const newSession = async () => (await opencode("/session", {})).id;
const prompt = (s, text) => opencode(`/session/${s}/prompt_async`, { parts: [{ type: "text", text }] });

/** A computer on the bridge that records every message after its welcome. */
async function computer(id, url = bridge.ccUrl) {
  const c = await fakeComputer(url, { id });
  const msgs = [];
  c.ws.on("message", (d) => msgs.push(JSON.parse(String(d))));
  const send = (m) => c.ws.send(JSON.stringify(m));
  return {
    msgs,
    send,
    events: (s) => msgs.filter((m) => m.type === "event" && m.session === s).map((m) => m.event),
    /** The text the session's deltas carried, joined. */
    deltaText: (s) =>
      msgs
        .filter((m) => m.type === "event" && m.session === s && m.event.type === "message.part.delta")
        .map((m) => m.event.properties.delta)
        .join(""),
    watch: async (session, auth) => {
      const from = msgs.length;
      send({ type: "watch", session, auth });
      await until(() => msgs.slice(from).some((m) => m.type === "watching" && m.session === session), "watching");
      return msgs.slice(from).find((m) => m.type === "watching" && m.session === session);
    },
    idleSeen: (s, after = 0) =>
      msgs.slice(after).some((m) => m.type === "event" && m.session === s && m.event.type === "session.idle"),
    close: () => c.ws.close(),
  };
}

test("a computer with the server's password watches a session: its reply arrives delta by delta", async () => {
  const c = await computer(41);
  try {
    const s = await newSession();
    assert.deepEqual(await c.watch(s, goodAuth), { type: "watching", session: s, ok: true });
    await prompt(s, "[slow:200][reply:alpha beta gamma delta]");
    await until(() => c.idleSeen(s), "session.idle");
    const events = c.events(s);
    const deltas = events.filter((e) => e.type === "message.part.delta");
    assert.ok(deltas.length >= 2, `a delta per chunk, got ${deltas.length}`);
    assert.equal(c.deltaText(s), "alpha beta gamma delta");
    const messages = await opencode(`/session/${s}/message`);
    const answer = messages.find((m) => m.info.role === "assistant");
    assert.equal(answer.parts.find((p) => p.type === "text").text, "alpha beta gamma delta");
    assert.ok(deltas.every((e) => e.properties.messageID === answer.info.id));
    const done = events.find((e) => e.type === "message.updated" && e.properties.info.time.completed);
    assert.equal(done.properties.info.id, answer.info.id);
    assert.ok(events.some((e) => e.type === "session.status" && e.properties.status.type === "busy"));
    assert.ok(c.msgs.every((m) => !JSON.stringify(m).includes(env.OPENCC_TEST_PASSWORD)));
    assert.ok(bridge.log.every((l) => !l.includes(env.OPENCC_TEST_PASSWORD) && !l.includes(goodAuth)));
  } finally {
    c.close();
  }
});

test("a wrong password or none is refused with the server's 401, and nothing of the session is relayed", async () => {
  const wrong = await computer(42);
  const none = await computer(43);
  const control = await computer(44);
  try {
    const s = await newSession();
    const bad = "Basic " + Buffer.from("opencode:not-the-password").toString("base64");
    const w = await wrong.watch(s, bad);
    assert.equal(w.ok, false);
    assert.match(w.error, /refused this computer's password \(401\)/);
    const n = await none.watch(s, "");
    assert.equal(n.ok, false);
    assert.match(n.error, /\(401\)/);
    assert.equal((await control.watch(s, goodAuth)).ok, true);
    await prompt(s, "[reply:secret plans]");
    await until(() => control.idleSeen(s), "the control computer saw session.idle");
    assert.deepEqual(
      wrong.msgs.filter((m) => m.type !== "watching"),
      [],
    );
    assert.deepEqual(
      none.msgs.filter((m) => m.type !== "watching"),
      [],
    );
  } finally {
    for (const c of [wrong, none, control]) c.close();
  }
});

test("a session the server does not have, or not a session id, is refused in one line", async () => {
  const c = await computer(45);
  try {
    const missing = await c.watch("ses_doesnotexist000000000", goodAuth);
    assert.equal(missing.ok, false);
    assert.match(missing.error, /no such session on the server \(404\)/);
    const odd = await c.watch("../config", goodAuth);
    assert.equal(odd.ok, false);
    assert.match(odd.error, /is not a session id/);
  } finally {
    c.close();
  }
});

test("after unwatch no more events of the session arrive", async () => {
  const c = await computer(46);
  const control = await computer(47);
  try {
    const s = await newSession();
    assert.equal((await c.watch(s, goodAuth)).ok, true);
    assert.equal((await control.watch(s, goodAuth)).ok, true);
    await prompt(s, "[reply:first]");
    await until(() => c.idleSeen(s), "session.idle of the first reply");
    c.send({ type: "unwatch", session: s });
    // The bridge reads one connection's messages in order: this answer comes after the unwatch.
    await c.watch("not-a-session", goodAuth);
    const mark = c.msgs.length;
    const controlMark = control.msgs.length;
    await prompt(s, "[slow:100][reply:second reply]");
    await until(() => control.idleSeen(s, controlMark), "the control computer saw the second session.idle");
    assert.ok(control.events(s).some((e) => e.type === "message.part.delta" && e.properties.delta.includes("second")));
    assert.deepEqual(c.msgs.slice(mark), []);
  } finally {
    c.close();
    control.close();
  }
});

test("a newer watch of the same session replaces the older: events arrive once, and a refused one ends the watch", async () => {
  const c = await computer(55);
  const control = await computer(56);
  try {
    const s = await newSession();
    assert.equal((await c.watch(s, goodAuth)).ok, true);
    assert.equal((await c.watch(s, goodAuth)).ok, true);
    assert.equal((await control.watch(s, goodAuth)).ok, true);
    await prompt(s, "[slow:100][reply:said once]");
    await until(() => c.idleSeen(s), "session.idle");
    const deltas = c.events(s).filter((e) => e.type === "message.part.delta");
    assert.equal(deltas.map((e) => e.properties.delta).join(""), "said once");
    assert.equal(c.events(s).filter((e) => e.type === "session.idle").length, 1);
    const bad = "Basic " + Buffer.from("opencode:not-the-password").toString("base64");
    assert.equal((await c.watch(s, bad)).ok, false);
    const mark = c.msgs.length;
    const controlMark = control.msgs.length;
    await prompt(s, "[reply:not for c]");
    await until(() => control.idleSeen(s, controlMark), "the control computer saw session.idle");
    assert.deepEqual(c.msgs.slice(mark), []);
  } finally {
    c.close();
    control.close();
  }
});

test("a computer watching session A gets nothing of session B", async () => {
  const a = await computer(48);
  const b = await computer(49);
  try {
    const sa = await newSession();
    const sb = await newSession();
    assert.equal((await a.watch(sa, goodAuth)).ok, true);
    assert.equal((await b.watch(sb, goodAuth)).ok, true);
    await prompt(sb, "[slow:100][reply:only for b]");
    await until(() => b.idleSeen(sb), "session.idle of B");
    assert.deepEqual(
      a.msgs.filter((m) => m.type !== "watching"),
      [],
    );
    assert.ok(b.events(sb).some((e) => e.type === "message.part.delta"));
    assert.ok(b.msgs.every((m) => m.type === "watching" || m.session === sb));
  } finally {
    a.close();
    b.close();
  }
});

test("an event too big for one frame becomes a gap; the deltas around it still arrive", async () => {
  const c = await computer(50);
  try {
    const s = await newSession();
    assert.equal((await c.watch(s, goodAuth)).ok, true);
    await prompt(s, "[long:8000]");
    await until(() => c.idleSeen(s), "session.idle");
    assert.ok(
      c.msgs.some((m) => m.type === "gap" && m.session === s),
      "a gap for the whole-text part update",
    );
    const text = c.deltaText(s);
    assert.equal(text.split("\n").length, 8000);
    assert.equal(text.split("\n")[7999], "Line 8000");
  } finally {
    c.close();
  }
});

/** A TCP relay to the password server whose connections the test can cut or freeze. */
async function cuttableRelay() {
  const target = new URL(env.OPENCC_TEST_AUTH_URL);
  const pairs = new Set();
  const server = net.createServer((inbound) => {
    const outbound = net.connect(Number(target.port), target.hostname);
    const pair = { inbound, outbound };
    pairs.add(pair);
    for (const s of [inbound, outbound]) {
      s.on("error", () => {});
      s.on("close", () => pairs.delete(pair));
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    cut: () => pairs.forEach((p) => [p.inbound, p.outbound].forEach((s) => s.destroy())),
    // As a half-open connection: open, but nothing arrives (connections made later still work).
    freeze: () =>
      pairs.forEach((p) => {
        p.outbound.unpipe(p.inbound);
        p.outbound.pause();
      }),
    close: () => {
      pairs.forEach((p) => [p.inbound, p.outbound].forEach((s) => s.destroy()));
      return new Promise((r) => server.close(r));
    },
  };
}

test("when the server's stream drops, watchers get a gap; the bridge reconnects and relays again", async () => {
  const relay = await cuttableRelay();
  const b = await startBridge(opencodeArgs(relay.url));
  const connected = () => b.log.filter((l) => /watching the events of opencode/.test(l)).length;
  const c = await computer(51, b.ccUrl);
  try {
    await until(() => connected() === 1, "the bridge subscribed");
    const s = await newSession();
    assert.equal((await c.watch(s, goodAuth)).ok, true);
    relay.cut();
    await until(() => c.msgs.some((m) => m.type === "gap" && m.session === s), "a gap");
    assert.ok(b.log.some((l) => /lost the events of opencode/.test(l)));
    await until(() => connected() === 2, "the bridge subscribed again");
    await prompt(s, "[reply:after the gap]");
    await until(() => c.idleSeen(s), "session.idle after reconnecting");
    const text = c.deltaText(s);
    assert.equal(text, "after the gap");
  } finally {
    c.close();
    await b.stop();
    await relay.close();
  }
});

test("a bridge without --opencode refuses a watch, saying why", async () => {
  const b = await startBridge();
  const c = await computer(52, b.ccUrl);
  try {
    const w = await c.watch("ses_anything0000000000000", goodAuth);
    assert.equal(w.ok, false);
    assert.match(w.error, /no --opencode server/);
  } finally {
    c.close();
    await b.stop();
  }
});

test("a stream that goes silent (no heartbeat for 30 s) counts as dropped: a gap, then events again", async () => {
  const relay = await cuttableRelay();
  const b = await startBridge(opencodeArgs(relay.url));
  const connected = () => b.log.filter((l) => /watching the events of opencode/.test(l)).length;
  const c = await computer(53, b.ccUrl);
  try {
    await until(() => connected() === 1, "the bridge subscribed");
    const s = await newSession();
    assert.equal((await c.watch(s, goodAuth)).ok, true);
    relay.freeze();
    await until(() => c.msgs.some((m) => m.type === "gap" && m.session === s), "a gap", 60000);
    assert.ok(
      b.log.some((l) => /lost the events of opencode.*nothing from the server for 30 s/.test(l)),
      b.log.join("\n"),
    );
    await until(() => connected() === 2, "the bridge subscribed again");
    await prompt(s, "[reply:awake again]");
    await until(() => c.idleSeen(s), "session.idle after reconnecting");
    const text = c.deltaText(s);
    assert.equal(text, "awake again");
  } finally {
    c.close();
    await b.stop();
    await relay.close();
  }
});

test("a bridge the server refuses says so once, and refuses watches: it has no events to relay", async () => {
  const b = await startBridge([
    "--opencode",
    env.OPENCC_TEST_AUTH_URL,
    "--password",
    "not-the-password",
    "--name",
    "opencc_events",
    "--directory",
    regDir,
  ]);
  const c = await computer(54, b.ccUrl);
  try {
    await until(
      () => b.log.some((l) => /lost the events of opencode.*refused the bridge's password \(401\)/.test(l)),
      "the 401 line",
    );
    const w = await c.watch(await newSession(), goodAuth);
    assert.equal(w.ok, false);
    assert.equal(w.error, "the bridge is not connected to the server's events");
    assert.ok(b.log.every((l) => !l.includes("not-the-password")));
  } finally {
    c.close();
    await b.stop();
  }
});
