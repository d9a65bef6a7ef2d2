/** Sent on every response, pages and API alike. */
const COMMON_HEADERS: Array<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/**
 * The policy of a page: scripts only with this request's nonce (Next.js puts it on its own
 * bootstrap and inline scripts, and 'strict-dynamic' lets those load the chunks they import),
 * so an injected <script> or inline handler does not run. Dev mode also evaluates code for
 * fast refresh. Styles stay 'unsafe-inline': React's style attributes cannot carry a nonce,
 * and a style cannot run script.
 */
export function pageContentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** An API answer is data, never a document: it may load nothing and be framed by no one. */
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Sent on every response Next.js sends (next.config.ts); pages add their policy in proxy.ts. */
export function securityHeaders(): Array<{ key: string; value: string }> {
  return COMMON_HEADERS;
}

/** An API answer's headers: the common ones and a policy that lets it load nothing. */
export function apiSecurityHeaders(): Array<{ key: string; value: string }> {
  return [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }, ...COMMON_HEADERS];
}
