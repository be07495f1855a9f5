import * as ai from "libai";

export function run(...args: string[]): void {
  const prompt = table.concat(args, " ");
  const [text, reply] = ai.ask(prompt);
  if (text === undefined) {
    printError(reply);
    return;
  }
  print(text);
}
