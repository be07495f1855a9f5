/** @noSelfInFile */
declare module "libai" {
  export function hello(name: string): string;
}
