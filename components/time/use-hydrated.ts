"use client";

import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/**
 * False during the server render and hydration, true afterwards. Anything that depends on
 * the viewer's clock or time zone renders its UTC/server form first, so hydration matches.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
