// The bridge's tool calls as this computer runs them, within what opencc.tools allows: read
// (lists, inspect, detect, item details, the screen), act (turtle actions, peripheral calls),
// lua (a chunk of Lua). Each returns data for the agent, or a line it can read.
import type { CallOutcome, Tier } from "libai/bridgetypes";
import { core } from "./core";
import { runChunk } from "./sandbox";
import { readScreen } from "./screen";

export interface ToolCall {
  tool: string;
  args: { [k: string]: unknown };
  /** Seconds the call may take here (the bridge gives up a little later). */
  limit?: number;
}

const DEFAULT_LIMIT = 25;

const READ_ACTIONS: { [a: string]: boolean } = {
  detect: true,
  inspect: true,
  getItemDetail: true,
  getItemCount: true,
  getSelectedSlot: true,
  getFuelLevel: true,
  inventory: true,
};
const DIRECTED: { [a: string]: boolean } = {
  dig: true,
  place: true,
  detect: true,
  inspect: true,
  drop: true,
  suck: true,
};

/** A value the JSON encoder can write: functions and other odd values become their names. */
function plain(v: unknown, depth: number): unknown {
  const t = type(v);
  if (v === core.jsonNull() || t === "string" || t === "boolean" || t === "nil") return v;
  if (t === "number") return v !== v || v === math.huge || v === -math.huge ? tostring(v) : v;
  if (t !== "table") return tostring(v);
  if (depth > 8) return "(nested too deep)";
  const out = new LuaTable<AnyNotNil, unknown>();
  for (const [k, item] of pairs(v as LuaTable<AnyNotNil, unknown>)) out.set(k, plain(item, depth + 1));
  return out;
}

/** All values of a call, as a list (nil kept as JSON null). */
function packed(...values: unknown[]): unknown[] {
  const out: unknown[] = [];
  const n = select("#", ...values);
  for (let i = 0; i < n; i++) out.push(values[i] === undefined ? core.jsonNull() : plain(values[i], 0));
  return out;
}

function tierOf(call: ToolCall): Tier | undefined {
  if (call.tool === "peripherals" || call.tool === "screen") return "read";
  if (call.tool === "peripheral_call") return "act";
  if (call.tool === "lua") return "lua";
  if (call.tool === "turtle") return READ_ACTIONS[tostring(call.args.action)] ? "read" : "act";
  return undefined;
}

function summaryOf(call: ToolCall): string {
  const a = call.args;
  if (call.tool === "turtle") {
    const dir = a.direction === "up" || a.direction === "down" ? " " + tostring(a.direction) : "";
    return "turtle: " + tostring(a.action) + dir;
  }
  if (call.tool === "peripheral_call") return "peripheral: " + tostring(a.peripheral) + "." + tostring(a.method);
  if (call.tool === "lua") {
    const [line] = string.gsub(tostring(a.code ?? ""), "%s+", " ");
    return "lua: " + (line.length > 30 ? string.sub(line, 1, 28) + ".." : line);
  }
  return call.tool;
}

/** Every type of a peripheral: CC returns them as several values. */
function getTypes(name: string): LuaMultiReturn<string[]> {
  const fn = peripheral.getType as unknown as (this: void, name: string) => LuaMultiReturn<string[]>;
  return fn(name);
}

/** The peripherals attached now: name, types and method names. */
export function peripheralList(): { name: string; types: string[]; methods: string[] }[] {
  const out: { name: string; types: string[]; methods: string[] }[] = [];
  for (const name of peripheral.getNames()) {
    const methods = peripheral.getMethods(name) ?? [];
    out.push({ name, types: [...getTypes(name)], methods });
  }
  return out;
}

type TurtleFn = (this: void, ...args: unknown[]) => LuaMultiReturn<unknown[]>;

