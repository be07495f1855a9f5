// One prompt, shown while it is worked on: the spinner, the reply text as it grows (rendered),
// one dim line per tool call, and the agent's permission requests and questions. --raw prints
// only the finished text. ai.ask runs beside the spinner's loop; Ctrl+T reaches libai, which
// stops the generation on the server before "Cancelled" is printed.
import * as ai from "libai";
import type { AiError, PromptOptions, Reply, ToolActivity } from "libai";
import { askPermission, askQuestions, describeTool } from "./dialogs";
import { ReplyPrinter } from "./render";
import { inColour, printIn, setOverlay } from "./screen";
import { PAGED_SETTING } from "./settings";
import { Spinner } from "./spinner";

export interface AskSettings {
  session?: string;
  newSession?: boolean;
  agent?: string;
  model?: string;
  variant?: string;
  sync?: boolean;
  /** Plain text only: no spinner, colours, tool lines or markdown; printed when complete. */
  plain?: boolean;
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

/** What ai.ask is given: the settings (the callbacks are added for a shown reply). */
function optionsOf(s: AskSettings): PromptOptions {
  return {
    session: s.session,
    newSession: s.newSession,
    agent: s.agent,
    model: s.model,
    variant: s.variant,
    sync: s.sync,
    system: s.system,
  };
}

/** ai.ask; the reply, or the error line. */
function callAsk(prompt: string, opts: PromptOptions): Outcome {
  const [text, second, err] = ai.ask(prompt, opts);
  return text !== undefined ? { ok: true, reply: second } : { ok: false, error: second, err };
}

/** Runs fn; Ctrl+T becomes `cancelled`, anything else raised an error line. */
function guarded(fn: () => Outcome): Outcome {
  let result: Outcome = { ok: false, error: "no reply" };
  const [ok, thrown] = pcall(() => {
    result = fn();
  });
  if (ok) return result;
  return thrown === "Terminated" ? { ok: false, cancelled: true } : { ok: false, error: tostring(thrown) };
}

function cancelled(): Outcome {
  printError("Cancelled");
  return { ok: false, cancelled: true };
}

/** Hooks the reply's progress to the screen: text to the printer, tools and status to the spinner. */
function showWork(opts: PromptOptions, spinner: Spinner, printer: ReplyPrinter): void {
  opts.onText = (delta) => {
    spinner.around(() => {
      printer.push(delta);
    });
  };
  opts.onTool = (t: ToolActivity) => {
    const running = t.status === "running" || t.status === "pending";
    spinner.label = running ? t.tool : "";
    if (running) return;
    const failed = t.status === "error";
    spinner.around(() => {
      printIn(failed ? colours.red : colours.lightGrey, describeTool(t) + (failed ? " (failed)" : ""));
    });
  };
  opts.onStatus = (status) => {
    spinner.label = status;
  };
  opts.onNote = (note) => {
    spinner.around(() => {
      // A note is read whole: word-wrapped by print, not cut like a tool line.
      inColour(colours.orange, () => {
        print(note);
      });
    });
  };
  opts.onPermission = (req) => {
    let reply: ReturnType<typeof askPermission> = "reject";
    spinner.around(() => {
      reply = askPermission(req);
    });
    return reply;
  };
  opts.onQuestion = (req) => {
    let answers: string[][] | undefined;
    spinner.around(() => {
      answers = askQuestions(req);
    });
    return answers;
  };
}

/** --raw: the finished text and nothing else. */
function askPlain(prompt: string, s: AskSettings): Outcome {
  const result = guarded(() => callAsk(prompt, optionsOf(s)));
  if (result.cancelled === true) return cancelled();
  if (result.ok) print(result.reply!.text);
  return result;
}

/** The plain-http warning is said once a run (a chat of many prompts included). */
let warnedPlainHttp = false;

/** Asks and shows the work: spinner, growing text, tool lines, prompts. Never raises. */
export function ask(prompt: string, s: AskSettings): Outcome {
  if (!warnedPlainHttp && s.plain !== true) {
    warnedPlainHttp = true;
    const warning = ai.plainHttpWarning();
    if (warning !== undefined) printError(warning);
  }
  if (s.plain === true) return askPlain(prompt, s);
  const [w, h] = term.getSize();
  const printer = new ReplyPrinter({
    colour: term.isColour(),
    paged: settings.get(PAGED_SETTING) !== false,
    width: w,
    height: h,
  });
  const spinner = new Spinner();
  setOverlay(() => {
    printer.hold();
  });
  const opts = optionsOf(s);
  showWork(opts, spinner, printer);
  term.setCursorBlink(false);
  const result = guarded(() => {
    let outcome: Outcome = { ok: false, error: "no reply" };
    parallel.waitForAny(
      () => {
        outcome = callAsk(prompt, opts);
      },
      () => {
        spinner.loop();
      },
    );
    return outcome;
  });
  spinner.pause();
  // Whatever text arrived stays on screen, even after Ctrl+T.
  const finished = guarded(() => {
    printer.finish();
    return result;
  });
  setOverlay(undefined);
  if (result.cancelled === true || finished.cancelled === true) return cancelled();
  // e.g. after a refused permission the agent ends on the tool step, with nothing to say
  if (result.ok && result.reply!.text === "") printIn(colours.lightGrey, "(The agent stopped without a reply.)");
  return result;
}
