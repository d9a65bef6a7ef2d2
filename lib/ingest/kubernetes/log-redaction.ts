/**
 * Crash logs are shown to everyone on the incident and kept for the postmortem, so secrets a
 * container printed (tokens, passwords, bearer headers) are masked before they are stored, and
 * lines are capped so one runaway log cannot fill a row.
 */

const DEFAULT_REDACTION_PATTERNS: readonly string[] = [
  String.raw`(authorization:\s*(?:bearer|basic)\s+)\S+`,
  String.raw`(bearer\s+)[A-Za-z0-9\-._~+/]+=*`,
  String.raw`((?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key)["']?\s*[:=]\s*["']?)[^\s"',;&]+`,
  String.raw`()(?:ghp|gho|ghs|glpat|xox[abp])[-_A-Za-z0-9]{10,}`,
  String.raw`()eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+`,
  // Credentials in a connection URL: postgres://user:password@host keeps the user, masks the password.
  String.raw`([a-z][a-z0-9+.-]*://[^\s:/@]+:)[^\s@/]+(?=@)`,
];

export const LOG_TAIL_LINES = 30;
export const MAX_LOG_LINE_CHARS = 500;

/** Compiles patterns; the first group (when present) is kept, the rest becomes [REDACTED]. */
export function compileRedactionPatterns(patterns: readonly string[] = DEFAULT_REDACTION_PATTERNS): RegExp[] {
  return patterns.map((p) => new RegExp(p, "gi"));
}

function redactLine(line: string, patterns: RegExp[]): string {
  let out = line;
  for (const pattern of patterns) out = out.replace(pattern, (_match, kept: unknown) => `${typeof kept === "string" ? kept : ""}[REDACTED]`);
  return out;
}

/** The last lines of a log, redacted, each capped (redacted first, so a cut never reveals half a secret). */
export function redactLogTail(log: string, patterns: RegExp[], lines = LOG_TAIL_LINES): string[] {
  const all = log.split(/\r?\n/);
  if (all.length > 0 && all[all.length - 1] === "") all.pop();
  return all.slice(-lines).map((line) => {
    const redacted = redactLine(line, patterns);
    return redacted.length > MAX_LOG_LINE_CHARS ? `${redacted.slice(0, MAX_LOG_LINE_CHARS)}… (${redacted.length - MAX_LOG_LINE_CHARS} more characters)` : redacted;
  });
}
