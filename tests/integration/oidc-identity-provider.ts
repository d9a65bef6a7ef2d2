// A real OpenID Provider (the `oidc-provider` package) on loopback, for the single sign-on
// tests: discovery, authorization code with PKCE, token, JWKS and userinfo as an IdP speaks
// them. Logins are finished programmatically (no login form), as the account the test names.
// In front of it, a pass-through proxy that can re-sign the ID token with different claims
// (a wrong audience, an expiry in the past) using the provider's own key, as a compromised or
// misconfigured IdP would send it.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from "jose";
import Provider from "oidc-provider";

interface IdpAccount {
  email: string;
  name: string;
  groups: string[];
}

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, IdpAccount>;
  /** who logs in at the next authorization */
  loginAs(accountId: string): void;
  /** changes the next ID token's claims before Logbook sees it (null: pass it through) */
  tamperIdToken(change: ((claims: Record<string, unknown>) => Record<string, unknown>) | null): void;
  stop(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function startIdentityProvider(options: { redirectUri: string }): Promise<TestIdentityProvider> {
  const clientId = "logbook";
  const clientSecret = "idp-client-secret-0123456789";
  const accounts = new Map<string, IdpAccount>();
  let nextLogin = "";
  let tamper: ((claims: Record<string, unknown>) => Record<string, unknown>) | null = null;

  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: "test-key", alg: "RS256", use: "sig" };

  // The proxy's port is the issuer's; the provider itself listens behind it.
  const proxy = createServer();
  const proxyPort = await listen(proxy);
  const issuer = `http://127.0.0.1:${proxyPort}`;

  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [options.redirectUri], grant_types: ["authorization_code"], response_types: ["code"] }],
    jwks: { keys: [jwk] },
    findAccount: async (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, email: account.email, email_verified: true, name: account.name, groups: account.groups }) };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["test-cookie-key"] },
  });

  provider.proxy = true;
  const app = createServer(async (req, res) => {
    if (req.url?.startsWith("/interaction/")) {
      try {
        const details = await provider.interactionDetails(req, res);
        if (details.prompt.name === "login") {
          await provider.interactionFinished(req, res, { login: { accountId: nextLogin } }, { mergeWithLastSubmission: false });
        } else {
          const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
          grant.addOIDCScope(String(details.params.scope));
          await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
        }
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
      return;
    }
    provider.callback()(req, res);
  });
  const appPort = await listen(app);

  proxy.on("request", async (req, res) => {
    const body = await readBody(req);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string" && name !== "host") headers.set(name, value);
    // The provider names its endpoints after the host it was asked on: the proxy's.
    headers.set("x-forwarded-host", `127.0.0.1:${proxyPort}`);
    headers.set("x-forwarded-proto", "http");
    const upstream = await fetch(`http://127.0.0.1:${appPort}${req.url}`, { method: req.method, headers, body: body.length ? new Uint8Array(body) : undefined, redirect: "manual" });
    let text = await upstream.text();
    if (tamper && req.url?.startsWith("/token") && upstream.ok) {
      const tokens = JSON.parse(text) as { id_token?: string };
      if (tokens.id_token) {
        const claims = tamper(decodeJwt(tokens.id_token) as Record<string, unknown>);
        const key = await importJWK(jwk, "RS256");
        tokens.id_token = await new SignJWT(claims).setProtectedHeader({ ...decodeProtectedHeader(tokens.id_token), alg: "RS256" }).sign(key);
        text = JSON.stringify(tokens);
      }
    }
    const out: Record<string, string | string[]> = {};
    upstream.headers.forEach((value, name) => {
      if (!["content-length", "content-encoding", "transfer-encoding", "set-cookie"].includes(name)) out[name] = value;
    });
    const cookies = upstream.headers.getSetCookie();
    if (cookies.length) out["set-cookie"] = cookies;
    res.writeHead(upstream.status, out).end(text);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    loginAs: (accountId) => {
      nextLogin = accountId;
    },
    tamperIdToken: (change) => {
      tamper = change;
    },
    async stop() {
      await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => app.close(r))]);
    },
  };
}
