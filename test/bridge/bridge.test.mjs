// opencc-bridge as opencode and CC computers see it: options, the MCP tools, computers
// connecting with and without the token, calls answered, refused, lost or timed out.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { fakeComputer, mcpClient, resultText, runBridge, startBridge } from "./helpers.mjs";

test("refuses to listen on a non-loopback address without a token, saying how to fix it", async () => {
  const r = await runBridge(["--host", "0.0.0.0", "--port", "0"], { OPENCC_BRIDGE_TOKEN: "" });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /refusing to listen on 0\.0\.0\.0 without a token/);
  assert.match(r.stderr, /--token/);
});

test("a wrong option is one line naming it", async () => {
  const r = await runBridge(["--frobnicate", "1"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown option --frobnicate/);
});

test("a port in use is one line saying so", async () => {
  const b = await startBridge();
  try {
    const r = await runBridge(["--host", "127.0.0.1", "--port", String(b.port)]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, new RegExp(`port ${b.port} is in use`));
  } finally {
    await b.stop();
  }
});

test("registers with opencode: POST /mcp with Basic Auth, name and URL", async () => {
  const seen = [];
  const fake = http.createServer((req, res) => {
    // The bridge also subscribes to the events (events.test.mjs, against the real server).
    if (req.method === "GET") return res.writeHead(404).end();
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body: JSON.parse(body) });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ opencc: { status: "connected" } }));
    });
  });
  await new Promise((r) => fake.listen(0, "127.0.0.1", r));
  const b = await startBridge(["--opencode", `http://127.0.0.1:${fake.address().port}`, "--password", "pw"]);
  try {
    assert.equal(b.registrationFailures, 0);
    assert.equal(seen.length, 1);
    assert.equal(seen[0].method, "POST");
    assert.equal(seen[0].url, "/mcp");
    assert.equal(seen[0].auth, "Basic " + Buffer.from("opencode:pw").toString("base64"));
    assert.deepEqual(seen[0].body, { name: "opencc", config: { type: "remote", url: b.mcpUrl } });
  } finally {
    await b.stop();
    fake.close();
  }
});

test("a registration the server refuses is reported, and the bridge keeps serving", async () => {
  const fake = http.createServer((req, res) => {
    res.writeHead(401);
    res.end();
  });
  await new Promise((r) => fake.listen(0, "127.0.0.1", r));
  const b = await startBridge(["--opencode", `http://127.0.0.1:${fake.address().port}`]);
  try {
    assert.equal(b.registrationFailures, 1);
    assert.ok(
      b.log.some((l) => /refused the password: pass --password/.test(l)),
      b.log.join("\n"),
    );
    const health = await (await fetch(`http://127.0.0.1:${b.port}/health`)).json();
    assert.equal(health.healthy, true);
  } finally {
    await b.stop();
    fake.close();
  }
});

let bridge;
let client;
before(async () => {
  bridge = await startBridge(["--token", "s3cret", "--call-timeout", "1.5"]);
  client = await mcpClient(bridge.mcpUrl);
});
after(async () => {
  await client?.close();
  await bridge?.stop();
});

test("lists the six tools with their input schemas", async () => {
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name).sort(), [
    "computers",
    "lua",
    "peripheral_call",
    "peripherals",
    "screen",
    "turtle",
  ]);
  const turtle = tools.find((t) => t.name === "turtle");
  assert.ok(turtle.inputSchema.properties.action.enum.includes("dig"));
  assert.deepEqual(turtle.inputSchema.required, ["action"]);
});

test("with no computer connected a tool says how to connect one", async () => {
  const r = resultText(await client.callTool({ name: "screen", arguments: {} }));
  assert.equal(r.isError, true);
  assert.match(r.text, /No computer is connected.*opencc\.bridge_url.*ai --serve/);
});

test("a computer with the wrong token is refused with a line that names the setting", async () => {
  const c = await fakeComputer(bridge.ccUrl, { token: "wrong", id: 90 });
  assert.equal(c.closed.code, 4001);
  assert.match(c.refused, /wrong bridge token: set opencc\.bridge_token/);
  const list = JSON.parse(resultText(await client.callTool({ name: "computers", arguments: {} })).text);
  assert.equal(
    list.some((x) => x.id === 90),
    false,
  );
});

