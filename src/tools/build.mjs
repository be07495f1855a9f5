// Builds build/libai.lua (bundled library), build/libai_bridge.lua (the bridge's CC side, which
// libai loads only when a computer serves the bridge), build/ai.lua and build/aichat.lua (the
// programs), the bridge, the installer, the help pages and build/manifest.txt, then checks that
// the outputs exist, are not empty and load (TSTL can leave an empty bundle and exit 0), and
// prints their sizes against what a computer's disk can spare.
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, readFileSync, rmSync, writeFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compactLua } from "./compact.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const tstl = join(root, "node_modules", ".bin", "tstl");
const fail = (msg) => {
  console.error(`build failed: ${msg}`);
  process.exit(1);
};

// libai's declarations are generated: a file gone from src/libai must not leave its .d.ts behind.
rmSync(join(root, "types", "libai"), { recursive: true, force: true });
// libai first: it writes types/libai, which the others compile against.
const PROJECTS = [
  "tsconfig.json",
  "src/libai_bridge/tsconfig.json",
  "src/ai/tsconfig.json",
  "src/aichat/tsconfig.json",
];
for (const project of PROJECTS) {
  const r = spawnSync(tstl, ["-p", project], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) fail(`tstl -p ${project} exited with ${r.status}`);
}

// The one seam into a bundle: called with a table as its first argument (which neither the shell
// nor require ever passes), a bundle hands back its own require, so the installer's startup file,
// the build's help page and the tests load single modules from it ("complete", "config", ...).
// Otherwise the program runs main.run with the chunk's arguments (a bundled entry called with
// none would receive its module name), and the library returns its API as before.
const SEAM = 'local ____first = ...\nif type(____first) == "table" then return require end\n';
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
for (const [name, entry, run] of [
  ["libai.lua", "index", 'return require("index", ...)\n'],
  ["libai_bridge.lua", "index", 'return require("index", ...)\n'],
  ["ai.lua", "main", 'return require("main").run(...)\n'],
  ["aichat.lua", "main", 'return require("main").run(...)\n'],
]) {
  const path = join(root, "build", name);
  if (!existsSync(path)) continue;
  let src = readFileSync(path, "utf8");
  const tail = `local ____entry = require("${entry}", ...)\nreturn ____entry`;
  if (!src.includes(tail)) fail(`build/${name} does not end with the expected bundle entry`);
  src = src.replace(tail, SEAM + run);
  // The version lives in package.json only: each bundle has its one placeholder for it.
  if (src.split('"@VERSION@"').length !== 2) fail(`build/${name} must have exactly one version placeholder`);
  writeFileSync(path, src.replace('"@VERSION@"', JSON.stringify(version)));
}

const BUNDLES = ["libai.lua", "libai_bridge.lua", "ai.lua", "aichat.lua"];
for (const name of BUNDLES) {
  const file = join(root, "build", name);
  if (!existsSync(file)) fail(`build/${name} is missing`);
  if (statSync(file).size === 0) fail(`build/${name} is empty`);
  writeFileSync(file, compactLua(readFileSync(file, "utf8")));
}

// opencc-bridge (Node side) is compiled by tsc into build/bridge, committed so that
// `npm run bridge` and the opencc-bridge bin work on a clone right after npm install.
const tsc = join(root, "node_modules", ".bin", "tsc");
const bridge = spawnSync(tsc, ["-p", "src/bridge"], { cwd: root, stdio: "inherit" });
if (bridge.status !== 0) fail(`tsc -p src/bridge exited with ${bridge.status}`);
const bridgeMain = join(root, "build", "bridge", "main.js");
if (!existsSync(bridgeMain)) fail("build/bridge/main.js is missing");
chmodSync(bridgeMain, 0o755);

const lua = ["lua5.1", "lua5.2", "lua"].find((l) => spawnSync(l, ["-v"]).status === 0);
if (!lua) fail("no Lua interpreter to check the outputs with: run `apt-get install lua5.1` (see README)");

// The installer is hand-written Lua; each program's help page comes out of its bundle.
copyFileSync(join(root, "src", "install", "install.lua"), join(root, "build", "install.lua"));
for (const program of ["ai", "aichat"]) {
  const page = spawnSync(lua, [join(root, "src", "install", "helppage.lua"), join(root, "build"), program], {
    encoding: "utf8",
  });
  if (page.status !== 0) fail(`could not write build/${program}.txt:\n${page.stdout}${page.stderr}`);
}
for (const name of ["install.lua", "ai.txt", "aichat.txt"]) {
  if (!existsSync(join(root, "build", name)) || statSync(join(root, "build", name)).size === 0)
    fail(`build/${name} is missing or empty`);
}
const check = spawnSync(lua, [join(root, "src", "tools", "check-build.lua"), join(root, "build")], {
  encoding: "utf8",
});
if (check.status !== 0) fail(`the outputs do not load under ${lua}:\n${check.stdout}${check.stderr}`);

// What a computer installs: build/manifest.txt lists each file with its size and checksum, in the
// bridge's format (build/bridge/manifest.js, compiled above), for install.lua and the bridge's
// /install. A new bundle for computers is one entry here: [file in build/, where it goes].
const INSTALLED = [
  ["libai.lua", "libai.lua"],
  ["libai_bridge.lua", "libai_bridge.lua"],
  ["ai.lua", "ai.lua"],
  ["ai.txt", "help/ai.txt"],
  ["aichat.lua", "aichat.lua"],
  ["aichat.txt", "help/aichat.txt"],
];
const { adler32, formatManifest } = createRequire(import.meta.url)(join(root, "build", "bridge", "manifest.js"));
const files = INSTALLED.map(([name, target]) => {
  const data = readFileSync(join(root, "build", name));
  return { name, size: data.length, sum: adler32(data), target };
});
writeFileSync(join(root, "build", "manifest.txt"), formatManifest({ version, files }));
reportSizes();

// A computer has 1 MB of disk (a floppy 125 KB): what opencc takes of it, against the limits
// issue 18 set. Printed, not enforced: a change that goes over says so here.
function reportSizes() {
  const size = (n) => statSync(join(root, "build", n)).size;
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const names = [...INSTALLED.map(([n]) => n), "install.lua", "manifest.txt"];
  console.log(`built ${names.map((n) => `${n} ${size(n)} bytes`).join(", ")}`);
  // What the installer puts on a computer (install.lua itself runs from wget and is not kept).
  const installed = INSTALLED.map(([n]) => n);
  const limits = [
    ["libai.lua", ["libai.lua"], 64],
    ["libai.lua + ai.lua", ["libai.lua", "ai.lua"], 110],
    ["everything a computer gets", installed, 150],
  ];
  for (const [what, list, limitKb] of limits) {
    const total = list.reduce((sum, n) => sum + size(n), 0);
    const verdict = total <= limitKb * 1024 ? "holds" : "OVER";
    console.log(`size: ${what} ${kb(total)} (limit ${limitKb} KB): ${verdict}`);
  }
}
