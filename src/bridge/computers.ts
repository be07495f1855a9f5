// The computers connected right now, and the calls in flight to each. A call ends in exactly
// one way: the computer's result, the computer going away, or the time limit.
import type { Hello, ToComputer } from "./protocol";

/** A connected computer: what it said in its hello, and the way to reach it. */
export interface Computer extends Pick<Hello, "id" | "label" | "kind" | "colour" | "tools" | "peripherals"> {
  connectedAt: number;
  /** Sends one message to the computer. */
  send(msg: ToComputer): void;
}

interface Pending {
  computer: number;
  resolve(value: unknown): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

/** An error whose message is meant for the agent as it is. */
export class ToolError extends Error {}

export function describe(c: Computer): string {
  return `computer ${c.id}${c.label !== undefined ? ` "${c.label}"` : ""} (${c.kind})`;
}

export class Computers {
  private readonly byId = new Map<number, Computer>();
  private readonly pending = new Map<number, Pending>();
  private nextCall = 1;

  list(): Computer[] {
    return [...this.byId.values()].sort((a, b) => a.id - b.id);
  }

  /** Adds a computer; returns the one it replaces (same id), if any. */
  add(c: Computer): Computer | undefined {
    const old = this.byId.get(c.id);
    if (old !== undefined) this.remove(old, "it connected again");
    this.byId.set(c.id, c);
    return old;
  }

  /** Removes a computer (if it is still the registered one) and fails its calls in flight. */
  remove(c: Computer, why: string): void {
    if (this.byId.get(c.id) !== c) return;
    this.byId.delete(c.id);
    for (const [id, p] of this.pending) {
      if (p.computer === c.id) {
        this.pending.delete(id);
        clearTimeout(p.timer);
        p.reject(new ToolError(`${describe(c)} disconnected during the call (${why}); nothing more is known of it`));
      }
    }
  }

  /** The computer a tool call is for: the given id, or the only one connected. */
  pick(id: unknown): Computer {
    const all = this.list();
    const known = all.map(describe).join(", ");
    if (id === undefined || id === null) {
      if (all.length === 1) return all[0];
      if (all.length === 0) {
        throw new ToolError(
          "No computer is connected to the bridge: on a CC computer, set opencc.bridge_url and opencc.bridge_token, then run `ai --serve` (or ask with `ai`).",
        );
      }
      throw new ToolError(`Several computers are connected (${known}): pass "computer" with one of their ids.`);
    }
    const n = typeof id === "number" ? id : Number(id);
    const c = this.byId.get(n);
    if (c === undefined) {
      throw new ToolError(
        all.length === 0
          ? `Computer ${JSON.stringify(id)} is not connected, and no computer is: it must run \`ai --serve\` (or be asking with \`ai\`) with opencc.bridge_url set.`
          : `Computer ${JSON.stringify(id)} is not connected; connected: ${known}.`,
      );
    }
    return c;
  }

  /** Sends a call and waits for its result, at most timeoutMs. */
  call(c: Computer, tool: string, args: Record<string, unknown>, timeoutMs: number): Promise<unknown> {
    const call = this.nextCall++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(call);
        reject(
          new ToolError(
            `${describe(c)} did not answer within ${Math.round(timeoutMs / 1000)} s (it may be busy, or stopped serving with Ctrl+T); try again`,
          ),
        );
      }, timeoutMs);
      this.pending.set(call, { computer: c.id, resolve, reject, timer });
      try {
        c.send({ type: "call", call, tool, args, limit: Math.max(1, Math.floor(timeoutMs / 1000) - 2) });
      } catch (e) {
        this.pending.delete(call);
        clearTimeout(timer);
        reject(new ToolError(`could not send the call to ${describe(c)}: ${(e as Error).message}`));
      }
    });
  }

  /** A result from computer `from` for call `call`. Results for unknown or foreign calls are ignored. */
  settle(from: Computer, call: number, ok: boolean, result: unknown, error: string | undefined): void {
    const p = this.pending.get(call);
    if (p === undefined || p.computer !== from.id) return;
    this.pending.delete(call);
    clearTimeout(p.timer);
    if (ok) p.resolve(result);
    else p.reject(new ToolError(error ?? "the computer reported a failure without a message"));
  }

  /** Fails every call in flight (the bridge is stopping). */
  closeAll(why: string): void {
    for (const c of this.list()) this.remove(c, why);
  }
}
