/**
 * The demo organisation's login. It lives outside db/ so the sign-in page can show it as a
 * hint without importing the seed; the seed re-exports it so both always agree.
 */
export const DEMO_LOGIN = { email: "demo@demo-bank.example", password: "logbook-demo" } as const;

/** The demo login to hint at on the sign-in page, or null when the demo organisation is not seeded. */
export function demoLoginHint(env: NodeJS.ProcessEnv = process.env): typeof DEMO_LOGIN | null {
  return env.LOGBOOK_SEED === "none" ? null : DEMO_LOGIN;
}
