// Tab completion of ai in the shell: its flags (from the flag table), and the values of the
// flags that take an agent, a model or a session id (from the cache).
import { choice } from "cc.completion";
import { FLAGS } from "./args";
import { cachedNames } from "./cache";
import { flagNames, inPrompt, valuesOf } from "./flags";

/** For shell.setCompletionFunction; nothing once the prompt has begun (it is prose). */
export function complete(_shell: unknown, _index: number, partial: string, previous: string[]): string[] {
  if (inPrompt(FLAGS, previous)) return [];
  const kind = valuesOf(FLAGS, previous[previous.length - 1]);
  if (kind !== undefined) return choice(partial, cachedNames(kind), true);
  if (string.sub(partial, 1, 1) === "-") return choice(partial, flagNames(FLAGS), true);
  return [];
}
