#!/usr/bin/env node
// Starts the real `opencode serve` offline for tests (see /work/shared/opencode-server-notes.md):
// a fresh temp HOME and XDG_* dirs, a pre-created config dir (so it does not run npm install),
// the OPENCODE_DISABLE_* / OPENCODE_PURE switches, and an inline config whose only provider is
// the fake model server. The project directory is a temporary git repo used as the cwd.
//
//   import { startOpencode } from "./opencode.mjs"
//   const oc = await startOpencode({ modelUrl: "http://127.0.0.1:N", password: "secret" })
//   oc.url, oc.pid, oc.projectDir, oc.password, await oc.stop()
//
// CLI: node test/servers/opencode.mjs MODEL_URL [PASSWORD]   (prints {"url","pid","projectDir"}).
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "..", "..");

/** The real opencode binary (the npm wrapper's bin is a stub when install scripts were skipped). */
export function opencodeBinary() {
  if (process.env.OPENCODE_BIN) return process.env.OPENCODE_BIN;
  const candidates = [
    path.join(repoRoot, "node_modules", `opencode-${process.platform}-${process.arch}`, "bin", "opencode"),
    path.join(repoRoot, "node_modules", `opencode-${process.platform}-${process.arch}-baseline`, "bin", "opencode"),
    path.join(repoRoot, "node_modules", "opencode-ai", "bin", "opencode.exe"),
  ];
  for (const c of candidates) {
    try {
      if (fs.statSync(c).size > 1_000_000) return c;
    } catch {}
  }
  throw new Error(`opencode binary not found (looked in ${candidates.join(", ")}); run npm install`);
}

/** The opencode version, from the npm package next to the binary. */
export function opencodeVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(repoRoot, "node_modules", "opencode-ai", "package.json"), "utf8"))
      .version;
  } catch {
    return "1.18.33";
  }
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The opencode config used by tests: one fake provider, two agents. */
export function testConfig(modelUrl) {
  return {
    $schema: "https://opencode.ai/config.json",
    autoupdate: false,
    share: "disabled",
    model: "fake/fake-model",
    small_model: "fake/fake-model",
    enabled_providers: ["fake"],
    provider: {
      fake: {
        npm: "@ai-sdk/openai-compatible",
        name: "Fake",
        options: { baseURL: `${modelUrl.replace(/\/+$/, "")}/v1`, apiKey: "fake-key" },
        models: {
          "fake-model": { name: "Fake Model", limit: { context: 100000, output: 4096 } },
          "other-model": { name: "Other Model", limit: { context: 100000, output: 4096 } },
        },
      },
    },
    agent: {
      helper: {
        description: "A helpful test agent",
        mode: "primary",
        prompt: "You are a helpful test agent.",
      },
      asker: {
        description: "A test agent that must ask before running bash or an opencc-bridge tool",
        mode: "primary",
        prompt: "You are a test agent that asks before running commands.",
        permission: { bash: "ask", "opencc_*": "ask" },
      },
    },
  };
}

