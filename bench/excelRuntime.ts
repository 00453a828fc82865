/* The bench calls the adapters exactly as Excel does, so their argument reading, error mapping and spill
 * building are in every time: it installs the same CustomFunctions stand-in the contract tests use. */
import { installGlobalRuntime } from "../test/support/customFunctionsRuntime";

installGlobalRuntime();
