/** @noSelfInFile */
// Fixes to @jackmacwindows/craftos-types, by declaration merging. Each gap below was hit while
// writing opencc: without these, the code would not type-check, or would compile to wrong Lua.

/** Plain Lua table of header name -> value (the upstream typing uses Map, which compiles to a lualib Map). */
type HttpHeaders = { [name: string]: string };

/** The table form of http.request (CC: Tweaked 1.80+); every field but url is optional. */
interface HttpRequestTable {
  url: string;
  method?: string;
  body?: string;
  headers?: HttpHeaders;
  binary?: boolean;
  redirect?: boolean;
  /** Seconds; CC: Tweaked caps requests at its own http timeout. */
  timeout?: number;
}

/** A response handle, as CC gives it with http_success and (for 4xx/5xx) http_failure. */
interface HttpHandle {
  getResponseCode(): LuaMultiReturn<[number, string]>;
  getResponseHeaders(): HttpHeaders;
  readAll(): string | undefined;
  close(): void;
}

declare namespace http {
  function request(options: HttpRequestTable): LuaMultiReturn<[boolean, string | undefined]>;
}

declare namespace parallel {
  function waitForAny(...fns: (() => void)[]): number;
}

/** Events opencc waits for, as os.pullEventRaw returns them. */
type CCEvent =
  | ["http_success", string, HttpHandle]
  | ["http_failure", string, string, HttpHandle | undefined]
  | ["timer", number]
  | ["terminate"]
  | [string, ...unknown[]];

declare namespace os {
  function pullEventRaw(filter?: string): LuaMultiReturn<CCEvent>;
  function pullEvent(filter?: string): LuaMultiReturn<CCEvent>;
  function getComputerLabel(): string | undefined;
  function epoch(mode: "utc" | "local" | "ingame"): number;
}
