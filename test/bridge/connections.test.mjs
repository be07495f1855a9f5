// One computer, several connections (issue 19, part 1): the newest open one is reached, an
// older one closing never removes or shadows it, nothing is sent on a connection that is
// closing, and a call in flight on a connection that closes fails at once (never sent again:
// a tool call may have run with only its result lost). First the registry on its own
// (build/bridge/computers.js), then the real bridge with scripted computers over WebSocket.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fakeComputer, mcpClient, resultText, startBridge } from "./helpers.mjs";

const { Computers } = createRequire(import.meta.url)("../../build/bridge/computers.js");

/** A connection as ccsocket makes one, with its sends recorded and its state set by the test. */
function conn(id, name) {
  const c = {
    id,
    label: name,
    kind: "computer",
    colour: true,
    tools: ["read"],
    peripherals: [],
    connectedAt: Date.now(),
    open: true,
    sent: [],
    isOpen: () => c.open,
    send: (m) => {
      if (!c.open) throw new Error("its connection is closing");
      c.sent.push(m);
    },
  };
  return c;
}

test("registry: the newest connection is reached; the older one's close leaves it in place", () => {
  const reg = new Computers();
  const old = conn(5, "old");
  const fresh = conn(5, "new");
  assert.equal(reg.add(old), undefined);
  assert.equal(reg.add(fresh), old);
  assert.equal(reg.pick(5), fresh);
  old.open = false;
  assert.equal(reg.remove(old, "it closed the connection"), "superseded");
  assert.equal(reg.pick(5), fresh);
  assert.deepEqual(
    reg.list().map((c) => c.label),
    ["new"],
  );
});

test("registry: a connection that is closing is not picked; an older open one is reached again", () => {
  const reg = new Computers();
  const serving = conn(6, "ai --serve");
  const prompt = conn(6, "ai prompt");
  reg.add(serving);
  reg.add(prompt);
  prompt.open = false; // its close frame arrived; ws has not emitted "close" yet
  assert.equal(reg.pick(6), serving);
  assert.equal(reg.remove(prompt, "it closed the connection"), "older");
  assert.equal(reg.pick(6), serving);
  serving.open = false;
  assert.equal(reg.remove(serving, "lost"), "gone");
  assert.throws(() => reg.pick(6), /Computer 6 is not connected, and no computer is/);
});

test("registry: a call for a connection that began closing goes to the newer one, never onto the closing socket", async () => {
  const reg = new Computers();
  const old = conn(7, "old");
  reg.add(old);
  const picked = reg.pick(7);
  const fresh = conn(7, "new");
  reg.add(fresh);
  old.open = false;
  const result = reg.call(picked, "screen", {}, 5000);
  assert.equal(old.sent.length, 0);
  assert.equal(fresh.sent.length, 1);
  reg.settle(fresh, fresh.sent[0].call, true, "from the new one", undefined);
  assert.equal(await result, "from the new one");
});

test("registry: with no open connection left, a call fails at once saying nothing ran", async () => {
  const reg = new Computers();
  const only = conn(8, "only");
  reg.add(only);
  const picked = reg.pick(8);
  only.open = false;
  await assert.rejects(
    reg.call(picked, "turtle", { action: "dig" }, 5000),
    /disconnected before the call could be sent; nothing was run there/,
  );
  assert.equal(only.sent.length, 0);
});

test("registry: a call in flight on a connection that closes fails at once and is not sent again", async () => {
  const reg = new Computers();
  const old = conn(9, "old");
  reg.add(old);
  const pending = reg.call(reg.pick(9), "turtle", { action: "dig" }, 60000);
  const fresh = conn(9, "new");
  reg.add(fresh);
  // the older connection is still open: its call may still be answered there
  const t0 = Date.now();
  old.open = false;
  reg.remove(old, "the connection was lost (code 1006)");
  await assert.rejects(
    pending,
    /computer 9 "old" \(computer\) disconnected during the call \(the connection was lost \(code 1006\)\): it may or may not have run; check before repeating it/,
  );
  assert.ok(Date.now() - t0 < 1000, "failed by the close, not by the time limit");
  assert.equal(fresh.sent.length, 0, "a dig is not repeated on the newer connection");
});

test("registry: a result arriving on another connection than its call's is ignored", async () => {
  const reg = new Computers();
  const a = conn(10, "a");
  reg.add(a);
  const pending = reg.call(a, "screen", {}, 300);
  const b = conn(10, "b");
  reg.add(b);
  reg.settle(b, a.sent[0].call, true, "wrong", undefined);
  reg.settle(a, a.sent[0].call, true, "right", undefined);
  assert.equal(await pending, "right");
});

let bridge;
let client;
before(async () => {
  bridge = await startBridge(["--token", "t", "--call-timeout", "3"]);
  client = await mcpClient(bridge.mcpUrl);
});
after(async () => {
  await client?.close();
  await bridge?.stop();
});

const screen = (id) => client.callTool({ name: "screen", arguments: { computer: id } });

test("bridge: the previous prompt's connection closing after the next one's hello does not take the computer away", async () => {
  const first = await fakeComputer(bridge.ccUrl, { token: "t", id: 21 }, () => "first");
  const second = await fakeComputer(bridge.ccUrl, { token: "t", id: 21 }, () => "second");
  await new Promise((done) => {
    first.ws.once("close", done);
    first.ws.close();
  });
  try {
    for (let i = 0; i < 3; i++) {
      const r = resultText(await screen(21));
      assert.equal(r.isError, false, r.text);
      assert.equal(JSON.parse(r.text), "second");
    }
    assert.equal(first.calls.length, 0);
    assert.ok(
      bridge.log.some((l) => /an older connection of computer 21 \(computer\) closed .*its newer one stays/.test(l)),
      bridge.log.join("\n"),
    );
  } finally {
    second.ws.close();
  }
});

test("bridge: when the newest connection ends, the older one still open serves again (ai --serve in another tab)", async () => {
  const serving = await fakeComputer(bridge.ccUrl, { token: "t", id: 22 }, () => "serve");
  const prompt = await fakeComputer(bridge.ccUrl, { token: "t", id: 22 }, () => "prompt");
  try {
    assert.equal(JSON.parse(resultText(await screen(22)).text), "prompt");
    await new Promise((done) => {
      prompt.ws.once("close", done);
      prompt.ws.close();
    });
    assert.equal(JSON.parse(resultText(await screen(22)).text), "serve");
    const list = JSON.parse(resultText(await client.callTool({ name: "computers", arguments: {} })).text);
    assert.equal(list.filter((x) => x.id === 22).length, 1);
  } finally {
    serving.ws.close();
  }
});

test("bridge: a call in flight when its connection drops is answered at once with an error saying it may have run", async () => {
  let ws;
  const c = await fakeComputer(bridge.ccUrl, { token: "t", id: 23, kind: "turtle" }, () => {
    setTimeout(() => ws.terminate(), 50);
    return new Promise(() => {});
  });
  ws = c.ws;
  const t0 = Date.now();
  const r = resultText(await client.callTool({ name: "turtle", arguments: { computer: 23, action: "dig" } }));
  assert.equal(r.isError, true);
  assert.match(
    r.text,
    /computer 23 \(turtle\) disconnected during the call .*it may or may not have run; check before repeating it/,
  );
  assert.ok(Date.now() - t0 < 2500, "ended by the disconnect, not by the 3 s time limit");
});
