// The house's size rules, checked by `npm run check`: a file in src/ has at most 250 lines, a
// TypeScript function (declaration, method, arrow function) at most 60 from its declaration to its
// closing brace, and no src/ file imports itself through others (a cycle makes the load order of
// the Lua bundles matter and hides which module owns what). Prints one line per breach, naming
// file and line, and exits 1 when there is any. Usage: node src/tools/limits.mjs
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const MAX_FILE_LINES = 250;
const MAX_FUNCTION_LINES = 60;

// Files over a limit on purpose, each with the limit it may break ("file" or "function"): none
// today. An entry is a debt to pay: remove it as soon as its file fits.
const ALLOWED = new Map();

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
};
walk(join(root, "src"));

const breaches = [];
const allowed = (file, limit) => ALLOWED.get(file) === limit;
const imports = new Map();

/** The src/ file an import names (relative paths, and "libai" for the library's index), if any. */
function resolveImport(from, spec) {
  let base;
  if (spec === "libai") base = join(root, "src", "libai", "index");
  else if (spec.startsWith(".")) base = resolve(dirname(from), spec);
  else return undefined;
  for (const candidate of [base + ".ts", join(base, "index.ts")]) if (existsSync(candidate)) return candidate;
  return undefined;
}

for (const file of files) {
  const name = relative(root, file);
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  if (lines > MAX_FILE_LINES && !allowed(name, "file"))
    breaches.push(`${name}:${lines}: file has ${lines} lines (at most ${MAX_FILE_LINES})`);
  if (!file.endsWith(".ts")) continue;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const targets = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const target = resolveImport(file, node.moduleSpecifier.text);
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      if (target !== undefined) targets.push({ target, line });
    }
    if (ts.isFunctionLike(node) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const last = source.getLineAndCharacterOfPosition(node.end).line + 1;
      const span = last - first + 1;
      const fn =
        node.name?.getText() ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : "(anonymous)");
      if (span > MAX_FUNCTION_LINES && !allowed(name, "function"))
        breaches.push(`${name}:${first}: function ${fn} has ${span} lines (at most ${MAX_FUNCTION_LINES})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  imports.set(file, targets);
}

// Depth-first search; a file met again while it is still on the path closes a cycle.
const state = new Map();
const path = [];
const seenCycles = new Set();
const search = (file) => {
  state.set(file, "open");
  path.push(file);
  for (const { target, line } of imports.get(file) ?? []) {
    if (state.get(target) === "open") {
      const cycle = path.slice(path.indexOf(target)).map((f) => relative(root, f));
      const key = [...cycle].sort().join(" ");
      if (!seenCycles.has(key)) {
        seenCycles.add(key);
        const where = `${relative(root, file)}:${line}`;
        breaches.push(`${where}: import cycle ${[...cycle, cycle[0]].join(" -> ")}`);
      }
    } else if (!state.has(target)) search(target);
  }
  path.pop();
  state.set(file, "done");
};
for (const file of imports.keys()) if (!state.has(file)) search(file);

for (const line of breaches) console.log(line);
process.exit(breaches.length > 0 ? 1 : 0);
