#!/usr/bin/env node
// The anchors npm run bench compares opencc with, measured on the same server (no password):
//   node test/bench-anchor.mjs floor URL N          N blocking POST /session/:id/message "hello"
//        -> {"rtt":[ms...],"latency":[ms...]}     round trips, and the server's time.completed
//                                                  to the moment the answer was read
//   node test/bench-anchor.mjs concurrent URL K P  K sessions, K blocking prompts P at once
//        -> {"wall":ms}
//   node test/bench-anchor.mjs history URL N BYTES a session with N earlier messages of BYTES
//        -> {"session":"ses_..."}                  each (sent with noReply, so not answered)
//   node test/bench-anchor.mjs session URL         -> {"session":"ses_..."}
//   node test/bench-anchor.mjs run URL N           N runs of `opencode run --attach URL hello`
//        -> {"wall":[ms...]}                       (the pinned opencode-ai package's binary)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { opencodeBinary } from "./servers/opencode.mjs";

const [cmd, url, a, b] = process.argv.slice(2);

async function call(method, route, body) {
  const res = await fetch(url + route, {
    method,
    headers: { "content-type": "application/json", accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route} -> ${res.status} ${text.slice(0, 200)}`);
  return text === "" ? undefined : JSON.parse(text);
}

const newSession = async () => (await call("POST", "/session", {})).id;
const text = (t) => ({ parts: [{ type: "text", text: t }] });

async function floor(n) {
  const session = await newSession();
  await call("POST", `/session/${session}/message`, text("hello")); // the session's first prompt
  const rtt = [];
  const latency = [];
  for (let i = 0; i < n; i++) {
    const t0 = Date.now();
    const m = await call("POST", `/session/${session}/message`, text("hello"));
    const t1 = Date.now();
    rtt.push(t1 - t0);
    latency.push(t1 - m.info.time.completed);
  }
  return { rtt, latency };
}

async function concurrent(k, prompt) {
  const sessions = await Promise.all(Array.from({ length: k }, newSession));
  const t0 = Date.now();
  await Promise.all(sessions.map((s) => call("POST", `/session/${s}/message`, text(prompt))));
  return { wall: Date.now() - t0 };
}

async function history(n, bytes) {
  const session = await newSession();
  for (let i = 0; i < n; i++) {
    const filler = `earlier message ${i} `.padEnd(bytes, "lorem ipsum dolor sit amet ");
    await call("POST", `/session/${session}/message`, { noReply: true, ...text(filler) });
  }
  return { session };
}

function run(n) {
  // A home of its own, like the test servers': no user config, no update checks.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "opencc-bench-run-"));
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, "config"),
    XDG_DATA_HOME: path.join(home, "data"),
    XDG_STATE_HOME: path.join(home, "state"),
    XDG_CACHE_HOME: path.join(home, "cache"),
    OPENCODE_DISABLE_AUTOUPDATE: "1",
    OPENCODE_DISABLE_MODELS_FETCH: "1",
    OPENCODE_DISABLE_DEFAULT_PLUGINS: "1",
    OPENCODE_PURE: "1",
  };
  const wall = [];
  for (let i = 0; i < n; i++) {
    const t0 = Date.now();
    const r = spawnSync(opencodeBinary(), ["run", "--attach", url, "hello"], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 60000,
    });
    wall.push(Date.now() - t0);
    if (r.status !== 0 || !String(r.stdout).includes("Hello from the fake model")) {
      throw new Error(`opencode run exited ${r.status}: ${String(r.stderr).slice(0, 300)}`);
    }
  }
  fs.rmSync(home, { recursive: true, force: true });
  return { wall };
}

const jobs = {
  floor: () => floor(Number(a)),
  concurrent: () => concurrent(Number(a), b),
  history: () => history(Number(a), Number(b)),
  session: async () => ({ session: await newSession() }),
  run: () => run(Number(a)),
};
if (!jobs[cmd] || !url) {
  console.error("usage: node test/bench-anchor.mjs floor|concurrent|history|session|run URL ...");
  process.exit(2);
}
process.stdout.write(JSON.stringify(await jobs[cmd]()) + "\n");
