// Text between the server (UTF-8) and the CC terminal (one byte a character: ISO-8859-1 for
// 0xA0-0xFF, CC's own glyphs below 0x20 and at 0x80-0x9F).

// Code points outside ISO-8859-1 that have a close CC glyph (CC's font follows code page 437
// below 0x20) or an ASCII stand-in. Everything else becomes "?".
const NEAREST: { [cp: number]: string } = {
  0x2018: "'",
  0x2019: "'",
  0x201a: ",",
  0x201b: "'",
  0x2032: "'",
  0x201c: '"',
  0x201d: '"',
  0x201e: '"',
  0x201f: '"',
  0x2033: '"',
  0x00ab: string.char(0xab),
  0x00bb: string.char(0xbb),
  0x2010: "-",
  0x2011: "-",
  0x2012: "-",
  0x2013: "-",
  0x2014: "-",
  0x2015: "-",
  0x2212: "-",
  0x2026: "...",
  0x2022: "\x07",
  0x25cf: "\x07",
  0x2219: "\x07",
  0x25e6: "o",
  0x25aa: "\x07",
  0x2192: "\x1a",
  0x2190: "\x1b",
  0x2191: "\x18",
  0x2193: "\x19",
  0x21d2: "=>",
  0x2194: "<->",
  0x25b6: "\x10",
  0x25ba: "\x10",
  0x25c0: "\x11",
  0x25c4: "\x11",
  0x25b2: "\x1e",
  0x25bc: "\x1f",
  0x2500: "-",
  0x2501: "-",
  0x2502: "|",
  0x2503: "|",
  0x250c: "+",
  0x2510: "+",
  0x2514: "+",
  0x2518: "+",
  0x251c: "+",
  0x2524: "+",
  0x252c: "+",
  0x2534: "+",
  0x253c: "+",
  0x2550: "=",
  0x2551: "|",
  0x2554: "+",
  0x2557: "+",
  0x255a: "+",
  0x255d: "+",
  0x2713: "v",
  0x2714: "v",
  0x2717: "x",
  0x2718: "x",
  0x2605: "*",
  0x2606: "*",
  0x2264: "<=",
  0x2265: ">=",
  0x2260: "!=",
  0x2248: "~",
  0x00a0: " ",
  0x2002: " ",
  0x2003: " ",
  0x2009: " ",
  0x200b: "",
  0xfeff: "",
  0x2122: "TM",
  0x20ac: "EUR",
  0x266a: "\x0d",
  0x266b: "\x0e",
  0x263a: "\x01",
  0x2665: "\x03",
  0x2666: "\x04",
  0x2663: "\x05",
  0x2660: "\x06",
  0x00b7: string.char(0xb7),
};

// TypeScript strings are UTF-16 and TSTL writes them as UTF-8, so byte ranges are built here.
const HIGH_BYTE = "[" + string.char(0x80) + "-" + string.char(0xff) + "]";

/** Decodes one UTF-8 sequence starting at byte i: code point and its length (bad bytes: -1, 1). */
function decodeAt(s: string, i: number): LuaMultiReturn<[number, number]> {
  const c = string.byte(s, i);
  if (c < 0x80) return $multi(c, 1);
  let len: number;
  let cp: number;
  if (c >= 0xc2 && c <= 0xdf) [len, cp] = [2, c - 0xc0];
  else if (c >= 0xe0 && c <= 0xef) [len, cp] = [3, c - 0xe0];
  else if (c >= 0xf0 && c <= 0xf4) [len, cp] = [4, c - 0xf0];
  else return $multi(-1, 1);
  for (let k = 1; k < len; k++) {
    const cc = string.byte(s, i + k);
    if (cc === undefined || cc < 0x80 || cc > 0xbf) return $multi(-1, 1);
    cp = cp * 64 + (cc - 0x80);
  }
  return $multi(cp, len);
}

/** UTF-8 to what a CC terminal can show: ISO-8859-1 kept, near glyphs for the rest, else "?". */
export function toCC(s: string): string {
  // Fast path: pure ASCII needs nothing.
  if (string.find(s, HIGH_BYTE)[0] === undefined) return s;
  const out: string[] = [];
  let i = 1;
  const n = s.length;
  while (i <= n) {
    const [cp, len] = decodeAt(s, i);
    if (cp < 0) out.push("?");
    else if (cp < 0x80) out.push(string.char(cp));
    else {
      const near = NEAREST[cp];
      if (near !== undefined) out.push(near);
      else if (cp >= 0xa0 && cp <= 0xff) out.push(string.char(cp));
      else if (cp >= 0x1f3fb && cp <= 0x1f3ff)
        out.push(""); // skin-tone modifiers
      else if (cp === 0xfe0f || cp === 0x200d)
        out.push(""); // emoji variation selector, joiner
      else out.push("?");
    }
    i += len;
  }
  return table.concat(out);
}

/** ISO-8859-1 (typed on a CC computer) to UTF-8. */
export function fromCC(s: string): string {
  const [out] = string.gsub(s, HIGH_BYTE, (ch: string) => {
    const c = string.byte(ch);
    return string.char(0xc0 + math.floor(c / 64), 0x80 + (c % 64));
  });
  return out;
}
