// ESLint for the TypeScript compiled to Lua (src/libai, src/ai) and the Node-side scripts.
// Rules turned off or changed are explained beside each: most come from what TypeScriptToLua
// compiles differently from JavaScript.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "types/libai/**", "node_modules/**", "**/*.d.ts"] },
  {
    files: ["src/libai/**/*.ts", "src/ai/**/*.ts"],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
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
      // TypeScriptToLua compiles `"a" + n` and `${n}` to tostring(n) concatenation: numbers (and
      // booleans in templates) are safe in strings there.
      "@typescript-eslint/restrict-plus-operands": ["error", { allowNumberAndString: true }],
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true, allowBoolean: true }],
      // TypeScriptToLua needs `this: void` on callbacks so they compile without a self parameter.
      "@typescript-eslint/no-invalid-void-type": ["error", { allowAsThisParameter: true }],
    },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
);
