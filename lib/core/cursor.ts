/** Opaque list cursors: base64url JSON of the keyset position. */
export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position), "utf8").toString("base64url");
}

export function decodeCursor<T extends Record<string, string | number>>(
  cursor: string,
  shape: { [K in keyof T]: T[K] extends number ? "number" : "string" },
): T | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Record<string, unknown>;
    for (const [key, type] of Object.entries(shape)) {
      if (typeof value[key] !== type) return null;
    }
    return value as T;
  } catch {
    return null;
  }
}
