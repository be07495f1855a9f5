// The opencc.* settings: defined with description, type and default (so `set` shows and checks
// them), read, and validated into one Config. Names match the earlier plain-Lua libai.
import { fail } from "./errors";

export interface Config {
  url: string;
  username: string;
  password: string;
  sessionId: string;
  agent: string;
  model: string;
  variant: string;
  directory: string;
  /** Seconds to wait for a whole reply. */
  timeout: number;
  /** Seconds between polls. */
  pollInterval: number;
  /** opencc-bridge's WebSocket URL (ws://host:4097/cc); empty: this computer serves no tools. */
  bridgeUrl: string;
  bridgeToken: string;
  /** What the agent may do here through the bridge: read, act, lua (comma-separated). */
  tools: string;
}

interface SettingDef {
  key: keyof Config;
  name: string;
  description: string;
  type: "string" | "number" | "boolean";
  default: string | number | boolean;
}

export const SETTINGS: SettingDef[] = [
  {
    key: "url",
    name: "opencc.server_url",
    type: "string",
    default: "http://127.0.0.1:4096",
    description: "URL of the opencode server (opencode serve), e.g. http://host:4096",
  },
  {
    key: "username",
    name: "opencc.username",
    type: "string",
    default: "opencode",
    description: "Basic Auth user name for the opencode server",
  },
  {
    key: "password",
    name: "opencc.password",
    type: "string",
    default: "",
    description: "Basic Auth password (OPENCODE_SERVER_PASSWORD of the server); empty for none",
  },
  {
    key: "sessionId",
    name: "opencc.session_id",
    type: "string",
    default: "",
    description: "Pin one opencode session (ses_...); empty: this computer's own conversation",
  },
  {
    key: "agent",
    name: "opencc.agent",
    type: "string",
    default: "",
    description: "Agent that answers (e.g. build, plan); empty: the server's default",
  },
  {
    key: "model",
    name: "opencc.model",
    type: "string",
    default: "",
    description: "Model as provider/model; empty: the agent's or server's default",
  },
  {
    key: "variant",
    name: "opencc.variant",
    type: "string",
    default: "",
    description: "Model variant (e.g. high); empty: default",
  },
  {
    key: "directory",
    name: "opencc.directory",
    type: "string",
    default: "",
    description: "Project directory on the server to scope every request to; empty: the server's own",
  },
  {
    key: "timeout",
    name: "opencc.timeout",
    type: "number",
    default: 300,
    description: "Seconds to wait for a reply before stopping the generation",
  },
  {
    key: "pollInterval",
    name: "opencc.poll_interval",
    type: "number",
    default: 0.5,
    description: "Seconds between checks for the reply (quicker while a reply is ending, slower after a long silence)",
  },
  {
    key: "bridgeUrl",
    name: "opencc.bridge_url",
    type: "string",
    default: "",
    description: "opencc-bridge URL (ws://host:4097/cc) through which the agent acts on this computer; empty: off",
  },
  {
    key: "bridgeToken",
    name: "opencc.bridge_token",
    type: "string",
    default: "",
    description: "The bridge's shared secret (its --token)",
  },
  {
    key: "tools",
    name: "opencc.tools",
    type: "string",
    default: "read",
    description: "What the agent may do here via the bridge: read, act (turtle, peripherals), lua; e.g. read,act",
  },
];

/** Where ai remembers this computer's own conversation between runs. */
export const CONVERSATION_SETTING = "opencc.conversation";
/** The same for each other opencc.directory: a table of directory -> session id. */
export const CONVERSATIONS_SETTING = "opencc.conversations";

let defined = false;

/** settings.define for every opencc.* setting (once). */
export function defineSettings(): void {
  if (defined || settings === undefined) return;
  defined = true;
  for (const s of SETTINGS) {
    settings.define(s.name, { description: s.description, type: s.type, default: s.default });
  }
  settings.define(CONVERSATION_SETTING, {
    description: "This computer's own opencode session, remembered by ai (ai --new starts another)",
    type: "string",
    default: "",
  });
  settings.define(CONVERSATIONS_SETTING, {
    description: "This computer's own session in each other opencc.directory, remembered by ai",
    type: "table",
    default: {},
  });
}

function badSetting(name: string, why: string, fix: string): never {
  return fail("bad_setting", `${name} ${why}: ${fix}`);
}

