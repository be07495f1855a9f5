import * as ai from "libai";
export function run(...args: string[]): void {
  print(ai.hello(args.length > 0 ? args[0] : "none"), args.length);
}
