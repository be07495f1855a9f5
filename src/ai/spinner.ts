// The spinner while a reply is worked on: a frame and the elapsed seconds on its own line, drawn
// only at the start of an empty line, cleared around any other output and at the end. Its loop
// runs beside ai.ask (parallel.waitForAny) and ignores every event but its own timer, so Ctrl+T
// reaches libai (which aborts the generation on the server).
import { clearOverlay, fit, inColour } from "./screen";

const FRAMES = ["|", "/", "-", "\\"];
const TICK = 0.2;

export class Spinner {
  private shown = false;
  private paused = 0;
  private frame = 0;
  private readonly started = os.epoch("utc");
  /** What the agent is doing (a tool's name, a retry), shown after the seconds. */
  label = "";

  draw(): void {
    if (this.paused > 0) return;
    const [x, y] = term.getCursorPos();
    if (x !== 1) return;
    const [w] = term.getSize();
    const secs = math.floor((os.epoch("utc") - this.started) / 1000);
    this.frame = (this.frame % FRAMES.length) + 1;
    inColour(colours.grey, () => {
      term.clearLine();
      term.write(fit(FRAMES[this.frame - 1] + " " + secs + "s" + (this.label !== "" ? "  " + this.label : ""), w - 1));
    });
    term.setCursorPos(1, y);
    this.shown = true;
  }

  private clear(): void {
    if (!this.shown) return;
    const [, y] = term.getCursorPos();
    term.setCursorPos(1, y);
    term.clearLine();
    this.shown = false;
  }

  /** Output and prompts happen between pause() and resume(), with the spinner hidden. */
  pause(): void {
    this.clear();
    clearOverlay();
    this.paused++;
  }

  resume(): void {
    this.paused--;
    this.draw();
  }

  /** Around fn's output. */
  around(fn: () => void): void {
    this.pause();
    fn();
    this.resume();
  }

  loop(): void {
    this.draw();
    let timer = os.startTimer(TICK);
    while (true) {
      const [event, id] = os.pullEventRaw();
      if (event === "timer" && id === timer) {
        this.draw();
        timer = os.startTimer(TICK);
      }
    }
  }
}
