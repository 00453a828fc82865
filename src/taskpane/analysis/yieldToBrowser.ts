/**
 * Lets the browser paint and handle input between the steps of a computation, so a whole-column history
 * never freezes the pane. A macrotask (not a microtask) is needed for the paint to happen.
 */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export type Progress = (fraction: number, label: string) => void;
