// JSON for requests and replies, both ways by CC's textutils. serialiseJSON writes string bytes
// 0x80-0xFF as \u0080-\u00FF (CC: Tweaked 1.91+), which reads them as ISO-8859-1: right for text
// typed on a CC computer ("latin1"). With { unicode_strings = true } (1.106+) it reads them as
// UTF-8 ("utf8": text that is UTF-8 already, e.g. from a chat bridge).

/** How string bytes >= 0x80 are read when encoding: as ISO-8859-1 (typed in CC) or as UTF-8. */
export type TextEncoding = "latin1" | "utf8";

type Serialise = (this: void, value: unknown, options?: { unicode_strings: boolean }) => string;
const UNICODE = { unicode_strings: true };

function serialise(v: unknown, options?: typeof UNICODE): string {
  return (textutils.serialiseJSON as unknown as Serialise)(v, options);
}

/**
 * A CC before 1.106 refuses the options table and escapes every high byte: put the bytes back as
 * they were (raw UTF-8 is valid JSON), except where the backslash is itself escaped.
 */
function unescapeHighBytes(json: string): string {
  const [out] = string.gsub(json, "(\\+)u00([89a-fA-F]%x)", (slashes: string, hex: string) =>
    slashes.length % 2 === 1 ? string.sub(slashes, 2) + string.char(tonumber(hex, 16)!) : slashes + "u00" + hex,
  );
  return out;
}

export function encodeJSON(v: unknown, encoding: TextEncoding = "latin1"): string {
  if (encoding === "latin1") return serialise(v);
  const [ok, json] = pcall(() => serialise(v, UNICODE));
  return ok ? json : unescapeHighBytes(serialise(v));
}

/** Decodes a server reply; undefined when the text is not JSON. JSON null becomes nil. */
export function decodeJSON(body: string): unknown {
  const [ok, value] = pcall(textutils.unserialiseJSON, body);
  return ok ? value : undefined;
}

/** CC's stand-in for JSON null inside a list, where a nil would end the list (serialised as null). */
export function jsonNull(): object {
  return (textutils as unknown as { json_null: object }).json_null;
}
