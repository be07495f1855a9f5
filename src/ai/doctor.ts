// ai --doctor: checks, in order, everything between this computer and an answer, and stops at the
// first failure with its fix. 1 settings (password masked), 2 http enabled, 3 the URL allowed by
// CC's rules, 4 the server's health and version, 5 the credentials, 6 the agent and the model.
import * as ai from "libai";
import type { Client } from "libai";
import { fit } from "./progress";

function hostOf(url: string): string {
  const [host] = string.match(url, "^%a+://([^/:?#]+)");
  return host ?? url;
}

export interface DoctorOptions {
  agent?: string;
  model?: string;
}

export function doctor(o: DoctorOptions): boolean {
  const colour = term.isColour();
  const [w] = term.getSize();
  const old = term.getTextColour();
  const ok = (text: string): void => {
    if (colour) term.setTextColour(colours.green);
    write("ok ");
    term.setTextColour(old);
    print(fit(text, w - 3));
  };
  const failed = (text: string): boolean => {
    printError("FAIL " + text);
    return false;
  };

  // 1. settings
  if (colour) term.setTextColour(colours.lightGrey);
  const names: string[] = [];
  for (const n of ai.settingNames) names.push(n);
  names.push("opencc.paged");
  for (const name of names) {
    const value = settings.get(name);
    let shown = value === undefined ? "" : tostring(value);
    if (name === "opencc.server_url") [shown] = string.gsub(shown, "//[^/]*@", "//***@"); // may hold a password
    if (name === "opencc.password") shown = shown === "" ? "(none)" : "********";
    else if (type(value) === "string") shown = '"' + shown + '"';
    print(fit(name + " = " + shown, w));
  }
  term.setTextColour(old);
  const [cfg, msg] = ai.protect(() => ai.config());
  if (cfg === undefined) return failed(msg as string);
  ok("settings are valid");
  const warning = ai.plainHttpWarning(cfg.url, cfg.password);
  if (warning !== undefined) printError("warn " + warning);

  // 2. http, 3. CC's rules for the URL (libai words the fix for each)
  const [allowed, why, err] = ai.checkUrl(cfg.url);
  if (allowed === undefined && err.kind === "http_disabled") return failed(why);
  ok("http is enabled");
  if (allowed === undefined) return failed(why);
  ok("CC allows " + hostOf(cfg.url));

  // 4. health and version (may itself need the password: then step 5 says so)
  const c: Client = ai.client();
  const [health, hmsg, herr] = ai.protect(() => c.health());
  if (health === undefined) {
    if (herr === undefined || herr.kind !== "auth") return failed(hmsg as string);
    ok("the server answers (it wants credentials)");
  } else {
    if (health.healthy !== true)
      return failed(
        `The server at ${hostOf(cfg.url)} says it is not healthy: look at its log, and restart opencode serve.`,
      );
    ok("server healthy, opencode " + tostring(health.version));
  }

  // 5. credentials: an authenticated request
  const [agents, amsg] = ai.protect(() => c.agents());
  if (agents === undefined) return failed(amsg as string);
  ok(cfg.password !== "" ? "credentials accepted" : "no password needed");

  // 6. agent and model
  const agent = o.agent ?? cfg.agent;
  if (agent !== "") {
    let found = false;
    for (const a of agents) if (a.name === agent) found = true;
    if (!found) {
      const [names] = ai.protect(() => ai.agents(c));
      return failed(
        `Agent not found: "${agent}": set opencc.agent to one of ${names !== undefined ? table.concat(names, ", ") : "the server's agents"} (or "" for the default).`,
      );
    }
  }
  const model = o.model ?? cfg.model;
  if (model !== "") {
    const [names, mmsg] = ai.protect(() => ai.models(c));
    if (names === undefined) return failed(mmsg as string);
    let found = false;
    for (const n of names) if (n === model) found = true;
    if (!found) {
      return failed(
        `Model not found: ${model}: set opencc.model to provider/model from the server's providers (or "" for the default).`,
      );
    }
  }
  ok("agent " + (agent !== "" ? agent : "(default)") + ", model " + (model !== "" ? model : "(default)"));
  if (colour) term.setTextColour(colours.green);
  print("All good: try ai hello");
  term.setTextColour(old);
  return true;
}
