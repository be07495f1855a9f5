// ESLint for the TypeScript compiled to Lua (src/libai, src/libai_bridge, src/ai, src/aichat), the bridge's
// TypeScript for Node (src/bridge) and the Node-side scripts. Rules turned off or changed are
// explained beside each: most come from what TypeScriptToLua compiles differently from JavaScript.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

/** For all our TypeScript. */
const shared = {
  // Numbers (and booleans) in strings are what a line for a player or a log wants; TypeScriptToLua
  // compiles them to tostring() concatenation, Node to their decimal text.
  "@typescript-eslint/restrict-plus-operands": ["error", { allowNumberAndString: true }],
  "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true, allowBoolean: true }],
  // request<T>() and decode<T>() give a checked JSON reply the type its caller expects: the type
  // parameter is the point at the JSON boundary, even where it appears once.
  "@typescript-eslint/no-unnecessary-type-parameters": "off",
  // `const { computer: _omit, ...rest } = args` drops a field; `_` marks what is unused on purpose.
  "@typescript-eslint/no-unused-vars": [
    "error",
    { ignoreRestSiblings: true, varsIgnorePattern: "^_", argsIgnorePattern: "^_" },
  ],
};

export default tseslint.config(
  { ignores: ["build/**", "types/libai/**", "node_modules/**", "**/*.d.ts", ".test-out/**"] },
  {
    files: ["src/libai/**/*.ts", "src/libai_bridge/**/*.ts", "src/ai/**/*.ts", "src/aichat/**/*.ts"],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      ...shared,
      // CC's typings declare APIs that are absent at run time on some computers (http when disabled in
      // the server config, settings/shell outside the shell) and our reply types describe what a
      // correct server sends: the checks this rule calls unnecessary are the ones that keep a
      // player's computer from crashing on a missing API or a wrong-shaped reply.
      "@typescript-eslint/no-unnecessary-condition": "off",
      // Lua's string.match and CC's multiple returns are typed optional even where the pattern or the
      // call guarantees a value; `!` states that where it holds.
      "@typescript-eslint/no-non-null-assertion": "off",
      // Lua errors are any value: libai raises AiError tables (with __tostring) and CC's own
      // "Terminated" string, exactly as CC's APIs do, and callers pcall them.
      "@typescript-eslint/only-throw-error": "off",
      // TypeScriptToLua needs `this: void` on callbacks so they compile without a self parameter.
      "@typescript-eslint/no-invalid-void-type": ["error", { allowAsThisParameter: true }],
    },
  },
  {
    // opencc-bridge: plain TypeScript for Node, so the strict rules hold as they are.
    files: ["src/bridge/**/*.ts"],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: shared,
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    // Stopping a process that has already gone, or removing a file that is not there, needs nothing.
    rules: { "no-empty": ["error", { allowEmptyCatch: true }] },
  },
);
