// While a reply is worked on: a spinner with the elapsed seconds on its own line (cleared before
// anything else is printed, and at the end), the reply text as it grows, one dim line per tool
// call, and permission requests and questions asked in game and answered with a key.
// ai.ask runs beside the spinner's timer loop with parallel.waitForAny; both see every event, and
// the spinner ignores all but its own timer, so Ctrl+T reaches libai (which aborts on the server).
import * as ai from "libai";
import type { PermissionReply, PermissionRequest, QuestionRequest } from "libai";
import type { AiError } from "libai";
import type { Reply, ToolActivity, WaitCallbacks } from "libai";
import { ReplyPrinter } from "./render";

export interface AskSettings {
  session?: string;
  newSession?: boolean;
  agent?: string;
  model?: string;
  variant?: string;
  sync?: boolean;
  /** Plain text only: no spinner, colours, tool lines or markdown; printed when complete. */
  raw?: boolean;
  /** Extra system text for this prompt (which computer asks, when serving the bridge). */
  system?: string;
}

export interface Outcome {
  ok: boolean;
  reply?: Reply;
  /** One line, when not ok (and not cancelled). */
  error?: string;
  err?: AiError;
  /** Ctrl+T: the generation was stopped on the server and "Cancelled" printed. */
  cancelled?: boolean;
}

const FRAMES = ["|", "/", "-", "\\"];
const TICK = 0.2;

function setColour(colour: boolean, c: number): void {
  if (colour) term.setTextColour(c);
}

/** Cuts a line to the screen width (a line that fills the width exactly would scroll early). */
export function fit(line: string, width: number): string {
  return line.length > width ? string.sub(line, 1, width - 2) + ".." : line;
}

/** The spinner line: drawn only at the start of an empty line, and never while `paused`. */
class Spinner {
  private shown = false;
  private paused = 0;
  private frame = 0;
  private readonly started = os.epoch("utc");
  label = "";

  constructor(private readonly colour: boolean) {}

  draw(): void {
    if (this.paused > 0) return;
    const [x, y] = term.getCursorPos();
    if (x !== 1) return;
    const [w] = term.getSize();
    const secs = math.floor((os.epoch("utc") - this.started) / 1000);
    this.frame = (this.frame % FRAMES.length) + 1;
    const old = term.getTextColour();
    setColour(this.colour, colours.grey);
    term.clearLine();
    term.write(fit(FRAMES[this.frame - 1] + " " + secs + "s" + (this.label !== "" ? "  " + this.label : ""), w - 1));
    term.setTextColour(old);
    term.setCursorPos(1, y);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    const [, y] = term.getCursorPos();
    term.setCursorPos(1, y);
    term.clearLine();
    this.shown = false;
  }

  /** Hide it around output; output and prompts happen between pause() and resume(). */
  pause(): void {
    this.clear();
    this.paused++;
  }

