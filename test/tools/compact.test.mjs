// The build's compactor (src/tools/compact.mjs): what it takes out of a bundle, and what it must
// never touch. Each case is checked by running both versions under the host's Lua.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { compactLua } from "../../src/tools/compact.mjs";

const lua = ["lua5.2", "lua5.1"].find((l) => spawnSync(l, ["-v"]).status === 0);

function runLua(src) {
  const r = spawnSync(lua, ["-"], { input: src, encoding: "utf8" });
  return r.stdout + r.stderr;
}

test("drops indentation, blank lines, comments and the spaces that separate nothing", () => {
  const src = "-- a comment\nlocal x = 1\n\n    if x == 1 then\n        print( x + 2 ) -- three\n    end\n";
  assert.equal(compactLua(src), "local x=1\nif x==1 then\nprint(x+2)\nend\n");
});

test("keeps strings, escapes and long strings as they are", () => {
  const src = [
    'print("a  b -- not a comment", \'it\\\'s  "q"\')',
    "print([[line one",
    "",
    "   kept  as is ]], [==[ ]] still ]==])",
    'print("back\\\\slash  ", "\\"quoted\\"  ")',
  ].join("\n");
  const out = compactLua(src);
  assert.equal(runLua(out), runLua(src));
  assert.match(out, /\[\[line one\n\n {3}kept {2}as is \]\]/);
});

test("keeps the spaces Lua needs: words, numbers before .., a minus before a minus, [ before [", () => {
  const src =
    "local a, b = 1, 2\nprint(a .. b, 1 .. 2, a - -b, 2 - - 3, 1e-2 + 3, 0x10 ..'', #{ [ [[k]] ] = 1 })\nlocal t = { [ [=[k]=] ] = 5 }\nprint(t.k, not a, a and b or 3)";
  const out = compactLua(src);
  assert.equal(runLua(out), runLua(src));
  assert.equal(runLua(src), "12\t12\t3\t5\t3.01\t16\t0\n5\tfalse\t2\n");
});

test("drops a long comment whole and is idempotent", () => {
  const src = "--[[ a long\ncomment ]] local x = 1\n--[==[ another ]] ]==]\nprint(x)\n";
  const out = compactLua(src);
  assert.equal(out, "local x=1\nprint(x)\n");
  assert.equal(compactLua(out), out);
});

test("the committed bundles are already compact and load", () => {
  for (const name of ["libai.lua", "libai_bridge.lua", "ai.lua", "aichat.lua"]) {
    const text = readFileSync(new URL(`../../build/${name}`, import.meta.url), "utf8");
    assert.equal(compactLua(text), text, name);
    assert.equal(runLua(`assert(loadfile(${JSON.stringify(`build/${name}`)}))`), "", name);
  }
});

test("shortens the compiler's own locals, never a field, a string's name, a global or our names", () => {
  const src = [
    "local _0 = 'taken'",
    "local ____exports = {}",
    "local ____errors = { fail = function(m) return 'failed: ' .. m end }",
    "local fail = ____errors.fail",
    "local obj = { ____constructor = function(self) return 'built' end }",
    "____global = 'global'",
    "local ____named = 'in a string'",
    "function ____exports.run(self) return fail(obj:____constructor()) .. _0 end",
    "print(____exports.run(), ____global, ____named, '____named', obj.____constructor(obj))",
  ].join("\n");
  const out = compactLua(src);
  assert.equal(runLua(out), runLua(src));
  assert.equal(runLua(src), "failed: builttaken\tglobal\tin a string\t____named\tbuilt\n");
  assert.doesNotMatch(out, /____exports|____errors/);
  assert.match(out, /local fail=_\w+\.fail/);
  assert.match(out, /obj:____constructor\(\)/);
  assert.match(out, /____global='global'/);
  assert.match(out, /local ____named=/);
  assert.doesNotMatch(out, /local _0=\{\}/);
});
