/* Builds the add-in into dist/: functions.js + functions.json (custom functions, shared runtime),
 * taskpane.html + taskpane.js (the wizard), help pages (one per function) and manifest.xml.
 * The production URL comes from ADDIN_URL at build time; without it the manifest points at localhost. */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { HelpPagesPlugin } = require("./scripts/help-pages");

const DEV_URL = "https://localhost:3000/";

function addinUrl() {
  const url = process.env.ADDIN_URL || DEV_URL;
  if (!/^https:\/\/[^\s"<>]+$/.test(url)) throw new Error(`ADDIN_URL must be an https:// URL, not "${url}"`);
  return url.endsWith("/") ? url : url + "/";
}

module.exports = (env, argv) => {
  const mode = argv.mode || "production";
  const url = addinUrl();
  return {
    mode,
    devtool: "source-map",
    target: ["web", "es2020"],
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      // HEDGE_DIST_DIR lets a test build and serve elsewhere without touching the production dist/.
      path: process.env.HEDGE_DIST_DIR ? path.resolve(process.env.HEDGE_DIST_DIR) : path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        { test: /\.css$/, type: "asset/source" },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: ["./src/functions/hedgeRatio.ts", "./src/functions/effectiveness.ts", "./src/functions/sizing.ts", "./src/functions/options.ts"],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the taskpane page is also the custom functions' page, so it loads both bundles.
        chunks: ["functions", "taskpane"],
        scriptLoading: "blocking",
        inject: "body",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // Every URL, and the AppDomain (an origin, without the trailing slash), moves to the production host.
            transform: (content) =>
              content.toString().split(DEV_URL).join(url).split(new URL(DEV_URL).origin).join(new URL(url).origin),
          },
        ],
      }),
      new HelpPagesPlugin({ devUrl: DEV_URL, url }),
    ],
  };
};
