/* The CustomFunctions global that Excel's shared runtime provides, reduced to what the adapters touch:
 * the Error class and codes they throw and spill, and a no-op associate(). The bench calls the adapters
 * exactly as Excel does, so their argument reading, error mapping and spill building are in every time. */

export class ExcelError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

(globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: ExcelError, ErrorCode, associate: () => undefined };
