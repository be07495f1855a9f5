/** @noSelfInFile */
/** How string bytes >= 0x80 are read when encoding: as ISO-8859-1 (typed in CC) or as UTF-8. */
export type TextEncoding = "latin1" | "utf8";
export declare function encodeJSON(v: unknown, encoding?: TextEncoding): string;
/** Decodes a server reply; undefined when the text is not JSON. JSON null becomes nil. */
export declare function decodeJSON(body: string): unknown;
/** CC's stand-in for JSON null inside a list, where a nil would end the list (serialised as null). */
export declare function jsonNull(): object;
