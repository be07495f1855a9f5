// The computers connected right now, and the calls in flight to each. A computer may hold more
// than one connection at once (a prompt's connection while `ai --serve` runs in another tab, or
// the previous prompt's connection still closing when the next prompt says hello): the newest
// open one is reached, and a connection that closes takes only itself and its own calls away.
// A call ends in exactly one way: the computer's result, its connection going away, or the time
// limit.
import type { Hello, ToComputer } from "./protocol";

/** One connection of a computer: what it said in its hello, and the way to reach it. */
export interface Computer extends Pick<Hello, "id" | "label" | "kind" | "colour" | "tools" | "peripherals"> {
  connectedAt: number;
  /** False once the connection is closing or closed: nothing sent then can arrive. */
  isOpen(): boolean;
  /** Sends one message to the computer; throws when the connection cannot take it. */
  send(msg: ToComputer): void;
}

interface Pending {
  /** The connection the call was sent on. */
  to: Computer;
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
  /** Each computer's connections, oldest first. */
  private readonly byId = new Map<number, Computer[]>();
  private readonly pending = new Map<number, Pending>();
  private nextCall = 1;

  /** The connection each computer is reached on (its newest open one), by id. */
  list(): Computer[] {
    const out: Computer[] = [];
    for (const id of this.byId.keys()) {
      const c = this.reachable(id);
      if (c !== undefined) out.push(c);
    }
    return out.sort((a, b) => a.id - b.id);
  }

  /** The newest open connection of computer `id`, if any. */
  reachable(id: number): Computer | undefined {
    const conns = this.byId.get(id) ?? [];
    for (let i = conns.length - 1; i >= 0; i--) if (conns[i].isOpen()) return conns[i];
    return undefined;
  }

  /** Adds a connection; it is reached from now on. Returns the one it supersedes, if any. */
  add(c: Computer): Computer | undefined {
    const before = this.reachable(c.id);
    const conns = this.byId.get(c.id) ?? [];
    conns.push(c);
    this.byId.set(c.id, conns);
    return before;
  }

  /**
   * Removes a connection that has closed and fails the calls in flight on it. Says what that
   * means for its computer: a newer connection already replaced it ("superseded"), an older one
   * still open is reached again ("older"), or the computer is gone ("gone").
   */
  remove(c: Computer, why: string): "superseded" | "older" | "gone" {
    const conns = this.byId.get(c.id) ?? [];
    const superseded = conns.indexOf(c) < conns.length - 1;
    const rest = conns.filter((x) => x !== c);
    if (rest.length > 0) this.byId.set(c.id, rest);
    else this.byId.delete(c.id);
    for (const [id, p] of this.pending) {
      if (p.to !== c) continue;
      this.pending.delete(id);
      clearTimeout(p.timer);
      // Not sent again elsewhere: the call may have run (a dig, a Lua chunk) with only its
      // result lost, and running it twice could do twice what the agent asked once.
      p.reject(
        new ToolError(
          `${describe(c)} disconnected during the call (${why}): it may or may not have run; check before repeating it`,
        ),
      );
    }
    if (superseded) return "superseded";
    return this.reachable(c.id) !== undefined ? "older" : "gone";
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
    const c = this.reachable(typeof id === "number" ? id : Number(id));
    if (c === undefined) {
      throw new ToolError(
        all.length === 0
          ? `Computer ${JSON.stringify(id)} is not connected, and no computer is: it must run \`ai --serve\` (or be asking with \`ai\`) with opencc.bridge_url set.`
          : `Computer ${JSON.stringify(id)} is not connected; connected: ${known}.`,
      );
    }
    return c;
  }

  /**
   * Sends a call and waits for its result, at most timeoutMs. A connection that began closing
   * since it was picked is never used: the call goes to the computer's newest open one (it was
   * not delivered anywhere yet, so that is safe), or fails at once when there is none.
   */
  call(picked: Computer, tool: string, args: Record<string, unknown>, timeoutMs: number): Promise<unknown> {
    const c = picked.isOpen() ? picked : this.reachable(picked.id);
    if (c === undefined) {
      return Promise.reject(
        new ToolError(`${describe(picked)} disconnected before the call could be sent; nothing was run there`),
      );
    }
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
      this.pending.set(call, { to: c, resolve, reject, timer });
      try {
        c.send({ type: "call", call, tool, args, limit: Math.max(1, Math.floor(timeoutMs / 1000) - 2) });
      } catch (e) {
        this.pending.delete(call);
        clearTimeout(timer);
        reject(
          new ToolError(`could not send the call to ${describe(c)}: ${(e as Error).message}; nothing was run there`),
        );
      }
    });
  }

  /** A result arriving on connection `from` for call `call`; results for calls not sent on it are ignored. */
  settle(from: Computer, call: number, ok: boolean, result: unknown, error: string | undefined): void {
    const p = this.pending.get(call);
    if (p === undefined || p.to !== from) return;
    this.pending.delete(call);
    clearTimeout(p.timer);
    if (ok) p.resolve(result);
    else p.reject(new ToolError(error ?? "the computer reported a failure without a message"));
  }

  /** Fails every call in flight (the bridge is stopping). */
  closeAll(why: string): void {
    for (const conns of [...this.byId.values()]) for (const c of [...conns]) this.remove(c, why);
  }
}
