// Builds build/libai.lua (bundled library) and build/ai.lua (the program), then checks
// that both exist, are not empty and load: TSTL can leave an empty bundle and exit 0.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const tstl = join(root, "node_modules", ".bin", "tstl");
const fail = (msg) => {
  console.error(`build failed: ${msg}`);
  process.exit(1);
};

for (const project of ["tsconfig.json", "src/ai/tsconfig.json"]) {
  const r = spawnSync(tstl, ["-p", project], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) fail(`tstl -p ${project} exited with ${r.status}`);
}

// A bundled entry called with no arguments receives its module name as its only argument,
// so the program's bundle ends by calling main.run with the chunk's own arguments instead.
const aiPath = join(root, "build", "ai.lua");
if (existsSync(aiPath)) {
  const src = readFileSync(aiPath, "utf8");
  const tail = 'local ____entry = require("main", ...)\nreturn ____entry';
  if (!src.includes(tail)) fail("build/ai.lua does not end with the expected bundle entry");
  writeFileSync(aiPath, src.replace(tail, 'return require("main").run(...)\n'));
}

// A CC computer has 1 MB of disk: drop indentation and whole-line comments, which are a fifth
// of the output. Only safe without long-bracket strings, whose lines must stay as they are.
function compact(src) {
  const unquoted = src.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, "");
  if (/\[=*\[/.test(unquoted.replace(/--\[=*\[/g, ""))) return src;
  return (
    src
      .split("\n")
      .map((line) => line.replace(/^\s+/, ""))
      .filter((line) => line !== "" && !/^--(?!\[=*\[)/.test(line))
      .join("\n") + "\n"
  );
}

for (const name of ["libai.lua", "ai.lua"]) {
  const file = join(root, "build", name);
  if (!existsSync(file)) fail(`build/${name} is missing`);
  if (statSync(file).size === 0) fail(`build/${name} is empty`);
  writeFileSync(file, compact(readFileSync(file, "utf8")));
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

// The installer is hand-written Lua; the help page comes from src/ai/help.ts via the bundle.
copyFileSync(join(root, "src", "install", "install.lua"), join(root, "build", "install.lua"));
const page = spawnSync(lua, [join(root, "src", "install", "helppage.lua"), join(root, "build")], { encoding: "utf8" });
if (page.status !== 0) fail(`could not write build/ai.txt:\n${page.stdout}${page.stderr}`);
for (const name of ["install.lua", "ai.txt"]) {
  if (!existsSync(join(root, "build", name)) || statSync(join(root, "build", name)).size === 0)
    fail(`build/${name} is missing or empty`);
}
const check = spawnSync(lua, [join(root, "src", "tools", "check-build.lua"), join(root, "build")], {
  encoding: "utf8",
});
if (check.status !== 0) fail(`the outputs do not load under ${lua}:\n${check.stdout}${check.stderr}`);
const sizes = ["libai.lua", "ai.lua", "install.lua", "ai.txt"].map(
  (n) => `${n} ${statSync(join(root, "build", n)).size} bytes`,
);
console.log(`built ${sizes.join(", ")}`);
