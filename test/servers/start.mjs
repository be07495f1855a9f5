#!/usr/bin/env node
// Test server supervisor: starts the fake model, one opencode server without a password and one
// with the password "opencc-test-secret", in parallel, and the fault-injecting proxy in front of
// the password server (fault-proxy.mjs), then writes a shell env file and stays
// running until SIGTERM/SIGINT or until its parent (or the pid given with --parent) disappears.
//
// Usage: node test/servers/start.mjs ENV_FILE [--parent PID]
// The env file is written to ENV_FILE.tmp and renamed, so a reader never sees half of it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startOpencode, freePort } from "./opencode.mjs";
import { startFaultProxy } from "./fault-proxy.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const TEST_PASSWORD = "opencc-test-secret";
export const BRIDGE_TOKEN = "opencc-bridge-test-token";

const args = process.argv.slice(2);
const envFile = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--parent");
const parentIdx = args.indexOf("--parent");
const watchPid = parentIdx >= 0 ? Number(args[parentIdx + 1]) : process.ppid;
if (!envFile) {
  console.error("usage: node test/servers/start.mjs ENV_FILE [--parent PID]");
  process.exit(2);
}

const log = (msg) => process.stderr.write(`[servers] ${msg}\n`);
const started = Date.now();
const stoppers = [];
let stopping = false;

/** Starts the fake model as a child process; resolves with { url, pid, stop }. */
function startFakeModel() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, "fake-model.mjs"), "0"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    let done = false;
    const stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(child.pid, "SIGTERM");
      } catch {}
      const deadline = Date.now() + 3000;
      while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(child.pid, "SIGKILL");
        } catch {}
      }
    };
    child.stdout.on("data", (d) => {
      out += d;
      const nl = out.indexOf("\n");
      if (!done && nl >= 0) {
        done = true;
        const { port } = JSON.parse(out.slice(0, nl));
        resolve({ url: `http://127.0.0.1:${port}`, pid: child.pid, stop });
      }
    });
    child.on("exit", (code, signal) => {
      if (!done) {
        done = true;
        reject(new Error(`fake model exited during start-up (code ${code}, signal ${signal})`));
      } else if (!stopping) log(`fake model (pid ${child.pid}) exited unexpectedly (code ${code}, signal ${signal})`);
    });
    child.on("error", (e) => {
      if (!done) {
        done = true;
        reject(e);
      }
    });
  });
}

/**
 * Starts opencc-bridge (build/bridge/main.js) on a free loopback port with BRIDGE_TOKEN,
 * registered with the opencode server at opencodeUrl; resolves { ccUrl, pid, stop }. A computer
 * has 8 s to answer a call (6 s of its own), so specs of calls that hang stay short.
 */
function startBridge(opencodeUrl) {
  return new Promise((resolve, reject) => {
    const main = path.join(here, "..", "..", "build", "bridge", "main.js");
    const child = spawn(
      process.execPath,
      [
        main,
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--token",
        BRIDGE_TOKEN,
        "--opencode",
        opencodeUrl,
        "--json-ready",
        "--quiet",
        "--call-timeout",
        "8",
      ],
      { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, OPENCODE_SERVER_PASSWORD: TEST_PASSWORD } },
    );
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const nl = out.indexOf("\n");
      if (nl < 0) return;
      const ready = JSON.parse(out.slice(0, nl));
      if (ready.registrationFailures > 0) reject(new Error("it could not register with opencode"));
      resolve({
        ccUrl: `ws://127.0.0.1:${ready.port}/cc`,
        pid: child.pid,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill("SIGTERM");
          await new Promise((r) => setTimeout(r, 200));
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
        },
      });
    });
    child.on("exit", (code) => reject(new Error(`exited with ${code}`)));
  });
}

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  let done = 0;
  while (done < stoppers.length) {
    const batch = stoppers.slice(done);
    done = stoppers.length;
    await Promise.allSettled(batch.map((s) => s()));
  }
  try {
    fs.rmSync(envFile + ".tmp", { force: true });
  } catch {}
  process.exit(code);
}

process.on("SIGTERM", () => stopAll(0));
process.on("SIGINT", () => stopAll(0));
process.on("SIGHUP", () => stopAll(0));

