/**
 * Incident channel names: the organisation's template (default `inc-{ref}-{title}`) filled
 * in and reduced to what Slack allows in a channel name — lower-case letters, digits, `-`
 * and `_`, at most 80 characters — with `-2`, `-3`, … when Slack answers `name_taken`.
 */
const MAX_LENGTH = 80;

export function channelNameFor(template: string, incident: { ref: string; title: string; severity: string }): string {
  const filled = template
    .replaceAll("{ref}", incident.ref)
    .replaceAll("{number}", incident.ref.replace(/^\D+-?/, ""))
    .replaceAll("{title}", incident.title)
    .replaceAll("{severity}", incident.severity);
  const name = filled
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-_]+/, "")
    .slice(0, MAX_LENGTH)
    .replace(/[-_]+$/, "");
  return name || incident.ref.toLowerCase();
}

/** The name to try after `attempt` names were taken (attempt 1 → `…-2`), still within 80 characters. */
export function channelNameWithSuffix(base: string, attempt: number): string {
  if (attempt <= 0) return base;
  const suffix = `-${attempt + 1}`;
  return `${base.slice(0, MAX_LENGTH - suffix.length).replace(/[-_]+$/, "")}${suffix}`;
}
