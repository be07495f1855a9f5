// A CC computer has 1 MB of disk: the bundles lose what Lua does not need, and nothing else. No
// line is joined and no name from our source is renamed, so a traceback names the function and a
// line a player can find in the file; what goes is indentation, blank lines, comments, the spaces
// between tokens that separate nothing (with TSTL's indentation, a quarter of a bundle), and the
// length of the compiler's own local names (`____exports`, `____temp_0`, one per imported module:
// a tenth of what is left), which no source holds and no player reads. Strings, long strings and
// comments are read as Lua reads them, so nothing inside a string changes.
const WORD = /[A-Za-z0-9_.]/;

/** Where the long bracket opening at `i` ("[[", "[==[") ends, or -1 when there is none at `i`. */
function longBracketEnd(src, i) {
  const m = /^\[(=*)\[/.exec(src.slice(i, i + 64));
  if (m === null) return -1;
  const close = "]" + m[1] + "]";
  const end = src.indexOf(close, i + m[0].length);
  if (end < 0) throw new Error(`unfinished long bracket at offset ${i}`);
  return end + close.length;
}

function quotedEnd(src, i) {
  const q = src[i];
  let j = i + 1;
  while (src[j] !== q) {
    if (src[j] === "\\") j++;
    if (j >= src.length || src[j] === "\n") throw new Error(`unfinished string at offset ${i}`);
    j++;
  }
  return j + 1;
}

/** Whether two tokens would run together without a space between them. */
function needsSpace(a, b) {
  return (WORD.test(a) && WORD.test(b)) || (a === "-" && b === "-") || (a === "[" && (b === "[" || b === "="));
}

const GENERATED = /^____\w+$/;

/**
 * Short names for the compiler's locals: those of the form `____x` that the file declares as a
 * local and never uses as a field (`a.____constructor`, `a:____x`) or in a string, so the names
 * lualib's classes look up and any global stay as they are. A new name is never a word the file
 * already holds.
 */
function shortenGenerated(out, words, strs) {
  const taken = new Set();
  const fields = new Set();
  const locals = new Set();
  for (const k of words) {
    const parts = out[k].split(".");
    parts.forEach((part, n) => (n === 0 && out[k - 1] !== ":" ? taken : fields).add(part));
    const prev = out[k - 2] === "local" || out[k - 1] === "local" ? "local" : out[k - 1];
    if (parts.length === 1 && GENERATED.test(parts[0]) && prev === "local") locals.add(parts[0]);
  }
  const strings = strs.map((k) => out[k]).join("\n");
  const names = new Map();
  let next = 0;
  for (const name of locals) {
    if (fields.has(name) || strings.includes(name)) continue;
    let short;
    do short = "_" + (next++).toString(36);
    while (taken.has(short));
    names.set(name, short);
  }
  for (const k of words) {
    const dot = out[k].indexOf(".");
    const head = dot < 0 ? out[k] : out[k].slice(0, dot);
    if (out[k - 1] !== ":" && names.has(head)) out[k] = names.get(head) + (dot < 0 ? "" : out[k].slice(dot));
  }
}

export function compactLua(src) {
  const out = [];
  const words = [];
  const strs = [];
  let last = "\n";
  let blank = false;
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === " " || c === "\t" || c === "\r") {
      blank = true;
      i++;
      continue;
    }
    if (c === "\n") {
      if (last !== "\n") out.push("\n");
      last = "\n";
      blank = false;
      i++;
      continue;
    }
    let end;
    if (src.startsWith("--", i)) {
      // A comment: dropped, but the lines of a long one are kept.
      const long = longBracketEnd(src, i + 2);
      end = long >= 0 ? long : src.indexOf("\n", i) < 0 ? src.length : src.indexOf("\n", i);
      if (src.slice(i, end).includes("\n") && last !== "\n") {
        out.push("\n");
        last = "\n";
      }
      i = end;
      continue;
    }
    if (c === '"' || c === "'") end = quotedEnd(src, i);
    else if (c === "[" && longBracketEnd(src, i) >= 0) end = longBracketEnd(src, i);
    else if (WORD.test(c)) {
      const m = /^[A-Za-z0-9_.]+(?:(?<=[0-9][eE])[+-][0-9]+)?/.exec(src.slice(i, i + 256));
      end = i + m[0].length;
    } else end = i + (/^(\.\.\.|\.\.|==|~=|<=|>=|::|\/\/|<<|>>)/.exec(src.slice(i, i + 3))?.[0].length ?? 1);
    const token = src.slice(i, end);
    if (blank && last !== "\n" && needsSpace(last, token[0])) out.push(" ");
    if (WORD.test(c)) words.push(out.length);
    else if (end - i > 1 && (c === '"' || c === "'" || c === "[")) strs.push(out.length);
    out.push(token);
    last = token[token.length - 1];
    blank = false;
    i = end;
  }
  shortenGenerated(out, words, strs);
  return out.join("");
}
