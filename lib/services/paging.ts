import { z } from "zod";

const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export const pageLimitSchema = z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE);

/** Every list answers this shape (API.md conventions). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
