// The tools the agent gets (opencode shows them as opencc_<name>). Each one is answered by the
// bridge itself (computers) or by the computer named in its arguments; each ends with data or
// with one clear error, within its time limit.
import { Computers, describe, ToolError } from "./computers";

export interface ToolDef {
  name: string;
  description: string;
  inputSchema: { type: "object"; properties: Record<string, unknown>; required?: string[] };
}

const computerArg = {
  type: "integer",
  description: "The computer's id (its os.getComputerID()); may be left out when one computer is connected",
};

export const TURTLE_ACTIONS = [
  "forward",
  "back",
  "up",
  "down",
  "turnLeft",
  "turnRight",
  "dig",
  "place",
  "detect",
  "inspect",
  "select",
  "getItemDetail",
  "getItemCount",
  "getSelectedSlot",
  "getFuelLevel",
  "inventory",
  "drop",
  "suck",
  "refuel",
  "craft",
  "equipLeft",
  "equipRight",
] as const;

export const TOOLS: ToolDef[] = [
  {
    name: "computers",
    description:
      "List the ComputerCraft computers connected to the bridge: id, label, kind (computer, turtle, pocket), colour, what their owner allows (read, act, lua) and their peripherals' names.",
    inputSchema: { type: "object", properties: {} },
  },
  {
    name: "peripherals",
    description:
      "List a computer's peripherals (chests, monitors, modems, reactors...) with their types and methods. Needs 'read'.",
    inputSchema: { type: "object", properties: { computer: computerArg } },
  },
  {
    name: "peripheral_call",
    description:
      'Call one method of a peripheral, as peripheral.call(name, method, ...args); returns the method\'s return values as a list. Needs \'act\'. Example: {"peripheral":"left","method":"list"}.',
    inputSchema: {
      type: "object",
      properties: {
        computer: computerArg,
        peripheral: { type: "string", description: "The peripheral's name: a side (left, top...) or a network name" },
        method: { type: "string", description: "The method to call (see the peripherals tool)" },
        args: { type: "array", description: "The method's arguments, in order", items: {} },
      },
      required: ["peripheral", "method"],
    },
  },
  {
    name: "turtle",
    description:
      "Do one turtle action on a turtle and get CC's answer (success and reason, block data, item details). Movement, dig, place, drop, suck, refuel, craft, select and equip need 'act'; detect, inspect, getItemDetail, getItemCount, getSelectedSlot, getFuelLevel and inventory need 'read'. 'direction' (front, up, down) applies to dig, place, detect, inspect, drop, suck.",
    inputSchema: {
      type: "object",
      properties: {
        computer: computerArg,
        action: { type: "string", enum: [...TURTLE_ACTIONS] },
        direction: { type: "string", enum: ["front", "up", "down"], description: "Default front" },
        slot: { type: "integer", minimum: 1, maximum: 16, description: "Slot for select and getItemDetail/Count" },
        count: { type: "integer", minimum: 0, maximum: 64, description: "Items for drop, suck, refuel, craft" },
      },
      required: ["action"],
    },
  },
  {
    name: "screen",
    description:
      "Read the text on a computer's screen, line by line (trailing blanks cut), and where its cursor is. Needs 'read'. " +
      'source "window": the screen itself, as the player sees it, earlier output included (advanced computers), with each line\'s colours as blit characters (0 white .. f black). ' +
      'source "recorded": the screen cannot be read back, so only the lines written since opencc started serving are known; the rest shows blank and the note says so.',
    inputSchema: { type: "object", properties: { computer: computerArg } },
  },
  {
    name: "lua",
    description:
      "Run a chunk of Lua on a computer, in an environment of its own (CC's APIs are visible; globals it sets stay in it). Returns what it printed, its return values, and its error if it failed. Stopped after 'timeout' seconds, or when it runs 5 s without yielding. Needs 'lua'.",
    inputSchema: {
      type: "object",
      properties: {
        computer: computerArg,
        code: { type: "string", description: 'The chunk, e.g. "return os.time()"' },
        timeout: { type: "number", minimum: 0.1, maximum: 60, description: "Seconds (default 10)" },
      },
      required: ["code"],
    },
  },
];

export interface ToolLimits {
  /** Milliseconds a computer has to answer a call (Lua: its own timeout plus this). */
  callTimeoutMs: number;
}

/** Runs one tool; resolves with the data for the agent, rejects with a ToolError. */
export async function runTool(
  computers: Computers,
  name: string,
  args: Record<string, unknown>,
  limits: ToolLimits,
): Promise<unknown> {
  if (name === "computers") {
    return computers.list().map((c) => ({
      id: c.id,
      label: c.label ?? null,
      kind: c.kind,
      colour: c.colour,
      allows: c.tools,
      peripherals: c.peripherals.map((p) => `${p.name} (${p.types.join(", ")})`),
      connectedFor: `${Math.round((Date.now() - c.connectedAt) / 1000)} s`,
    }));
  }
  if (!TOOLS.some((t) => t.name === name)) throw new ToolError(`No tool named ${name}.`);
  const c = computers.pick(args.computer);
  const { computer: _omit, ...rest } = args;
  if (name === "turtle" && c.kind !== "turtle") {
    throw new ToolError(`${describe(c)} is not a turtle; turtles connected: ${turtleList(computers)}.`);
  }
  let timeout = limits.callTimeoutMs;
  if (name === "lua") {
    const secs = typeof rest.timeout === "number" && rest.timeout > 0 ? Math.min(rest.timeout, 60) : 10;
    rest.timeout = secs;
    timeout = secs * 1000 + limits.callTimeoutMs;
  }
  return computers.call(c, name, rest, timeout);
}

function turtleList(computers: Computers): string {
  const ts = computers.list().filter((c) => c.kind === "turtle");
  return ts.length === 0 ? "none" : ts.map(describe).join(", ");
}
