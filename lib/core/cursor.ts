/** Opaque list cursors: base64url JSON of the keyset position. */
export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position), "utf8").toString("base64url");
}

/**
 * The position in a cursor, or null when it is not one we could have issued. Numbers in a
 * position are row numbers and sequences, so anything but a non-negative safe integer is
 * forged: letting 1.5 or 1e400 through would reach the database as a bad parameter (a 500).
 */
export function decodeCursor<T extends Record<string, string | number>>(
  cursor: string,
  shape: { [K in keyof T]: T[K] extends number ? "number" : "string" },
): T | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Record<string, unknown>;
    for (const [key, type] of Object.entries(shape)) {
      const field = value[key];
      if (typeof field !== type) return null;
      if (type === "number" && !(Number.isSafeInteger(field) && (field as number) >= 0)) return null;
    }
    return value as T;
  } catch {
    return null;
  }
}
