// Figures for a closing note: lines per file under src/, and the longest functions (TypeScript
// sources, by the lines they span). Usage: node src/tools/measure.mjs [count]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const count = Number(process.argv[2] ?? 10);
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
};
walk(join(root, "src"));

const functions = [];
for (const file of files) {
  const text = readFileSync(file, "utf8");
  console.log(String(text.split("\n").length - 1).padStart(5), relative(root, file));
  if (!file.endsWith(".ts")) continue;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      const name =
        node.name?.getText() ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : "(anonymous)");
      functions.push([last - first + 1, relative(root, file) + ":" + name]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
functions.sort((a, b) => b[0] - a[0]);
console.log("longest functions:");
for (const [lines, where] of functions.slice(0, count)) console.log(String(lines).padStart(5), where);
