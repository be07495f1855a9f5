// Every decoded reply is checked against the shape opencc reads before any field of it is used:
// a proxy's page, a cut-off body or another server's JSON then ends in one bad_response line,
// never in a Lua error deep inside a poll. Only the fields opencc reads are checked.
import { fail } from "./errors";

/**
 * A shape: "string", "number", "boolean" or "table" (with "?": may be absent); [shape] a list of
 * that; { "*": shape } a map of that; { "?": shape } that or absent; any other object: its fields.
 */
export type Shape = string | Shape[] | { [field: string]: Shape };

function isList(v: unknown): boolean {
  if (type(v) !== "table") return false;
  const t = v as LuaTable<AnyNotNil, unknown>;
  // textutils.unserialiseJSON gives [] as an empty table (empty_json_array): a list too.
  return t.get(1) !== undefined || next(t)[0] === undefined;
}

/** Where `v` first departs from `shape`, as "parts[2].type: string"; undefined when it fits. */
export function mismatch(v: unknown, shape: Shape): string | undefined {
  if (type(shape) === "string") {
    const s = shape as string;
    const optional = string.sub(s, -1) === "?";
    const want = optional ? string.sub(s, 1, -2) : s;
    if (v === undefined && optional) return undefined;
    return type(v) === want ? undefined : ": " + want;
  }
  if (isList(shape)) {
    if (!isList(v)) return ": list";
    const list = v as unknown[];
    for (let i = 0; i < list.length; i++) {
      const bad = mismatch(list[i], (shape as Shape[])[0]);
      if (bad !== undefined) return `[${i + 1}]` + bad;
    }
    return undefined;
  }
  const fields = shape as { [field: string]: Shape };
  const maybe = fields["?"];
  if (maybe !== undefined) return v === undefined ? undefined : mismatch(v, maybe);
  if (type(v) !== "table") return ": object";
  const each = fields["*"];
  for (const [k, item] of pairs(each !== undefined ? (v as LuaTable<string, unknown>) : fields)) {
    const bad = each !== undefined ? mismatch(item, each) : mismatch((v as { [k: string]: unknown })[k], item as Shape);
    if (bad !== undefined) return "." + tostring(k) + bad;
  }
  return undefined;
}

/** `value` as a T when it fits `shape`; otherwise fails with a bad_response line naming the field. */
export function decode<T>(value: unknown, shape: Shape, host: string): T {
  const bad = mismatch(value, shape);
  if (bad !== undefined) {
    const [at, want] = string.match(bad, "^%.?(.-): (%a+)$");
    fail(
      "bad_response",
      `Not an opencode reply from ${host} (${want} expected${at !== "" ? " at " + at : ""}): check opencc.server_url.`,
    );
  }
  return value as T;
}

const ERROR_INFO: Shape = { "?": { name: "string" } };

const PART: Shape = {
  id: "string",
  type: "string",
  text: "string?",
  tool: "string?",
  state: { "?": { status: "string", title: "string?", error: "string?", input: "table?" } },
  time: { "?": { start: "number?", end: "number?" } },
};

export const SHAPES = {
  health: { healthy: "boolean", version: "string" },
  session: { id: "string", title: "string", parentID: "string?", time: { created: "number", updated: "number" } },
  message: {
    info: {
      id: "string",
      sessionID: "string",
      role: "string",
      time: { created: "number", completed: "number?" },
      parentID: "string?",
      finish: "string?",
      agent: "string?",
      providerID: "string?",
      modelID: "string?",
      error: ERROR_INFO,
    },
    parts: [PART],
  },
  status: { "*": { type: "string", attempt: "number?", message: "string?" } },
  agent: { name: "string", mode: "string", hidden: "boolean?" },
  providers: { providers: [{ id: "string", models: { "*": "table" } }] },
  permission: { id: "string", sessionID: "string", permission: "string", patterns: ["string"] },
  question: {
    id: "string",
    sessionID: "string",
    questions: [{ question: "string", options: [{ label: "string" }] }],
  },
  control: { path: "string" },
  boolean: "boolean",
} satisfies { [name: string]: Shape };
