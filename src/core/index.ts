/** The public calc core: everything the Excel adapters and the taskpane may call. */
export * from "./errors";
export * from "./validate";
export * from "./series";
export * from "./statistics";
export * from "./hedgeRatio";
export * from "./effectiveness";
export * from "./sizing";
export * from "./normal";
