// Helpers for the bridge's node tests: start build/bridge/main.js as a child process on a free
// loopback port, an MCP client for it, and a scripted CC computer over WebSocket.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { WebSocket } from "ws";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const here = path.dirname(fileURLToPath(import.meta.url));
export const BRIDGE = path.join(here, "..", "..", "build", "bridge", "main.js");

/** Runs the bridge to completion (for option errors); resolves { code, stderr }. */
export function runBridge(args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BRIDGE, ...args], { env: { ...process.env, ...env } });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 10000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** Starts the bridge (extra environment variables in env) and waits for its ready line; resolves { port, ccUrl, mcpUrl, log, stop }. */
export function startBridge(args = [], env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BRIDGE, "--host", "127.0.0.1", "--port", "0", "--json-ready", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });
    let out = "";
    const log = [];
    child.stderr.on("data", (d) => log.push(...String(d).split("\n").filter(Boolean)));
    child.stdout.on("data", (d) => {
      out += d;
      const nl = out.indexOf("\n");
      if (nl < 0) return;
      const ready = JSON.parse(out.slice(0, nl));
      resolve({
        ...ready,
        ccUrl: `ws://127.0.0.1:${ready.port}/cc`,
        log,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
    child.on("exit", (code) => reject(new Error(`bridge exited with ${code}: ${log.join("\n")}`)));
  });
}

export async function mcpClient(mcpUrl) {
  const client = new Client({ name: "opencc-test", version: "0.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(mcpUrl)));
  return client;
}

/** The text of a tool result and whether it is an error. */
export function resultText(r) {
  return { text: r.content.map((c) => c.text).join(""), isError: r.isError === true };
}

/**
 * A scripted CC computer: connects, says hello, answers calls with handler(call) (a value, or a
 * promise; throw { error } to fail). Resolves once welcomed or refused: { ws, welcome, refused, calls }.
 */
export function fakeComputer(ccUrl, hello, handler = () => null) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(ccUrl);
    const state = { ws, calls: [], closed: null };
    ws.on("open", () =>
      ws.send(
        JSON.stringify({
          type: "hello",
          token: "",
          id: 1,
          kind: "computer",
          colour: true,
          tools: ["read"],
          peripherals: [],
          ...hello,
        }),
      ),
    );
    ws.on("message", async (data) => {
      const msg = JSON.parse(String(data));
      if (msg.type === "welcome") return resolve({ ...state, welcome: msg });
      if (msg.type === "refused") return (state.refused = msg.reason);
      if (msg.type === "call") {
        state.calls.push(msg);
        try {
          const result = await handler(msg);
          if (ws.readyState === WebSocket.OPEN)
            ws.send(JSON.stringify({ type: "result", call: msg.call, ok: true, result }));
        } catch (e) {
          if (ws.readyState === WebSocket.OPEN)
            ws.send(JSON.stringify({ type: "result", call: msg.call, ok: false, error: e.error ?? String(e) }));
        }
      }
    });
    ws.on("close", (code, reason) => {
      state.closed = { code, reason: String(reason) };
      resolve(state);
    });
    ws.on("error", reject);
  });
}

/**
 * The real test servers (OPENCC_TEST_* of test/servers/start.mjs): those test/run.sh started, or,
 * when this file runs on its own, a set started here. Resolves { env, stop }.
 */
export async function testServers() {
  if (process.env.OPENCC_TEST_AUTH_URL) return { env: process.env, stop: async () => {} };
  const envFile = path.join(os.tmpdir(), `opencc-node-env-${process.pid}-${Date.now()}`);
  const child = spawn(
    process.execPath,
    [path.join(here, "..", "servers", "start.mjs"), envFile, "--parent", String(process.pid)],
    {
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const exited = new Promise((r) => child.once("exit", r));
  for (let waited = 0; !fs.existsSync(envFile); waited += 100) {
    if (child.exitCode !== null || waited > 180000) throw new Error("the test servers did not start (see above)");
    await new Promise((r) => setTimeout(r, 100));
  }
  const env = {};
  for (const m of fs.readFileSync(envFile, "utf8").matchAll(/^export (\w+)='(.*)'$/gm)) env[m[1]] = m[2];
  fs.rmSync(envFile, { force: true });
  return {
    env,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
