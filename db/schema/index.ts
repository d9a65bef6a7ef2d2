export * from "./auth";
export * from "./catalog";
export * from "./incidents";
export * from "./audit";
export * from "./api-keys";
export * from "./ingest";
export * from "./postmortems";
export * from "./knowledge";
