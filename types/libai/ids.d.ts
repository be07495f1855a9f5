/** @noSelfInFile */
/** The server's clock as best we know it. */
export declare function serverNow(): number;
export declare function serverClockKnown(): boolean;
/**
 * Learn the offset from a time the server stamped between `sentAt` and `receivedAt` (local ms),
 * e.g. the time.created of a session it just made.
 */
export declare function observeServerTime(serverMs: number, sentAt: number, receivedAt: number): void;
/** Parses an HTTP Date header ("Sun, 29 Nov 2026 08:30:00 GMT") to epoch ms. */
export declare function parseHttpDate(date: string): number | undefined;
/** Learn the offset from a response's Date header, unless a better estimate exists. */
export declare function observeDateHeader(date: string | undefined, sentAt: number, receivedAt: number): void;
/** The ms part of an opencode id (ascending ids only), modulo 2^36: the id keeps 48 bits of ms*4096. */
export declare function idTime(id: string): number | undefined;
/** Ids we make must sort after every id the server has shown us. */
export declare function observeId(id: string): void;
/** A new ascending id, e.g. newId("msg"). */
export declare function newId(prefix: string): string;
