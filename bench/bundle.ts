import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import type * as Entry from "./entry";

export type Bundle = typeof Entry;

/**
 * Builds bench/entry.ts the way the add-in ships (webpack production mode: ts-loader in transpile-only
 * mode, module concatenation where it applies, terser), for Node instead of the browser, and loads it.
 *
 * Running the sources under tsx instead would time a different program: tsx turns every import into a
 * getter on the module object, and in the hot loops those calls cost MINVAR several times over (measured:
 * about 4× on a full column). Timing what Excel actually runs is the point.
 */
export function buildBundle(srcOverride?: string): Promise<{ bundle: Bundle; cleanup: () => void }> {
  const root = path.resolve(__dirname, "..");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hedge-bench-"));
  const src = path.join(root, "src") + path.sep;
  const plugins: webpack.WebpackPluginInstance[] = [];
  if (srcOverride) {
    // Every import that lands in src/ is taken from the other tree instead (same layout: core/,
    // functions/): a proposed change races under exactly the same conditions as the committed code.
    const other = path.resolve(srcOverride);
    plugins.push(new webpack.NormalModuleReplacementPlugin(/.*/, (resource: { request: string; context: string }) => {
      if (!resource.request.startsWith(".")) return;
      const target = path.resolve(resource.context, resource.request);
      if (target.startsWith(src)) resource.request = path.join(other, target.slice(src.length));
    }));
  }
  const config: webpack.Configuration = {
    mode: "production",
    target: ["node", "es2020"],
    devtool: false,
    context: root,
    entry: path.join(__dirname, "entry.ts"),
    output: { path: dir, filename: "hedge.js", library: { type: "commonjs2" } },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: path.join(root, "tsconfig.json") } } }],
    },
    performance: { hints: false },
    plugins,
  };
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err || !stats || stats.hasErrors()) {
        reject(err ?? new Error(stats?.toString({ all: false, errors: true }) ?? "webpack failed"));
        return;
      }
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const bundle = require(path.join(dir, "hedge.js")) as Bundle;
      resolve({ bundle, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) });
    });
  });
}
