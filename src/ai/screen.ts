// Small drawing helpers shared by ai's screens: colour only where the screen has colour, and lines
// cut to the screen's width.

/** Runs draw with the text colour `c` on a colour screen (the current colour on a monochrome
 * one), then puts the old colour back. */
export function inColour(c: number, draw: () => void): void {
  const old = term.getTextColour();
  if (term.isColour()) term.setTextColour(c);
  draw();
  term.setTextColour(old);
}

/** Cuts a line to the screen width (a line that fills the width exactly would scroll early). */
export function fit(line: string, width: number): string {
  return line.length > width ? string.sub(line, 1, width - 2) + ".." : line;
}

/** Prints one line cut to the screen, in colour `c` where there is colour. */
export function printIn(c: number, text: string): void {
  const [w] = term.getSize();
  inColour(c, () => {
    print(fit(text, w));
  });
}

/** What is drawn over the reply for now (the preview of its unfinished last line), taken down before other output. */
let overlay: (() => void) | undefined;

export function setOverlay(takeDown: (() => void) | undefined): void {
  overlay = takeDown;
}

/** Takes the overlay down (a line printed below it would leave it standing). */
export function clearOverlay(): void {
  if (overlay !== undefined) overlay();
}