  resume(): void {
    this.paused--;
    this.draw();
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

/** Waits for one of the given characters (a char event); Ctrl+T raises "Terminated". */
function pickKey(allowed: string): string {
  while (true) {
    const [, ch] = os.pullEvent("char");
    const c = string.lower(tostring(ch));
    if (c.length === 1 && string.find(allowed, c, 1, true)[0] !== undefined) return c;
  }
}

/** The first of `keys` whose value in `t` is a string: what a tool call or permission is about. */
function firstString(t: { [k: string]: unknown }, keys: string[]): string | undefined {
  for (const k of keys) if (type(t[k]) === "string") return t[k] as string;
  return undefined;
}

function describeTool(t: ToolActivity): string {
  let what = t.title;
  const input = t.input;
  if ((what === undefined || what === "") && input !== undefined) {
    what = firstString(input, ["description", "command", "filePath", "pattern", "url"]);
  }
  return "> " + t.tool + (what !== undefined && what !== "" ? ": " + what : "");
}

function describePermission(req: PermissionRequest): string {
  let detail = firstString(req.metadata, ["command", "description", "filepath", "filePath"]);
  if (detail === undefined && req.patterns.length > 0) detail = table.concat(req.patterns, " ");
  return ai.toCC(req.permission + (detail !== undefined ? ": " + detail : ""));
}

function cancelled(): Outcome {
  printError("Cancelled");
  return { ok: false, cancelled: true };
}

/** ai.ask with the settings and callbacks; the reply, or the error line. */
function callAsk(prompt: string, s: AskSettings, cb: WaitCallbacks): Outcome {
  const [text, second, err] = ai.ask(prompt, {
    session: s.session,
    newSession: s.newSession,
    agent: s.agent,
    model: s.model,
    variant: s.variant,
    sync: s.sync,
    system: s.system,
    onText: cb.onText,
    onTool: cb.onTool,
    onStatus: cb.onStatus,
    onPermission: cb.onPermission,
    onQuestion: cb.onQuestion,
  });
  return text !== undefined ? { ok: true, reply: second as Reply } : { ok: false, error: second as string, err };
}

/** Asks and shows the work: spinner, growing text, tool lines, prompts. Never raises. */
export function ask(prompt: string, s: AskSettings): Outcome {
  const colour = term.isColour();
  const [w, h] = term.getSize();
  if (s.raw === true) {
    let result: Outcome = { ok: false, error: "no reply" };
    const [ok, thrown] = pcall(() => {
      result = callAsk(prompt, s, {});
    });
    if (!ok) return thrown === "Terminated" ? cancelled() : { ok: false, error: tostring(thrown) };
    if (result.ok) print(result.reply!.text);
    return result;
  }

  const printer = new ReplyPrinter({
    colour,
    paged: settings.get("opencc.paged") !== false,
    raw: false,
    width: w,
    height: h,
  });
  const spinner = new Spinner(colour);
  const out = (fn: () => void): void => {
    spinner.pause();
    fn();
    spinner.resume();
  };
  const info = (text: string, c: number): void => {
    const old = term.getTextColour();
    setColour(colour, c);
    print(fit(text, w));
    term.setTextColour(old);
  };

  const onText = (delta: string): void => out(() => printer.push(delta));
  const onTool = (t: ToolActivity): void => {
    if (t.status === "running" || t.status === "pending") {
      spinner.label = t.tool;
      return;
    }
    spinner.label = "";
    out(() => {
      info(
        describeTool(t) + (t.status === "error" ? " (failed)" : ""),
        t.status === "error" ? colours.red : colours.lightGrey,
      );
    });
  };
  const onStatus = (status: string): void => {
    spinner.label = status;
  };
  const onPermission = (req: PermissionRequest): PermissionReply => {
    let reply: PermissionReply = "reject";
    out(() => {
      info("The agent wants to use " + describePermission(req), colours.yellow);
      const old = term.getTextColour();
      setColour(colour, colours.yellow);
      write("[y] once, [a] always, [n] no ");
      const key = pickKey("yan");
      reply = key === "y" ? "once" : key === "a" ? "always" : "reject";
      setColour(colour, colours.white);
      print(key === "y" ? "once" : key === "a" ? "always" : "no");
      term.setTextColour(old);
    });
    return reply;
  };
  const onQuestion = (req: QuestionRequest): string[][] | undefined => {
    let answers: string[][] | undefined = [];
    out(() => {
      for (const q of req.questions) {
        info(ai.toCC(q.question), colours.yellow);
        const n = math.min(q.options.length, 9);
        for (let i = 1; i <= n; i++) {
          const o = q.options[i - 1];
          print(
            fit(
              " " + i + ") " + ai.toCC(o.label) + (o.description !== undefined ? " - " + ai.toCC(o.description) : ""),
              w,
            ),
          );
        }
        write("[1-" + n + "] or [n] no answer ");
        let keys = "n";
        for (let i = 1; i <= n; i++) keys = keys + i;
        const key = pickKey(keys);
        print(key === "n" ? "no" : ai.toCC(q.options[tonumber(key)! - 1].label));
        if (key === "n") {
          answers = undefined;
          return;
        }
        answers!.push([q.options[tonumber(key)! - 1].label]);
      }
    });
    return answers;
  };

  let result: Outcome = { ok: false, error: "no reply" };
  const [ok, thrown] = pcall(() => {
    term.setCursorBlink(false);
    parallel.waitForAny(
      () => {
        result = callAsk(prompt, s, { onText, onTool, onStatus, onPermission, onQuestion });
      },
      () => spinner.loop(),
    );
  });
  spinner.pause();
  if (!ok) {
    // The spinner draws no more; whatever text arrived stays on screen.
    pcall(() => printer.finish());
    return thrown === "Terminated" ? cancelled() : { ok: false, error: tostring(thrown) };
  }
  const [fok, ferr] = pcall(() => printer.finish());
  if (!fok && ferr === "Terminated") return cancelled();
  // e.g. after a refused permission the agent ends on the tool step, with nothing to say
  if (result.ok && result.reply!.text === "") info("(The agent stopped without a reply.)", colours.lightGrey);
  return result;
}
