/** @noSelfInFile */
export interface ChunkResult {
    printed: string;
    values: unknown[];
    error?: string;
}
/** Runs `code` for at most timeoutSecs; Ctrl+T meanwhile stops it and raises TERMINATED. */
export declare function runChunk(code: string, timeoutSecs: number): ChunkResult;
