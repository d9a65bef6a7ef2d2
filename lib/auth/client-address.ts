import { BlockList, isIP } from "node:net";
import type { IncomingMessage } from "node:http";

/**
 * Who is on the other end of a request. `X-Forwarded-For` and `X-Real-IP` are only
 * believed when the socket's peer is one of the proxies the operator named in
 * LOGBOOK_TRUSTED_PROXIES (IP addresses or CIDR ranges, comma-separated; none by default):
 * anyone else could write any address there, and the sign-in rate limit and the audit
 * trail's IP would take it.
 *
 * server.ts decides once per request and writes the answer into CLIENT_ADDRESS_HEADER
 * (replacing whatever the client sent under that name); better-auth's rate limiter and the
 * verb context (lib/services/context.ts) read only that header.
 */
export const CLIENT_ADDRESS_HEADER = "x-logbook-client-address";

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is 10.0.0.1. */
function normalise(address: string): string {
  const trimmed = address.trim();
  return trimmed.startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

/** Parses LOGBOOK_TRUSTED_PROXIES; throws naming the first entry that is no IP or CIDR range. */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? "").split(",").map((e) => e.trim()).filter(Boolean)) {
    const [address = "", prefix, extra] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (family === 0 || extra !== undefined || !Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32)) {
      throw new Error(`"${entry}" is not an IP address or CIDR range`);
    }
    list.addSubnet(address, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

function isTrusted(trusted: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's peer, unless the peer is a trusted proxy; then the
 * nearest hop of `X-Forwarded-For` (read from the right, as each proxy appends the address
 * it saw) that is not itself a trusted proxy, else `X-Real-IP`. A hop that is not an address
 * stops the walk at the last proxy that vouched for it.
 */
export function resolveClientAddress(
  peer: string | undefined,
  forwarded: { forwardedFor?: string | undefined; realIp?: string | undefined },
  trusted: BlockList,
): string | null {
  if (!peer) return null;
  let client = normalise(peer);
  if (!isTrusted(trusted, client)) return client;
  const hops = (forwarded.forwardedFor ?? "").split(",").map(normalise).filter(Boolean);
  if (hops.length === 0) {
    const realIp = forwarded.realIp ? normalise(forwarded.realIp) : "";
    return isIP(realIp) ? realIp : client;
  }
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) return client;
    client = hop;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return client;
}

let cached: { value: string | undefined; list: BlockList } | null = null;

function configuredProxies(): BlockList {
  const value = process.env.LOGBOOK_TRUSTED_PROXIES;
  if (!cached || cached.value !== value) cached = { value, list: parseTrustedProxies(value) };
  return cached.list;
}

/** Writes the request's client address into CLIENT_ADDRESS_HEADER, for everything after the Node server. */
export function stampClientAddress(req: IncomingMessage): void {
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  };
  const address = resolveClientAddress(req.socket.remoteAddress, { forwardedFor: header("x-forwarded-for"), realIp: header("x-real-ip") }, configuredProxies());
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
  else delete req.headers[CLIENT_ADDRESS_HEADER];
}
