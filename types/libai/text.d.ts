/** @noSelfInFile */
/** UTF-8 to what a CC terminal can show: ISO-8859-1 kept, near glyphs for the rest, else "?". */
export declare function toCC(s: string): string;
/** ISO-8859-1 (typed on a CC computer) to UTF-8. */
export declare function fromCC(s: string): string;