function writeJson(file, value) {
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + "\n");
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts opencode serve. Options: modelUrl (required: the fake model's base URL), password,
 * username, port (default: a free one), timeoutMs (default 60000), name (for messages).
 */
export async function startOpencode(opts) {
  const name = opts.name || "opencode";
  const version = opencodeVersion();
  const bin = opencodeBinary();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "opencc-opencode-"));
  const home = path.join(root, "home");
  const xdg = {
    XDG_CONFIG_HOME: path.join(root, "config"),
    XDG_DATA_HOME: path.join(root, "data"),
    XDG_STATE_HOME: path.join(root, "state"),
    XDG_CACHE_HOME: path.join(root, "cache"),
  };
  const projectDir = path.join(root, "project");
  for (const d of [home, projectDir, ...Object.values(xdg)]) fs.mkdirSync(d, { recursive: true });

  // Pre-create the config dir's dependencies so opencode does not run `npm install`.
  const configDir = path.join(xdg.XDG_CONFIG_HOME, "opencode");
  fs.mkdirSync(path.join(configDir, "node_modules"), { recursive: true });
  const deps = { "@opencode-ai/plugin": version };
  writeJson(path.join(configDir, "package.json"), { dependencies: deps });
  writeJson(path.join(configDir, "package-lock.json"), {
    name: "opencode",
    lockfileVersion: 3,
    requires: true,
    packages: {
      "": { dependencies: deps },
      "node_modules/@opencode-ai/plugin": { version },
    },
  });

  // The project: a small git repo.
  fs.writeFileSync(path.join(projectDir, "README.md"), "opencc test project\n");
  try {
    const git = (...args) => execFileSync("git", args, { cwd: projectDir, stdio: "ignore" });
    git("init", "-q");
    git("-c", "user.email=test@example.com", "-c", "user.name=test", "add", ".");
    git("-c", "user.email=test@example.com", "-c", "user.name=test", "commit", "-q", "-m", "init");
  } catch {
    // git missing: opencode still works in a plain directory.
  }

  const port = opts.port || (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const env = {
    PATH: process.env.PATH,
    LANG: process.env.LANG || "C.UTF-8",
    TZ: process.env.TZ || "UTC",
    HOME: home,
    ...xdg,
    OPENCODE_DISABLE_MODELS_FETCH: "1",
    OPENCODE_DISABLE_AUTOUPDATE: "1",
    OPENCODE_DISABLE_LSP_DOWNLOAD: "1",
    OPENCODE_DISABLE_SHARE: "1",
    OPENCODE_DISABLE_DEFAULT_PLUGINS: "1",
    OPENCODE_PURE: "1",
    OPENCODE_CONFIG_CONTENT: JSON.stringify(testConfig(opts.modelUrl)),
  };
  if (opts.password) {
    env.OPENCODE_SERVER_PASSWORD = opts.password;
    if (opts.username) env.OPENCODE_SERVER_USERNAME = opts.username;
  }
  const logFile = path.join(root, "serve.log");
  const logFd = fs.openSync(logFile, "a");
  const started = Date.now();
  const child = spawn(bin, ["serve", "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: projectDir,
    env,
    stdio: ["ignore", logFd, logFd],
  });
  fs.closeSync(logFd);
  const pid = child.pid;
  let exited = null;
  child.on("exit", (code, signal) => {
    exited = { code, signal };
  });
  child.on("error", (e) => {
    exited = { error: e };
  });

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    if (pid && exited === null && alive(pid)) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {}
      const deadline = Date.now() + 8000;
      while (exited === null && alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (exited === null && alive(pid)) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {}
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    if (!opts.keep) fs.rmSync(root, { recursive: true, force: true });
  }
  // Lets a supervisor stop this server even while it is still starting.
  if (opts.onSpawn) opts.onSpawn(stop);

  const headers = {};
  if (opts.password) {
    headers.authorization =
      "Basic " + Buffer.from(`${opts.username || "opencode"}:${opts.password}`).toString("base64");
  }
  const timeoutMs = opts.timeoutMs || 60000;
  const deadline = started + timeoutMs;
  let lastError;
  while (true) {
    if (exited !== null) {
      const why = exited.error ? exited.error.message : `code ${exited.code}, signal ${exited.signal}`;
      const log = tail(logFile);
      await stop();
      throw new Error(`${name}: opencode serve exited during start-up (${why}). Log tail:\n${log}`);
    }
    try {
      const res = await fetch(`${url}/global/health`, { headers, signal: AbortSignal.timeout(2000) });
      const body = await res.text();
      if (res.ok) break;
      lastError = `HTTP ${res.status} ${body.slice(0, 200)}`;
    } catch (e) {
      lastError = e.cause?.code || e.message;
    }
    if (Date.now() > deadline) {
      const log = tail(logFile);
      await stop();
      throw new Error(
        `${name}: opencode serve at ${url} not healthy after ${timeoutMs} ms (${lastError}). Log tail:\n${log}`,
      );
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    name,
    url,
    pid,
    port,
    projectDir,
    root,
    logFile,
    password: opts.password,
    username: opts.password ? opts.username || "opencode" : undefined,
    startupMs: Date.now() - started,
    stop,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] || "").href) {
  const [modelUrl, password] = process.argv.slice(2);
  if (!modelUrl) {
    console.error("usage: node test/servers/opencode.mjs MODEL_URL [PASSWORD]");
    process.exit(2);
  }
  try {
    const oc = await startOpencode({ modelUrl, password });
    console.log(JSON.stringify({ url: oc.url, pid: oc.pid, projectDir: oc.projectDir, startupMs: oc.startupMs }));
    const stop = () => oc.stop().then(() => process.exit(0));
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
