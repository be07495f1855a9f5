/** @noSelfInFile */
import type { Message } from "./api";
export declare class Answer {
    private readonly messageID;
    /** The answer's messages, oldest first. */
    ordered: Message[];
    /** How many messages the next look asks for. */
    limit: number;
    /** Whether a look has shown U itself (the server holds the prompt). */
    sawUserMessage: boolean;
    /** A user message newer than U, which the server may answer instead. */
    newerUser: boolean;
    /** Whether the last look saw everything from U on. */
    reachedStart: boolean;
    private readonly byId;
    private count;
    /** Answers seen in a window that reached back to U: nothing hides before them. */
    private readonly contiguous;
    constructor(messageID: string);
    /** Takes in one look (the newest `limit` messages, oldest first). */
    take(list: Message[]): void;
    /**
     * The last message of a run, from the blocking request: completes the answer when every step
     * before it has been seen; false when a look from U on is still needed.
     */
    takeLast(last: Message): boolean;
    private put;
    /** What a look can show moving before any text does: steps, their parts, their end. */
    shape(): string;
    last(): Message | undefined;
    /**
     * Whether the newest step is about to end: its text is written (opencode shows a text part
     * only when its step ends) or its finish is set, but it is not complete yet. The server then
     * completes it within a few hundred ms (measured: 200-280 ms with opencode 1.18.33), so a
     * quick look then catches the end without looking often the rest of the time.
     */
    ending(): boolean;
}
