// What a wait tells its caller as the answer grows: onText with the new piece of text, onTool
// when a tool call starts or ends, and the text and tool calls of the reply as they stand.
import type { Message, Part } from "./api";
import type { ToolActivity, WaitCallbacks } from "./replytypes";
import { toCC } from "./text";

function textOf(answers: Message[], raw: boolean): string {
  const pieces: string[] = [];
  for (const m of answers) {
    for (const p of m.parts) {
      if (p.type === "text" && p.synthetic !== true && p.text !== undefined && p.text !== "") pieces.push(p.text);
    }
  }
  const text = table.concat(pieces, "\n\n");
  return raw ? text : toCC(text);
}

function toolOf(p: Part, raw: boolean): ToolActivity {
  const state = p.state!;
  const title = state.title !== undefined ? (raw ? state.title : toCC(state.title)) : undefined;
  return { tool: p.tool ?? "tool", status: state.status, title, input: state.input, error: state.error };
}

export class Progress {
  text = "";
  readonly tools: ToolActivity[] = [];
  /** The tool running in the answer now (a permission or question can only wait on one). */
  runningTool?: string;
  private readonly toolStatus = new LuaTable<string, string>();

  constructor(
    private readonly callbacks: WaitCallbacks,
    private readonly raw: boolean,
  ) {}

  /** Calls onText and onTool for what changed since the last report; true when anything did. */
  report(ordered: Message[]): boolean {
    let changed = false;
    this.runningTool = undefined;
    for (const m of ordered) {
      for (const p of m.parts) {
        if (p.type === "tool" && p.state !== undefined && this.reportTool(p)) changed = true;
      }
    }
    const text = textOf(ordered, this.raw);
    // A step's end may trim what its pieces said (heard through the bridge): nothing to show again.
    if (text.length < this.text.length && string.sub(this.text, 1, text.length) === text) {
      this.text = text;
    } else if (text !== this.text) {
      const grew = string.sub(text, 1, this.text.length) === this.text;
      const delta = grew ? string.sub(text, this.text.length + 1) : text;
      this.text = text;
      changed = true;
      if (this.callbacks.onText !== undefined) this.callbacks.onText(delta, text);
    }
    return changed;
  }

  private reportTool(p: Part): boolean {
    const before = this.toolStatus.get(p.id);
    const now = p.state!.status;
    if (now === "running" || now === "pending") this.runningTool = p.tool ?? "tool";
    if (before === now) return false;
    this.toolStatus.set(p.id, now);
    const started = now === "running" && before === undefined;
    const ended = now === "completed" || now === "error";
    if (ended) this.tools.push(toolOf(p, this.raw));
    const onTool = this.callbacks.onTool;
    if ((started || ended) && onTool !== undefined) {
      // A tool that ran between two looks is reported as started, then finished.
      if (ended && before === undefined) onTool({ ...toolOf(p, this.raw), status: "running" });
      onTool(toolOf(p, this.raw));
    }
    return true;
  }
}
