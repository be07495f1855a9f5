// The installation the bridge serves to players (/install, /files/...): the addresses it works out
// from the request (Host; X-Forwarded-* only with --trust-proxy; the owner's --public-url), what
// it gives (the manifest's files byte for byte, no password, the token only with --share-token),
// and what it refuses (unknown paths, other methods, an unusable Host, wrong options).
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runBridge, startBridge } from "./helpers.mjs";

const build = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "build");
const PASSWORD = "owner-opencode-password";
const TOKEN = "owner-bridge-token";

/** GET (or another method) with the given headers; resolves { status, headers, body }. */
function get(port, urlPath, headers = {}, method = "GET") {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: urlPath, method, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The JOIN table of a served installer, read back by a real Lua 5.1 (so its quoting is checked too). */
function joinOf(installer) {
  const line = installer.split("\n").find((l) => l.startsWith("local JOIN = "));
  assert.ok(line, "no JOIN line");
  const r = spawnSync("lua5.1", ["-e", `${line} for k, v in pairs(JOIN) do print(k .. "=" .. tostring(v)) end`], {
    encoding: "utf8",
  });
  assert.equal(r.status, 0, r.stderr);
  return Object.fromEntries(
    r.stdout
      .trim()
      .split("\n")
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
}

let plain;
before(async () => {
  plain = await startBridge(["--token", TOKEN, "--opencode", "http://127.0.0.1:9", "--quiet"], {
    OPENCODE_SERVER_PASSWORD: PASSWORD,
  });
});
after(() => plain.stop());

test("the addresses come from the Host the computer used; opencode's loopback host is replaced by it", async () => {
  const r = await get(plain.port, "/install", { host: "mc.example.org:4097" });
  assert.equal(r.status, 200);
  assert.deepEqual(joinOf(r.body.toString()), {
    base: "http://mc.example.org:4097/files/",
    bridge_url: "ws://mc.example.org:4097/cc",
    server_url: "http://mc.example.org:9",
    token_required: "true",
  });
});

test("a Host without a port (CC: Tweaked before 1.90) gets the port the request came in on", async () => {
  const r = await get(plain.port, "/install", { host: "mc.example.org" });
  assert.equal(joinOf(r.body.toString()).base, `http://mc.example.org:${plain.port}/files/`);
});

test("X-Forwarded-* headers are ignored unless the owner passes --trust-proxy", async () => {
  const forwarded = { host: "10.0.0.5:4097", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" };
  const r = await get(plain.port, "/install", forwarded);
  assert.equal(joinOf(r.body.toString()).base, "http://10.0.0.5:4097/files/");
  const trusting = await startBridge(["--trust-proxy", "--quiet"]);
  try {
    const t = await get(trusting.port, "/install", { ...forwarded, "x-forwarded-prefix": "/opencc" });
    const join = joinOf(t.body.toString());
    assert.equal(join.base, "https://evil.example/opencc/files/");
    assert.equal(join.bridge_url, "wss://evil.example/opencc/cc");
    assert.equal(join.token_required, "false");
  } finally {
    await trusting.stop();
  }
});

test("--public-url and --public-opencode-url win over the request; odd characters stay Lua strings", async () => {
  const b = await startBridge(
    ["--public-url", "https://mc.example/join/", "--public-opencode-url", 'https://ai.example/a"b\\c', "--quiet"],
    {},
  );
  try {
    const join = joinOf((await get(b.port, "/install", { host: "127.0.0.1" })).body.toString());
    assert.equal(join.base, "https://mc.example/join/files/");
    assert.equal(join.bridge_url, "wss://mc.example/join/cc");
    assert.equal(join.server_url, 'https://ai.example/a"b\\c');
  } finally {
    await b.stop();
  }
});

test("an unusable Host is refused with one line, not written into Lua", async () => {
  const r = await get(plain.port, "/install", { host: 'x"; os.shutdown() --' });
  assert.equal(r.status, 400);
  assert.match(r.body.toString(), /unusable Host/);
});

test("serves exactly the manifest's files, byte for byte; never the password, the token only when shared", async () => {
  const manifest = readFileSync(path.join(build, "manifest.txt"), "utf8");
  const names = manifest
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(" ")[0]);
  assert.ok(names.includes("libai.lua") && names.includes("ai.lua"), manifest);
  const bodies = [(await get(plain.port, "/install")).body.toString()];
  for (const name of ["manifest.txt", ...names]) {
    const r = await get(plain.port, `/files/${name}`);
    assert.equal(r.status, 200, name);
    assert.deepEqual(r.body, readFileSync(path.join(build, name)), name);
    bodies.push(r.body.toString());
  }
  for (const body of bodies) {
    assert.ok(!body.includes(PASSWORD), "the password was served");
    assert.ok(!body.includes(TOKEN), "the token was served");
  }
  const sharing = await startBridge(["--token", TOKEN, "--share-token", "--quiet"], {
    OPENCODE_SERVER_PASSWORD: PASSWORD,
  });
  try {
    const body = (await get(sharing.port, "/install")).body.toString();
    assert.equal(joinOf(body).bridge_token, TOKEN);
    assert.equal(joinOf(body).token_required, "false");
    assert.ok(!body.includes(PASSWORD), "the password was served");
  } finally {
    await sharing.stop();
  }
});

test("anything else is a 404, another method a 405", async () => {
  for (const p of [
    "/files/",
    "/files/install.lua",
    "/files/bridge/main.js",
    "/files/..%2fpackage.json",
    "/install/x",
  ]) {
    assert.equal((await get(plain.port, p)).status, 404, p);
  }
  const post = await get(plain.port, "/install", {}, "POST");
  assert.equal(post.status, 405);
  assert.equal(post.headers.allow, "GET, HEAD");
});

test("options: --share-token needs a token; public URLs must be http(s) without user info", async () => {
  let r = await runBridge(["--host", "127.0.0.1", "--port", "0", "--share-token"], { OPENCC_BRIDGE_TOKEN: "" });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--share-token: there is no --token to share/);
  r = await runBridge(["--host", "127.0.0.1", "--port", "0", "--public-url", "http://user:pw@host"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--public-url http:\/\/user:pw@host is not an http\(s\) URL/);
});
