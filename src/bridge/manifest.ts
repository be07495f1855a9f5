// build/manifest.txt: the files a CC computer installs, written by `npm run build` (through this
// module, so the build and the bridge share one format) and read by install.lua and the bridge.
//
//   opencc 0.1.0 5                     name, version, how many file lines follow
//   libai.lua 123456 1a2b3c4d libai.lua   file, size in bytes, Adler-32 (8 hex digits), where it goes
//
// Plain lines, because install.lua parses them with one string pattern on any CC version. The
// count in the first line lets a cut-off manifest be told from a short one.
//
// Why Adler-32: it needs only + and % (CC has no sha256 and its bit32 calls are slow; Lua 5.1 has
// no bit operators), so install.lua checks a 300 KB bundle in a few lines and well under a second.
// With the size it catches what goes wrong on the way: a cut-off body, an HTML error page served
// as 200, a stale or swapped file from a cache, line endings rewritten. It is not a defence
// against a hostile host: whoever serves install.lua serves the manifest too.

export interface ManifestEntry {
  /** File name in build/ (and in the URL). */
  name: string;
  size: number;
  /** Adler-32 of the file's bytes, 8 lowercase hex digits. */
  sum: string;
  /** Where it goes, relative to the install folder (help pages go to help/). */
  target: string;
}

export interface Manifest {
  version: string;
  files: ManifestEntry[];
}

const MOD = 65521;
// Deferring the modulo over a block keeps the sums exact in doubles (as install.lua does).
const BLOCK = 4096;

export function adler32(data: Uint8Array): string {
  let a = 1;
  let b = 0;
  for (let start = 0; start < data.length; start += BLOCK) {
    const end = Math.min(start + BLOCK, data.length);
    for (let i = start; i < end; i++) {
      a += data[i];
      b += a;
    }
    a %= MOD;
    b %= MOD;
  }
  return b.toString(16).padStart(4, "0") + a.toString(16).padStart(4, "0");
}

const NAME = /^[A-Za-z0-9_.-]+$/;
const TARGET = /^[A-Za-z0-9_-][A-Za-z0-9_./-]*$/;

/** A target stays inside the install folder: relative, no "..". */
function safeTarget(target: string): boolean {
  return TARGET.test(target) && !target.split("/").includes("..");
}

export function formatManifest(m: Manifest): string {
  const lines = [`opencc ${m.version} ${m.files.length}`];
  for (const f of m.files) {
    if (!NAME.test(f.name) || !safeTarget(f.target)) throw new Error(`bad manifest entry ${f.name} -> ${f.target}`);
    lines.push(`${f.name} ${f.size} ${f.sum} ${f.target}`);
  }
  return lines.join("\n") + "\n";
}

/** Parses a manifest; one line saying what is wrong when it is not one. */
export function parseManifest(text: string): Manifest | { error: string } {
  const lines = text.split("\n");
  const head = /^opencc (\S+) (\d+)$/.exec(lines[0] ?? "");
  if (!head) return { error: "its first line is not `opencc <version> <count>`" };
  const count = Number(head[2]);
  const files: ManifestEntry[] = [];
  for (const line of lines.slice(1)) {
    if (line === "") continue;
    const m = /^(\S+) (\d+) ([0-9a-f]{8}) (\S+)$/.exec(line);
    if (!m || !NAME.test(m[1]) || !safeTarget(m[4])) return { error: `bad line: ${line}` };
    files.push({ name: m[1], size: Number(m[2]), sum: m[3], target: m[4] });
  }
  if (files.length !== count) return { error: `it lists ${files.length} files, its first line says ${count}` };
  return { version: head[1], files };
}
