// ai --doctor: checks, in order, everything between this computer and an answer, and stops at the
// first failure with its fix. 1 settings (password masked), 2 http enabled, 3 the URL allowed by
// CC's rules, 4 the server's health and version, 5 the credentials, 6 the agent and the model.
// Each check is libai's own, so the doctor says what ask would say.
import * as ai from "libai";
import type { Options } from "./options";
import { fit, inColour } from "./screen";
import { PAGED_SETTING } from "./settings";

function ok(text: string): void {
  const [w] = term.getSize();
  inColour(colours.green, () => write("ok "));
  print(fit(text, w - 3));
}

function failed(text: string): boolean {
  printError("FAIL " + text);
  return false;
}

function showSettings(): void {
  const [w] = term.getSize();
  const names: string[] = [];
  for (const n of ai.settingNames) names.push(n);
  names.push(PAGED_SETTING);
  inColour(colours.lightGrey, () => {
    for (const name of names) {
      const value: unknown = settings.get(name);
      let shown = value === undefined ? "" : tostring(value);
      // a URL with user info is refused by libai, but may still hold a password: never show it
      if (name === "opencc.server_url") [shown] = string.gsub(shown, "//[^/]*@", "//***@");
      // both are secrets: the screen may be seen, or captured by a program (ai --doctor from the installer)
      if (name === "opencc.password" || name === "opencc.bridge_token") shown = shown === "" ? "(none)" : "********";
      else if (type(value) === "string") shown = '"' + shown + '"';
      print(fit(name + " = " + shown, w));
    }
  });
}

export function doctor(o: Options): boolean {
  // 1. settings
  showSettings();
  const [cfg, msg] = ai.protect(() => ai.config());
  if (cfg === undefined) return failed(msg);
  ok("settings are valid");
  const warning = ai.plainHttpWarning(cfg.url, cfg.password);
  if (warning !== undefined) printError("warn " + warning);

  // 2. http, 3. CC's rules for the URL (libai words the fix for each)
  const [allowed, why, err] = ai.checkUrl(cfg.url);
  if (allowed === undefined && err.kind === "http_disabled") return failed(why);
  ok("http is enabled");
  if (allowed === undefined) return failed(why);
  ok("CC allows " + cfg.url);

  // 4. health and version (may itself need the password: then step 5 says so)
  const c = ai.client();
  const [health, hmsg, herr] = ai.protect(() => c.health());
  if (health === undefined) {
    if (herr === undefined || herr.kind !== "auth") return failed(hmsg);
    ok("the server answers (it wants credentials)");
  } else {
    if (!health.healthy)
      return failed(`The server at ${cfg.url} says it is not healthy: look at its log, and restart opencode serve.`);
    ok("server healthy, opencode " + tostring(health.version));
  }

  // 5. credentials: an authenticated request
  const [agents, amsg] = ai.protect(() => c.agents());
  if (agents === undefined) return failed(amsg);
  ok(cfg.password !== "" ? "credentials accepted" : "no password needed");

  // 6. agent and model, as ask checks them before sending
  const agent = o.agent ?? cfg.agent;
  const model = o.model ?? cfg.model;
  const [found, unknown, bad] = ai.checkNames(c, agent !== "" ? agent : undefined, model !== "" ? model : undefined);
  if (found === undefined) {
    const setting = bad.kind === "unknown_agent" ? "opencc.agent" : "opencc.model";
    return failed(`${unknown} (set ${setting} to one, or to "" for the default)`);
  }
  ok("agent " + (agent !== "" ? agent : "(default)") + ", model " + (model !== "" ? model : "(default)"));
  inColour(colours.green, () => {
    print("All good: try ai hello");
  });
  return true;
}
