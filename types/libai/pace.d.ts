/** @noSelfInFile */
/** Seconds between safety looks while the news flows: news that went astray is found by then. */
export declare const SAFETY = 10;
export declare class Pace {
    private readonly pollInterval;
    /** Quick looks made since the newest step began to end. */
    private quickLooks;
    constructor(pollInterval: number);
    /** Seconds to the next look; `silentMs`: since anything moved; `deadline`: local ms. */
    next(ending: boolean, live: boolean, silentMs: number, deadline: number): number;
}
