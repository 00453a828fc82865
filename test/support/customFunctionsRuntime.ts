/* A stand-in for the CustomFunctions global that Excel's runtime provides: the same Error class shape
 * and ErrorCode strings as @types/custom-functions-runtime, and associate() recording registrations. */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class ExcelError {
  constructor(
    public code: string,
    public message?: string
  ) {}
}

export interface Runtime {
  Error: typeof ExcelError;
  ErrorCode: typeof ErrorCode;
  associate(id: string, fn: (...args: unknown[]) => unknown): void;
  registered: Map<string, (...args: unknown[]) => unknown>;
}

export function makeRuntime(): Runtime {
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  return {
    Error: ExcelError,
    ErrorCode,
    registered,
    associate(id, fn) {
      if (registered.has(id)) throw new Error(`${id} registered twice`);
      registered.set(id, fn);
    },
  };
}

/** Installs a runtime as the global CustomFunctions, for adapters imported straight from src/. */
export function installGlobalRuntime(): Runtime {
  const runtime = makeRuntime();
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = runtime;
  return runtime;
}