// Stop when whoever started us is gone.
setInterval(() => {
  let gone = false;
  if (parentIdx < 0 && process.ppid !== watchPid) gone = true;
  try {
    process.kill(watchPid, 0);
  } catch (e) {
    if (e.code === "ESRCH") gone = true;
  }
  if (gone) {
    log(`parent ${watchPid} is gone; stopping servers`);
    stopAll(0);
  }
}, 1000).unref();

function shellQuote(v) {
  return `'${String(v).replace(/'/g, `'\\''`)}'`;
}

// A server spawned while stopAll runs is stopped at once.
const onSpawn = (stop) => {
  stoppers.push(stop);
  if (stopping) stop();
};

try {
  const model = await startFakeModel();
  stoppers.push(model.stop);
  if (stopping) await model.stop();
  log(`fake model at ${model.url} (pid ${model.pid})`);
  const results = await Promise.allSettled([
    startOpencode({ modelUrl: model.url, name: "opencode (no password)", onSpawn }),
    startOpencode({ modelUrl: model.url, password: TEST_PASSWORD, name: "opencode (password)", onSpawn }),
  ]);
  if (stopping) await new Promise(() => {}); // stopAll is running and will exit
  const failed = results.filter((r) => r.status === "rejected");
  if (failed.length > 0) {
    for (const f of failed) log(`FAILED: ${f.reason?.message || f.reason}`);
    await stopAll(1);
  }
  const [plain, auth] = results.map((r) => r.value);
  log(`opencode at ${plain.url} (pid ${plain.pid}, ${plain.startupMs} ms)`);
  log(`opencode with password at ${auth.url} (pid ${auth.pid}, ${auth.startupMs} ms)`);
  const deadUrl = `http://127.0.0.1:${await freePort()}`;
  const proxy = await startFaultProxy({ target: auth.url });
  stoppers.push(proxy.stop);
  log(`fault proxy at ${proxy.url} -> ${auth.url} (control ${proxy.controlUrl}, elsewhere ${proxy.elsewhereUrl})`);
  const bridge = await startBridge(auth.url).catch((e) => {
    log(`opencc-bridge FAILED to start: ${e.message}`);
    return undefined;
  });
  if (bridge) {
    stoppers.push(bridge.stop);
    log(`opencc-bridge at ${bridge.ccUrl} (pid ${bridge.pid}), registered with ${auth.url}`);
  }
  const vars = {
    OPENCC_TEST_URL: plain.url,
    OPENCC_TEST_AUTH_URL: auth.url,
    OPENCC_TEST_PASSWORD: TEST_PASSWORD,
    OPENCC_TEST_USERNAME: "opencode",
    OPENCC_TEST_MODEL_URL: model.url,
    OPENCC_TEST_DEAD_URL: deadUrl,
    OPENCC_TEST_PROXY_URL: proxy.url,
    OPENCC_TEST_PROXY_CONTROL_URL: proxy.controlUrl,
    OPENCC_TEST_ELSEWHERE_URL: proxy.elsewhereUrl,
    OPENCC_TEST_PROJECT_DIR: plain.projectDir,
    OPENCC_TEST_PROJECT_DIR_AUTH: auth.projectDir,
    OPENCC_TEST_SUPERVISOR_PID: process.pid,
    OPENCC_TEST_MODEL_PID: model.pid,
    OPENCC_TEST_OPENCODE_PID: plain.pid,
    OPENCC_TEST_OPENCODE_AUTH_PID: auth.pid,
    OPENCC_TEST_STARTUP_MS: Date.now() - started,
    OPENCC_TEST_BRIDGE_URL: bridge ? bridge.ccUrl : "",
    OPENCC_TEST_BRIDGE_TOKEN: BRIDGE_TOKEN,
    OPENCC_TEST_BRIDGE_PID: bridge ? bridge.pid : "",
  };
  const text =
    Object.entries(vars)
      .map(([k, v]) => `export ${k}=${shellQuote(v)}`)
      .join("\n") + "\n";
  fs.writeFileSync(envFile + ".tmp", text);
  fs.renameSync(envFile + ".tmp", envFile);
  log(`servers ready in ${vars.OPENCC_TEST_STARTUP_MS} ms; env in ${envFile}`);
} catch (e) {
  log(`FAILED: ${e.message}`);
  await stopAll(1);
}
