// The opencc.* settings read and validated into one Config (their definitions are in
// settingdefs.ts), and the warning for a password sent over plain http. Names match the earlier
// plain-Lua libai.
import { fail } from "./errors";
import { Config, defineSettings, SETTINGS } from "./settingdefs";

export type { Config };

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
