import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { Runtime, makeRuntime } from "./customFunctionsRuntime";

export const DIST = path.resolve(__dirname, "../../dist");

/**
 * Loads dist/functions.js the way Excel's custom functions runtime does: a bare JavaScript context
 * with a CustomFunctions global and no DOM (no window, document or Office).
 */
export function loadBundle(): Runtime {
  const file = path.join(DIST, "functions.js");
  if (!fs.existsSync(file)) throw new Error("dist/functions.js is missing: run `npm run build` first (npm test does).");
  const runtime = makeRuntime();
  const context = vm.createContext({ CustomFunctions: runtime, console });
  vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: "functions.js" });
  return runtime;
}

/** Calls a registered function and returns its value, or the Excel error it threw. */
export function call(runtime: Runtime, id: string, ...args: unknown[]): unknown {
  const fn = runtime.registered.get(id);
  if (!fn) throw new Error(`${id} is not registered`);
  try {
    return fn(...args);
  } catch (err) {
    return err;
  }
}