test("a connected computer is listed and answers calls; one computer is the default", async () => {
  const c = await fakeComputer(
    bridge.ccUrl,
    {
      token: "s3cret",
      id: 7,
      label: "miner",
      kind: "turtle",
      tools: ["read", "act"],
      peripherals: [{ name: "left", types: ["minecraft:chest", "inventory"], methods: ["list", "size"] }],
    },
    (call) => ({ echo: call.tool, args: call.args }),
  );
  try {
    assert.equal(c.welcome.id, 7);
    const list = JSON.parse(resultText(await client.callTool({ name: "computers", arguments: {} })).text);
    const me = list.find((x) => x.id === 7);
    assert.equal(me.label, "miner");
    assert.equal(me.kind, "turtle");
    assert.deepEqual(me.allows, ["read", "act"]);
    assert.deepEqual(me.peripherals, ["left (minecraft:chest, inventory)"]);

    const r = resultText(await client.callTool({ name: "turtle", arguments: { action: "dig", direction: "up" } }));
    assert.equal(r.isError, false, r.text);
    assert.deepEqual(JSON.parse(r.text), { echo: "turtle", args: { action: "dig", direction: "up" } });
    assert.equal(c.calls.length, 1);
    // the computer's own limit for the call: a little less than the bridge waits (1.5 s here)
    assert.equal(c.calls[0].limit, 1);
  } finally {
    c.ws.close();
  }
});

test("an error from the computer reaches the agent as the tool's error", async () => {
  const c = await fakeComputer(bridge.ccUrl, { token: "s3cret", id: 8 }, () => {
    throw { error: "refused: opencc.tools on computer 8 allows read; lua needs lua" };
  });
  try {
    const r = resultText(await client.callTool({ name: "lua", arguments: { computer: 8, code: "return 1" } }));
    assert.equal(r.isError, true);
    assert.equal(r.text, "refused: opencc.tools on computer 8 allows read; lua needs lua");
  } finally {
    c.ws.close();
  }
});

test("turtle actions on a computer that is not a turtle are refused by the bridge", async () => {
  const c = await fakeComputer(bridge.ccUrl, { token: "s3cret", id: 9, kind: "computer" });
  try {
    const r = resultText(await client.callTool({ name: "turtle", arguments: { computer: 9, action: "dig" } }));
    assert.equal(r.isError, true);
    assert.match(r.text, /computer 9 \(computer\) is not a turtle/);
    assert.equal(c.calls.length, 0);
  } finally {
    c.ws.close();
  }
});

test("an unknown computer id names the connected ones", async () => {
  const c = await fakeComputer(bridge.ccUrl, { token: "s3cret", id: 10, label: "base" });
  try {
    const r = resultText(await client.callTool({ name: "screen", arguments: { computer: 99 } }));
    assert.equal(r.isError, true);
    assert.match(r.text, /Computer 99 is not connected; connected: computer 10 "base" \(computer\)/);
  } finally {
    c.ws.close();
  }
});

test("a computer that disconnects mid-call ends the call with an error at once", async () => {
  let ws;
  const c = await fakeComputer(bridge.ccUrl, { token: "s3cret", id: 11 }, () => {
    setTimeout(() => ws.terminate(), 100);
    return new Promise(() => {});
  });
  ws = c.ws;
  const t0 = Date.now();
  const r = resultText(await client.callTool({ name: "screen", arguments: { computer: 11 } }));
  assert.equal(r.isError, true);
  assert.match(r.text, /computer 11 \(computer\) disconnected during the call/);
  assert.ok(Date.now() - t0 < 1400, "ended by the disconnect, not by the time limit");
});

test("a computer that never answers is given up after the call timeout", async () => {
  const c = await fakeComputer(bridge.ccUrl, { token: "s3cret", id: 12 }, () => new Promise(() => {}));
  try {
    const r = resultText(await client.callTool({ name: "peripherals", arguments: { computer: 12 } }));
    assert.equal(r.isError, true);
    assert.match(r.text, /computer 12 \(computer\) did not answer within 2 s/);
  } finally {
    c.ws.close();
  }
});

test("the lua tool's time limit is passed to the computer and extends the wait", async () => {
  const c = await fakeComputer(
    bridge.ccUrl,
    { token: "s3cret", id: 13, tools: ["lua"] },
    (call) => new Promise((r) => setTimeout(() => r({ printed: "", values: [call.args.timeout] }), 1800)),
  );
  try {
    const r = resultText(
      await client.callTool({ name: "lua", arguments: { computer: 13, code: "sleep(1)", timeout: 1 } }),
    );
    assert.equal(r.isError, false, r.text);
    assert.deepEqual(JSON.parse(r.text).values, [1]);
  } finally {
    c.ws.close();
  }
});

test("a computer that connects again replaces its old connection", async () => {
  const a = await fakeComputer(bridge.ccUrl, { token: "s3cret", id: 14 }, () => "old");
  const b = await fakeComputer(bridge.ccUrl, { token: "s3cret", id: 14 }, () => "new");
  try {
    const r = resultText(await client.callTool({ name: "screen", arguments: { computer: 14 } }));
    assert.equal(JSON.parse(r.text), "new");
    const list = JSON.parse(resultText(await client.callTool({ name: "computers", arguments: {} })).text);
    assert.equal(list.filter((x) => x.id === 14).length, 1);
  } finally {
    a.ws.close();
    b.ws.close();
  }
});
