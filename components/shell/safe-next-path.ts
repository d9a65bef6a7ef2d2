/**
 * Where to go after signing in: a same-site path from `?next=`, else the incident list.
 * Anything that could leave the site (`//host`, `/\host`, `https:`) falls back.
 */
export function safeNextPath(next: string | string[] | undefined | null, fallback = "/incidents"): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  if (value === "/sign-in" || value.startsWith("/sign-in?") || value.startsWith("/api/")) return fallback;
  return value;
}
