export function hello(name: string): string {
  return "hi " + name;
}
