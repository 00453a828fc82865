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
      path: path.resolve(__dirname, "dist"),
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
        input: "./src/functions/functions.ts",
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
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString().split(DEV_URL).join(url),
          },
        ],
      }),
      new HelpPagesPlugin(),
    ],
  };
};
