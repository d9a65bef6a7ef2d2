"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { usePathname, useRouter } from "next/navigation";

export interface UrlFiltersOptions<V extends { [K in keyof V]: string }> {
  /** the filters as the URL has them now */
  values: V;
  /** the keys written to the URL, in order */
  keys: ReadonlyArray<keyof V & string>;
  /** the one free-text filter, applied after the person stops typing */
  typed: keyof V & string;
  typingDelayMs: number;
  /** adjusts merged values before they are written (e.g. drops values another choice voids) */
  normalise?: (merged: V) => V;
  /** values left out of the URL because they are the default */
  isDefault?: (key: keyof V & string, value: string) => boolean;
}

/**
 * Filters that live in the URL, so a filtered view survives a reload and can be shared. Any
 * change replaces the query (and so starts again from the first page). The typed filter is
 * debounced, and follows the URL when it changes from outside (a clear-filters link, the
 * back button) but not when the URL merely catches up with what was typed.
 */
export function useUrlFilters<V extends { [K in keyof V]: string }>(options: UrlFiltersOptions<V>) {
  const { values, keys, typed, typingDelayMs, normalise, isDefault } = options;
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState<string>(values[typed]);
  const lastPushed = useRef<string>(values[typed]);

  useEffect(() => {
    if (values[typed] !== lastPushed.current) {
      lastPushed.current = values[typed];
      setText(values[typed]);
    }
  }, [values, typed]);

  function apply(next: Partial<V> = {}) {
    const withText = { ...values, [typed]: text, ...next } as V;
    const merged = normalise ? normalise(withText) : withText;
    const params = new URLSearchParams();
    for (const key of keys) {
      const value = (merged[key] ?? "").trim();
      if (value && !isDefault?.(key, value)) params.set(key, value);
    }
    lastPushed.current = (merged[typed] ?? "").trim();
    const query = params.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  useEffect(() => {
    if (text.trim() === lastPushed.current) return;
    const timer = setTimeout(() => apply(), typingDelayMs);
    return () => clearTimeout(timer);
    // apply reads the latest values; re-running only on the typed text keeps the debounce simple.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  return { text, setText, apply, pending };
}
