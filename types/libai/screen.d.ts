/** @noSelfInFile */
export interface ScreenText {
    width: number;
    height: number;
    cursor: {
        x: number;
        y: number;
    };
    lines: string[];
}
/** Wraps the current terminal in a text recorder unless it can be read already; returns the undo. */
export declare function recordScreen(): () => void;
/** The screen's text (trailing blanks cut), or undefined when this terminal cannot be read. */
export declare function readScreen(): ScreenText | undefined;
