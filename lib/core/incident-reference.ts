const REF_PATTERN = /^INC-(\d{1,9})$/i;

export function formatIncidentRef(number: number): string {
  return `INC-${number}`;
}

/** The number in a reference like `INC-42` (case-insensitive), or null when it is not one. */
export function parseIncidentRef(value: string): number | null {
  const match = REF_PATTERN.exec(value.trim());
  return match ? Number(match[1]) : null;
}
