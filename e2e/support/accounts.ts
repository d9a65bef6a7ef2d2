/** The people the specs sign in as: the demo seed's users, and the second organisation e2e/start-server.mjs creates. */
export interface Account {
  email: string;
  password: string;
}

const DEMO_PASSWORD = "logbook-demo";

export const DEMO_ADMIN: Account = { email: "demo@demo-bank.example", password: DEMO_PASSWORD };
export const DEMO_VIEWER: Account = { email: "victor.viewer@demo-bank.example", password: DEMO_PASSWORD };
export const DEMO_COMPLIANCE: Account = { email: "clara.compliance@demo-bank.example", password: DEMO_PASSWORD };
/** A second compliance officer (Carl Berg): regulatory reports need an approver who did not prepare them. */
export const DEMO_SECOND_COMPLIANCE: Account = { email: "carl.compliance@demo-bank.example", password: DEMO_PASSWORD };
/** A member of the demo organisation who can be made incident commander. */
export const DEMO_RESPONDER_NAME = "Rafael Lindqvist";

export const OTHER_ORG_NAME = "Other Org";
export const OTHER_ADMIN: Account = { email: "other-admin@other.example", password: "other-password-1" };