/** Checks one value; returns it, or fails with a line naming the setting and the fix. */
export function validate(key: keyof Config, value: unknown): string | number {
  const def = SETTINGS.find((s) => s.key === key)!;
  if (value === undefined) value = def.default;
  if (type(value) !== def.type) {
    badSetting(def.name, `must be a ${def.type}, not ${tostring(value)}`, `set ${def.name} <${def.type}>`);
  }
  if (key === "url") {
    const url = value as string;
    // user:password@ in the URL would end up in error lines and caches: refused, and never echoed.
    if (string.find(url, "^[^/]*//[^/]*@")[0] !== undefined || string.find(url, "^[^/]*@")[0] !== undefined) {
      badSetting(def.name, "has a user name or password in it", "use opencc.username and opencc.password instead");
    }
    if (string.find(url, "^https?://[^/%s]+")[0] === undefined) {
      badSetting(def.name, `"${url}" is not an http(s) URL`, "set opencc.server_url http://host:4096");
    }
  } else if (key === "model") {
    const model = value as string;
    if (model !== "" && string.find(model, "^[^/]+/.+$")[0] === undefined) {
      badSetting(
        def.name,
        `"${model}" has no provider`,
        "set opencc.model provider/model (e.g. anthropic/claude-sonnet-4)",
      );
    }
  } else if (key === "timeout" || key === "pollInterval") {
    const n = value as number;
    if (n <= 0)
      badSetting(def.name, `must be a positive number of seconds, not ${n}`, `set ${def.name} ${def.default}`);
  } else if (key === "bridgeUrl") {
    const url = value as string;
    if (url !== "" && string.find(url, "^wss?://[^/%s]+")[0] === undefined) {
      badSetting(def.name, `"${url}" is not a ws:// URL`, "set opencc.bridge_url ws://host:4097/cc");
    }
  } else if (key === "tools") {
    for (const [word] of string.gmatch(value as string, "[^,%s]+")) {
      if (word !== "read" && word !== "act" && word !== "lua") {
        badSetting(def.name, `names "${word}", which is not read, act or lua`, "set opencc.tools read,act");
      }
    }
  } else if (key === "sessionId") {
    const id = value as string;
    // It goes into request paths: letters and digits only after ses_, so it cannot reach another route.
    if (id !== "" && string.find(id, "^ses_%w+$")[0] === undefined) {
      badSetting(def.name, `"${string.sub(id, 1, 40)}" is not a session id (ses_...)`, "ai --sessions lists them");
    }
  }
  return value as string | number;
}

/** The settings, with `overrides` (from a program or ai.client{...}) taking precedence. */
export function readConfig(overrides?: Partial<Config>): Config {
  defineSettings();
  const cfg = {} as LuaTable<keyof Config, string | number>;
  for (const s of SETTINGS) {
    const given = overrides?.[s.key];
    const stored: unknown = given !== undefined ? given : settings !== undefined ? settings.get(s.name) : undefined;
    cfg.set(s.key, validate(s.key, stored));
  }
  const config = cfg as unknown as Config;
  // A trailing slash would double up in every path.
  [config.url] = string.gsub(config.url, "/+$", "");
  return config;
}

/** Whether a host name or address stays on this machine or a private network. */
function isLocalHost(host: string): boolean {
  const h = string.lower(host);
  if (h === "localhost" || string.find(h, "%.")[0] === undefined) return true; // also a bare LAN name
  for (const suffix of [".local", ".lan", ".internal", ".home.arpa", ".localhost"]) {
    if (string.sub(h, -suffix.length) === suffix) return true;
  }
  const [a, b] = string.match(h, "^(%d+)%.(%d+)%.%d+%.%d+$");
  if (a !== undefined) {
    const [x, y] = [tonumber(a)!, tonumber(b)!];
    return (
      x === 127 || x === 10 || (x === 172 && y >= 16 && y <= 31) || (x === 192 && y === 168) || (x === 169 && y === 254)
    );
  }
  // IPv6 literals: loopback, unique-local fc00::/7, link-local fe80::/10.
  return h === "::1" || string.find(h, "^f[cd]")[0] !== undefined || string.find(h, "^fe[89ab]")[0] !== undefined;
}

/**
 * The line warning that the password crosses the network unencrypted (a password set, plain
 * http, and a host that is neither loopback nor private), or undefined.
 */
export function plainHttpWarning(url: string, password: string): string | undefined {
  if (password === "") return undefined;
  const [authority] = string.match(url, "^[hH][tT][tT][pP]://([^/?#]+)");
  if (authority === undefined) return undefined;
  const [v6] = string.match(authority, "^%[([^%]]+)%]");
  const [named] = string.match(authority, "^([^:]+)");
  const name = v6 ?? named ?? authority;
  if (isLocalHost(name)) return undefined;
  return `The password crosses the network to ${name} unencrypted: use https:// in opencc.server_url.`;
}
