// Build of the Excel add-in pages (task pane, ribbon commands, help page).
//
//   npm run build       production; IAE_BASE_URL=https://.../ rewrites manifest URLs
//   npm run build:dev   development, Office.js served locally
//   npm run dev-server  https://localhost:3000
//
// Settings (environment variables):
//   IAE_BASE_URL   deployment base URL written into dist/manifest.xml (production only)
//   IAE_OFFICE_JS  "cdn" (default in production) or "local" (default in development)
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import CopyWebpackPlugin from "copy-webpack-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import { contentSecurityPolicy } from "./scripts/csp.mjs";
import { devHttpsOptions } from "./scripts/dev-certs.mjs";
import { rewriteManifestUrls } from "./scripts/manifest-urls.mjs";
import { OFFICE_JS_CDN_URL, OFFICE_JS_LOCAL_DIR, OFFICE_JS_LOCAL_FILES, officeJsMode } from "./scripts/office-js.mjs";

const root = dirname(fileURLToPath(import.meta.url));
const DEV_SERVER_PORT = 3000;
const DEV_SERVER_ORIGIN = `https://localhost:${DEV_SERVER_PORT}`;

/** Configuration mistakes end the build with a French sentence, not a stack trace. */
function fail(message) {
  console.error(`Erreur de configuration : ${message}`);
  process.exit(1);
}

function settings(isProduction, isServe) {
  try {
    const officeJs = officeJsMode(process.env.IAE_OFFICE_JS, isProduction);
    const baseUrl = process.env.IAE_BASE_URL || undefined;
    if (baseUrl && !isProduction) {
      console.warn("IAE_BASE_URL est ignorée hors build de production : le manifeste garde https://localhost:3000/.");
    }
    const manifestBaseUrl = isProduction ? baseUrl : undefined;
    if (manifestBaseUrl) rewriteManifestUrls("", manifestBaseUrl); // validates it now
    return { officeJs, manifestBaseUrl, devServerOrigin: isServe ? DEV_SERVER_ORIGIN : undefined };
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

/** The compiled office-loader script (a classic script the templates place in <head>). */
function officeLoaderFile(compilation) {
  const chunk = compilation.namedChunks.get(OFFICE_LOADER);
  const file = chunk && [...chunk.files].find((f) => f.endsWith(".js"));
  if (!file) throw new Error("office-loader introuvable dans la compilation");
  return file;
}

function page(name, template, chunks, parameters) {
  return new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template: resolve(root, template),
    chunks,
    templateParameters: (compilation, assets, assetTags, options) => ({
      compilation,
      webpackConfig: compilation.options,
      htmlWebpackPlugin: { tags: assetTags, files: assets, options },
      ...parameters,
      officeLoader: officeLoaderFile(compilation),
    }),
    scriptLoading: "defer",
  });
}

// Loads Office.js only inside an Office host (src/apps/taskpane/office-loader.ts): in a plain
// browser the pages make no request beyond their origin, whatever IAE_OFFICE_JS says.
const OFFICE_LOADER = "office-loader";

