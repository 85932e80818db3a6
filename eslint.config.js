// ESLint flat config.
//   - typescript-eslint recommended on all TypeScript (src, test);
//   - Office add-in rules (context.sync misuse, load-before-read...) on the code
//     that talks to Office.js: src/hosts/office and src/apps.
// eslint-plugin-office-addins' own "recommended" config bundles prettier and an
// older typescript-eslint parser, so only its rules are taken, with the
// severities that config gives them.
import { createRequire } from "node:module";
import officeAddins from "eslint-plugin-office-addins";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

// @eslint/js is eslint's own dependency, not ours: resolve it from eslint.
const require = createRequire(import.meta.url);
const js = createRequire(require.resolve("eslint"))("@eslint/js");

const nodeGlobals = Object.fromEntries(
  ["process", "console", "Buffer", "URL", "URLSearchParams", "setTimeout", "clearTimeout", "fetch"].map((name) => [
    name,
    "readonly",
  ]),
);

const officeAddinRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([name]) => name.startsWith("office-addins/")),
);

export default defineConfig(
  { ignores: ["dist/", "dist-cli/", "node_modules/", "templates/", "coverage/", "test-artifacts/", ".cache/"] },
  {
    files: ["**/*.{js,mjs,cjs}"],
    extends: [js.configs.recommended],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ["src/**/*.ts", "test/**/*.ts", "scripts/**/*.ts", "scripts/**/*.d.mts"],
    extends: [tseslint.configs.recommended],
    rules: {
      // `const { dropped, ...rest } = value` is the idiom to omit properties.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { ignoreRestSiblings: true, argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    files: ["src/hosts/office/**/*.ts", "src/apps/**/*.ts"],
    plugins: { "office-addins": { rules: officeAddins.rules } },
    rules: officeAddinRules,
  },
);
