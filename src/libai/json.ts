// JSON for requests and replies. Encoding is our own so that text typed on a CC computer
// (ISO-8859-1 bytes) reaches the server as the right characters; decoding is CC's.

/** How string bytes >= 0x80 are read when encoding: as ISO-8859-1 (typed in CC) or as UTF-8. */
export type TextEncoding = "latin1" | "utf8";

const escapes: { [ch: string]: string } = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

// Bytes >= 0x80 are built at run time: TypeScript has no byte escapes in strings.
const latin1Special = '[%c"\\' + string.char(128) + "-" + string.char(255) + "]";

function encodeString(s: string, encoding: TextEncoding): string {
  const pattern = encoding === "latin1" ? latin1Special : '[%c"\\]';
  const [out] = string.gsub(s, pattern, (ch: string) => {
    const known = escapes[ch];
    if (known !== undefined) return known;
    return string.format("\\u%04x", string.byte(ch));
  });
  return '"' + out + '"';
}

/** Stands for JSON null inside a list, where a nil would end the list. */
export const JSON_NULL = {};

function encodeValue(v: unknown, encoding: TextEncoding, parts: string[]): void {
  const t = type(v);
  if (v === JSON_NULL) {
    parts.push("null");
  } else if (t === "string") {
    parts.push(encodeString(v as string, encoding));
  } else if (t === "number") {
    const n = v as number;
    parts.push(n === math.floor(n) && math.abs(n) < 2 ** 53 ? string.format("%d", n) : tostring(n));
  } else if (t === "boolean") {
    parts.push(v ? "true" : "false");
  } else if (t === "nil") {
    parts.push("null");
  } else if (t === "table") {
    const tbl = v as LuaTable<AnyNotNil, unknown>;
    if (tbl.get(1) !== undefined) {
      parts.push("[");
      const arr = v as unknown[];
      for (let i = 0; i < arr.length; i++) {
        if (i > 0) parts.push(",");
        encodeValue(arr[i], encoding, parts);
      }
      parts.push("]");
    } else {
      parts.push("{");
      let first = true;
      for (const [k, item] of pairs(tbl)) {
        if (!first) parts.push(",");
        first = false;
        parts.push(encodeString(tostring(k), encoding), ":");
        encodeValue(item, encoding, parts);
      }
      parts.push("}");
    }
  } else {
    error("cannot encode a " + t + " as JSON", 0);
  }
}

export function encodeJSON(v: unknown, encoding: TextEncoding = "latin1"): string {
  const parts: string[] = [];
  encodeValue(v, encoding, parts);
  return table.concat(parts);
}

/** Decodes a server reply; undefined when the text is not JSON. JSON null becomes nil. */
export function decodeJSON(body: string): unknown {
  const [ok, value] = pcall(textutils.unserialiseJSON, body);
  return ok ? value : undefined;
}