function turtleAction(args: { [k: string]: unknown }): unknown {
  const t = turtle as unknown as { [name: string]: TurtleFn | undefined };
  const action = tostring(args.action);
  const slot = typeof args.slot === "number" ? args.slot : undefined;
  const count = typeof args.count === "number" ? args.count : undefined;
  if (action === "inventory") {
    const slots: unknown[] = [];
    for (let i = 1; i <= 16; i++) {
      const [detail] = t.getItemDetail!(i);
      if (detail !== undefined) slots.push({ slot: i, item: plain(detail, 0) });
    }
    const [selected] = t.getSelectedSlot!();
    const [fuel] = t.getFuelLevel!();
    return { selected, fuel, slots };
  }
  let name = action;
  if (DIRECTED[action] && (args.direction === "up" || args.direction === "down")) {
    name = action + (args.direction === "up" ? "Up" : "Down");
  }
  const fn = t[name];
  if (fn === undefined) {
    throw action === "craft"
      ? "this turtle has no crafting table equipped (equip one to craft)"
      : "this turtle has no " + name + " action";
  }
  const callArgs: unknown[] = [];
  if (action === "select" || action === "getItemDetail" || action === "getItemCount") {
    if (slot !== undefined) callArgs.push(slot);
    else if (action === "select") throw 'select needs "slot" (1-16)';
  } else if (count !== undefined) callArgs.push(count);
  const values = packed(...fn(...callArgs));
  if (type(values[0]) === "boolean") {
    const r: { [k: string]: unknown } = { ok: values[0] };
    if (type(values[1]) === "string") r.reason = values[1];
    else if (type(values[1]) === "table" && values[1] !== core.jsonNull()) r.data = values[1];
    return r;
  }
  return { value: values[0] };
}

function peripheralCall(args: { [k: string]: unknown }): unknown {
  const name = tostring(args.peripheral);
  const method = tostring(args.method);
  if (!peripheral.isPresent(name)) {
    const names = peripheral.getNames();
    throw `no peripheral "${name}" on this computer; attached: ${names.length > 0 ? table.concat(names, ", ") : "none"}`;
  }
  const list = (type(args.args) === "table" ? args.args : []) as unknown[];
  const call = peripheral.call as unknown as (this: void, ...a: unknown[]) => LuaMultiReturn<unknown[]>;
  return packed(...call(name, method, ...list));
}

function run(call: ToolCall): unknown {
  if (call.tool === "peripherals") return peripheralList();
  if (call.tool === "screen") {
    const s = readScreen();
    if (s === undefined)
      throw "this computer's screen cannot be read back: a program has redirected it to a terminal that is not a window";
    return s;
  }
  if (call.tool === "peripheral_call") return peripheralCall(call.args);
  if (call.tool === "turtle") {
    if (turtle === undefined) throw "this computer is not a turtle";
    return turtleAction(call.args);
  }
  if (call.tool === "lua") {
    const secs = typeof call.args.timeout === "number" ? call.args.timeout : 10;
    const r = runChunk(tostring(call.args.code ?? ""), secs);
    return { printed: r.printed, values: packed(...r.values), error: r.error ?? core.jsonNull() };
  }
  throw "unknown tool " + call.tool;
}

/**
 * Runs a call for at most `secs` seconds: a peripheral method or turtle action that never
 * returns is abandoned (its coroutine is dropped), so serving goes on.
 */
function withinLimit(call: ToolCall, secs: number): LuaMultiReturn<[boolean, unknown]> {
  let finished = false;
  let ok = false;
  let result: unknown;
  parallel.waitForAny(
    () => {
      [ok, result] = pcall(run, call);
      finished = true;
    },
    () => {
      sleep(secs);
    },
  );
  if (!finished) return $multi(false, `stopped after ${secs} s, its time limit on the computer`);
  return $multi(ok, result);
}

/** Runs one call if opencc.tools allows it. Errors raised by the work (CC's too) become the outcome. */
export function serveCall(call: ToolCall, allowed: Tier[], computerId: number): CallOutcome {
  const summary = summaryOf(call);
  const tier = tierOf(call);
  if (tier === undefined) return { ok: false, error: "unknown tool " + call.tool, summary };
  if (allowed.indexOf(tier) < 0) {
    const wanted = (allowed.length > 0 ? table.concat(allowed, ",") + "," : "") + tier;
    return {
      ok: false,
      refused: true,
      summary,
      error: `refused by computer ${computerId}: its opencc.tools allows ${allowed.length > 0 ? allowed.join(", ") : "nothing"}, and ${summary} needs "${tier}". Ask its owner to run: set opencc.tools ${wanted}`,
    };
  }
  const [ok, result] = call.tool === "lua" ? pcall(run, call) : withinLimit(call, call.limit ?? DEFAULT_LIMIT);
  if (ok) return { ok: true, result, summary };
  if (result === "Terminated") throw result;
  return { ok: false, error: tostring(result), summary };
}
