// The command line and environment of opencc-bridge, checked before anything listens.

export interface Options {
  host: string;
  port: number;
  token: string;
  /** opencode servers to register with (POST /mcp). */
  opencode: string[];
  opencodePassword: string;
  opencodeUsername: string;
  /** Project directory the registration belongs to (opencode's ?directory=). */
  directory?: string;
  /** Name the tools get in opencode: <name>_<tool>. */
  name: string;
  callTimeoutMs: number;
  quiet: boolean;
  /** The bridge as players reach it, for /install (default: the address each computer used). */
  publicUrl?: string;
  /** opencode as players reach it, for /install (default: the first --opencode, its loopback host replaced). */
  publicOpencodeUrl?: string;
  /** Honour X-Forwarded-Proto/-Host/-Prefix from a proxy in front of the bridge. */
  trustProxy: boolean;
  /** /install gives players the token (it is meant for them). */
  shareToken: boolean;
}

export const USAGE = `Usage: opencc-bridge [options]
  --host ADDR            address to listen on (default 0.0.0.0; CC computers connect to ws://ADDR:PORT/cc)
  --port N               port (default 4097); MCP for opencode at http://127.0.0.1:PORT/mcp
  --token SECRET         shared secret the computers send (opencc.bridge_token); or OPENCC_BRIDGE_TOKEN.
                         Required unless --host is a loopback address.
  --opencode URL         register with this running opencode server (repeatable); computers may
                         watch the sessions of the first one (the bridge relays its events)
  --password PW          the opencode server's password (or OPENCODE_SERVER_PASSWORD)
  --username NAME        its user name (or OPENCODE_SERVER_USERNAME; default opencode)
  --directory DIR        register for this project directory of the opencode server
  --name NAME            MCP server name (default opencc: tools show as opencc_turtle, ...)
  --call-timeout SECS    how long a computer has to answer a tool call (default 30)
Players install with: wget run http://HOST:PORT/install (served on the same port):
  --public-opencode-url URL  opencode's address as players reach it (default: the first --opencode,
                         with a loopback host replaced by the host the computer used)
  --public-url URL       the bridge's address as players reach it (default: the one each computer used)
  --trust-proxy          take that address from X-Forwarded-Proto/-Host/-Prefix (only behind your proxy)
  --share-token          give players the --token with the installation (else the installer asks them)
  --quiet                no log lines
  --help`;

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);
}

const SWITCHES: Record<string, "quiet" | "trustProxy" | "shareToken"> = {
  "--quiet": "quiet",
  "--trust-proxy": "trustProxy",
  "--share-token": "shareToken",
};

/** Applies one option with a value; one line saying what is wrong, or undefined. */
function applyValue(o: Options, flag: string, value: string): string | undefined {
  switch (flag) {
    case "--host":
      o.host = value;
      break;
    case "--port":
      o.port = Number(value);
      if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) return `--port ${value} is not a port`;
      break;
    case "--token":
      o.token = value;
      break;
    case "--opencode":
      if (!/^https?:\/\/[^/\s]+/.test(value)) return `--opencode ${value} is not an http(s) URL`;
      o.opencode.push(value.replace(/\/+$/, ""));
      break;
    case "--password":
      o.opencodePassword = value;
      break;
    case "--username":
      o.opencodeUsername = value;
      break;
    case "--directory":
      o.directory = value;
      break;
    case "--name":
      if (!/^[A-Za-z0-9_-]+$/.test(value)) return `--name ${value}: use letters, digits, _ and -`;
      o.name = value;
      break;
    case "--call-timeout": {
      const secs = Number(value);
      if (!(secs > 0)) return `--call-timeout ${value} is not a positive number of seconds`;
      o.callTimeoutMs = secs * 1000;
      break;
    }
    case "--public-url":
    case "--public-opencode-url":
      if (!/^https?:\/\/[^/\s?#@]+(\/[^\s?#]*)?$/.test(value))
        return `${flag} ${value} is not an http(s) URL (without user, query or fragment)`;
      if (flag === "--public-url") o.publicUrl = value.replace(/\/+$/, "");
      else o.publicOpencodeUrl = value.replace(/\/+$/, "");
      break;
    default:
      return `unknown option ${flag} (opencc-bridge --help lists them)`;
  }
  return undefined;
}

/** Parses argv (without node and the script); returns the options or one line saying what is wrong. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Options | { error: string } | "help" {
  const o: Options = {
    host: "0.0.0.0",
    port: 4097,
    token: env.OPENCC_BRIDGE_TOKEN ?? "",
    opencode: [],
    opencodePassword: env.OPENCODE_SERVER_PASSWORD ?? "",
    opencodeUsername: env.OPENCODE_SERVER_USERNAME || "opencode",
    name: "opencc",
    callTimeoutMs: 30000,
    quiet: false,
    trustProxy: false,
    shareToken: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return "help";
    if (Object.hasOwn(SWITCHES, arg)) {
      o[SWITCHES[arg]] = true;
      continue;
    }
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg];
    const value = inline ?? argv.at(++i);
    if (value === undefined) return { error: `${flag} needs a value` };
    const error = applyValue(o, flag, value);
    if (error !== undefined) return { error };
  }
  if (o.token === "" && !isLoopback(o.host)) {
    return {
      error: `refusing to listen on ${o.host} without a token: anyone who can reach it could drive your computers. Pass --token SECRET (or set OPENCC_BRIDGE_TOKEN), or --host 127.0.0.1.`,
    };
  }
  if (o.shareToken && o.token === "") return { error: "--share-token: there is no --token to share" };
  return o;
}