export default async (env = {}, argv = {}) => {
  const isProduction = argv.mode === "production";
  const isServe = Boolean(env.WEBPACK_SERVE);
  const { officeJs, manifestBaseUrl, devServerOrigin } = settings(isProduction, isServe);

  const templateParameters = {
    csp: contentSecurityPolicy({ officeJs, devServerOrigin }),
    officeJsUrl: officeJs === "cdn" ? OFFICE_JS_CDN_URL : `${OFFICE_JS_LOCAL_DIR}/office.js`,
  };

  const copyPatterns = [
    { from: resolve(root, "assets"), to: "assets" },
    // The task pane's Modèles tab links to these static files (same origin, no request carries data).
    { from: resolve(root, "templates"), to: "modeles", globOptions: { ignore: ["**/~$*"] } },
    { from: resolve(root, "docs/spec"), to: "spec" },
    {
      from: resolve(root, "manifest.xml"),
      to: "manifest.xml",
      transform: {
        transformer: (content) =>
          manifestBaseUrl ? Buffer.from(rewriteManifestUrls(content.toString("utf8"), manifestBaseUrl)) : content,
        cache: false,
      },
    },
  ];
  // Every build carries the Excel subset of Office.js (about 5 MB, not the package's 86 MB):
  // development pages load it, and a production build can be served without the CDN by
  // rebuilding with IAE_OFFICE_JS=local. Production pages load the CDN copy by default.
  const officeDist = resolve(root, "node_modules/@microsoft/office-js/dist");
  // Copied as Microsoft ships them: marked as minimized, so that Terser neither minifies them
  // again (5 MB, about 60 % of a production build's CPU) nor moves their license comments out.
  for (const file of OFFICE_JS_LOCAL_FILES) {
    copyPatterns.push({ from: resolve(officeDist, file), to: `${OFFICE_JS_LOCAL_DIR}/${file}`, info: { minimized: true } });
  }

  return {
    mode: isProduction ? "production" : "development",
    // Never an eval-based devtool: the CSP forbids 'unsafe-eval'.
    devtool: "source-map",
    entry: {
      taskpane: resolve(root, "src/apps/taskpane/index.ts"),
      commands: resolve(root, "src/apps/commands/index.ts"),
      [OFFICE_LOADER]: resolve(root, "src/apps/taskpane/office-loader.ts"),
    },
    output: {
      path: resolve(root, "dist"),
      filename: "[name].[contenthash].js",
      chunkFilename: "[name].[contenthash].js",
      cssFilename: "[name].[contenthash].css",
      cssChunkFilename: "[name].[contenthash].css",
      assetModuleFilename: "assets/[name].[contenthash][ext]",
      publicPath: "auto",
      clean: true,
    },
    // Native CSS: `import "./x.css"` emits a hashed .css file linked by the page,
    // so styles never need 'unsafe-inline'.
    experiments: { css: true },
    resolve: {
      extensions: [".ts", ".js"],
      // Accept both `./module` and `./module.js` imports of TypeScript files.
      extensionAlias: { ".js": [".ts", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            configFile: resolve(root, "tsconfig.json"),
            compilerOptions: { noEmit: false },
            // Each file transpiled alone (tsconfig has isolatedModules): the type check
            // is `npm run typecheck`, which `npm run build` runs first. Checking types
            // inside webpack took ~13 of a cold build's ~38 s of CPU, paid again by the
            // tests' builds after every source change; the bundles are the same code
            // (measured: only the minifier's local names of one chunk differ).
            transpileOnly: true,
          },
        },
      ],
    },
    optimization: {
      // Heavy libraries loaded with import() become their own chunks; code shared
      // by the task pane and the commands is not duplicated.
      // The office-loader stays one self-contained classic script.
      splitChunks: { chunks: (chunk) => chunk.name !== OFFICE_LOADER },
    },
    performance: {
      hints: isProduction ? "warning" : false,
      // Office.js copies and source maps are not part of what a page downloads first.
      assetFilter: (file) => /\.(js|css)$/.test(file) && !file.startsWith(`${OFFICE_JS_LOCAL_DIR}/`),
    },
    plugins: [
      page("taskpane", "src/apps/taskpane/taskpane.html", ["taskpane"], templateParameters),
      page("commands", "src/apps/commands/commands.html", ["commands"], templateParameters),
      page("aide", "src/apps/taskpane/aide.html", [], templateParameters),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
    ],
    devServer: {
      port: DEV_SERVER_PORT,
      host: "localhost",
      server: isServe ? await httpsServer() : "https",
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
      headers: { "Cache-Control": "no-store" },
    },
  };
};

async function httpsServer() {
  const options = await devHttpsOptions();
  return options ? { type: "https", options } : "https";
}
