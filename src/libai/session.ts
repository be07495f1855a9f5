// Which session a prompt goes to: an explicit option, then opencc.session_id, then this
// computer's own conversation (found by its title, or made, and remembered in a setting). A
// conversation belongs to the project directory it was made in (sessions are listed per
// directory), so one is remembered per opencc.directory.
import type { Session } from "./api";
import type { Client } from "./client";
import { CONVERSATIONS_SETTING, CONVERSATION_SETTING } from "./settingdefs";
import { observeServerTime } from "./ids";

export type SessionSource = "option" | "setting" | "computer";

/** The title of this computer's own conversation: it names the computer's id and label. */
export function computerTitle(): string {
  const label = os.getComputerLabel();
  return `CC computer #${os.getComputerID()}` + (label !== undefined ? ` (${label})` : "");
}

type ByDirectory = { [directory: string]: string };

/** The conversation remembered for `directory` ("" for the server's own project). */
export function rememberedConversation(directory: string): string | undefined {
  if (settings === undefined) return undefined;
  // The server's own project keeps the setting computers had before directories were told apart.
  const id: unknown =
    directory === ""
      ? settings.get(CONVERSATION_SETTING)
      : ((settings.get(CONVERSATIONS_SETTING) as ByDirectory | undefined) ?? {})[directory];
  return type(id) === "string" && id !== "" ? (id as string) : undefined;
}

export function rememberConversation(id: string | undefined, directory: string): void {
  if (settings === undefined) return;
  if (directory === "") {
    if (id === undefined) settings.unset(CONVERSATION_SETTING);
    else settings.set(CONVERSATION_SETTING, id);
  } else {
    const all = new LuaTable<string, string>();
    const old = settings.get(CONVERSATIONS_SETTING) as ByDirectory | undefined;
    if (type(old) === "table") for (const [dir, sid] of pairs(old!)) all.set(dir as string, sid);
    if (id === undefined) all.delete(directory);
    else all.set(directory, id);
    settings.set(CONVERSATIONS_SETTING, all);
  }
  settings.save();
}

/** Creates a session, and learns the server's clock from the time it stamps on it. */
export function createSession(client: Client, title?: string, parentID?: string, deadline?: number): Session {
  const sentAt = os.epoch("utc");
  const s = client.createSession(title, parentID, deadline);
  observeServerTime(s.time.created, sentAt, os.epoch("utc"));
  return s;
}

export interface ChosenSession {
  id: string;
  source: SessionSource;
  /** Made just now for this prompt: nothing else can be running there. */
  created?: boolean;
}

/** Finds this computer's conversation on the server by title, or makes one, and remembers it. */
function findConversation(client: Client, fresh: boolean, deadline?: number): ChosenSession {
  const directory = client.directory ?? "";
  if (!fresh) {
    const remembered = rememberedConversation(directory);
    if (remembered !== undefined) return { id: remembered, source: "computer" };
    const prefix = `CC computer #${os.getComputerID()}`;
    // Only the sessions whose title names this computer: the list of all can be long.
    for (const s of client.sessions(deadline, { search: prefix, roots: true, limit: 100 })) {
      const rest = string.sub(s.title, prefix.length + 1);
      if (
        string.sub(s.title, 1, prefix.length) === prefix &&
        (rest === "" || string.sub(rest, 1, 1) === " ") &&
        s.parentID === undefined
      ) {
        rememberConversation(s.id, directory);
        return { id: s.id, source: "computer" };
      }
    }
  }
  const id = createSession(client, computerTitle(), undefined, deadline).id;
  rememberConversation(id, directory);
  return { id, source: "computer", created: true };
}

/** This computer's conversation: found by title, or made (fresh=true always makes one). */
export function computerSession(client: Client, fresh: boolean, deadline?: number): string {
  return findConversation(client, fresh, deadline).id;
}

/** An explicit session wins; asking for a fresh conversation also wins over a pinned one. */
export function chooseSession(
  client: Client,
  option: string | undefined,
  pinned: string,
  fresh: boolean,
  deadline?: number,
): ChosenSession {
  if (option !== undefined && option !== "") return { id: option, source: "option" };
  if (pinned !== "" && !fresh) return { id: pinned, source: "setting" };
  return findConversation(client, fresh, deadline);
}
