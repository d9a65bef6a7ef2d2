/** The URL people reach Logbook at: LOGBOOK_URL, else http://localhost:PORT. */
export function publicBaseUrl(): string {
  const configured = process.env.LOGBOOK_URL ?? process.env.BETTER_AUTH_URL;
  if (configured) return configured.replace(/\/+$/, "");
  return `http://localhost:${process.env.PORT ?? "3000"}`;
}
