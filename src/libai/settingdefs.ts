// The opencc.* settings as CC's `set` shows and checks them: each one's name, description, type
// and default, and the Config they are read into (config.ts reads and validates them).
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
