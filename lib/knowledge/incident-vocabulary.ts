/**
 * What words mean in incident write-ups, beyond an English dictionary: the words every
 * incident uses (units of time, "error", "customers") that say nothing about which incident
 * it was, and the ways responders name the same thing ("db" and "database", "nameserver" and
 * "dns", "signed out" and "session"). Pure data and lookups; the similarity ranking uses the
 * first to drop terms and the second to widen a short query.
 */

/** Words that appear in most incidents whatever happened; never evidence of similarity. */
const GENERIC_WORDS = new Set(
  (
    "second seconds sec secs minute minutes min mins hour hours hr hrs day days week weeks month months ms " +
    "today yesterday tonight morning evening afternoon " +
    "error errors issue issues incident incidents outage outages problem problems impact impacted affected affecting " +
    "customer customers user users people everyone everybody someone somebody nobody anyone " +
    "production prod system systems service services team teams " +
    "fail fails failed failing failure failures broke broken break breaking working work works " +
    "happened happening started starting began seems seemed looks looked getting got get gets " +
    "still now just like lot lots many much way everything something anything nothing stuff thing things " +
    "really super very quite totally completely cant can dont wont isnt doesnt didnt us since again also " +
    "first last next back top code " +
    "investigated investigating responders responder postmortem summary timeline root cause resolved resolution mitigated"
  ).split(" "),
);

export function isGenericWord(word: string): boolean {
  return GENERIC_WORDS.has(word.toLowerCase());
}

/**
 * Groups of interchangeable names. A query naming one member also looks for the others, at a
 * lower weight than its own words (see the ranking), so "nameserver" finds a DNS write-up
 * without a DNS write-up's own words being needed in the query.
 */
const EQUIVALENTS: string[][] = [
  ["db", "database", "databases"],
  ["dns", "nameserver", "nameservers", "name resolution", "resolver", "resolve", "lookups"],
  ["cert", "certs", "certificate", "certificates", "x509", "tls", "ssl", "https"],
  ["expired", "expiry", "lapsed", "ran out"],
  ["k8s", "kubernetes", "cluster"],
  ["pod", "pods", "container", "containers"],
  ["lb", "load balancer", "balancer", "elb", "alb"],
  ["oom", "oomkilled", "memory exhaustion", "out of memory"],
  ["gc", "garbage collection", "garbage"],
  ["vm", "vms", "instance", "instances"],
  ["az", "zone", "availability zone", "datacenter"],
  ["signed out", "logged out", "session", "sessions"],
  ["login", "log in", "sign in", "signin", "authentication", "auth"],
  ["disk", "volume", "storage", "space"],
  ["slow", "latency", "sluggish", "crawls"],
  ["timeout", "timeouts", "timed out", "hang", "hanging"],
  ["502", "bad gateway"],
  ["503", "unavailable"],
  ["429", "throttled", "throttling", "rate limit", "rate limited", "too many requests"],
  ["403", "access denied", "forbidden", "permission"],
  ["firewall", "security group", "network policy", "allowlist"],
  ["kafka", "broker", "brokers", "event stream", "topic"],
  ["rabbit", "rabbitmq", "amqp"],
  ["queue", "queues", "message", "messages"],
  ["cache", "redis", "memcached"],
  ["cdn", "edge cache", "edge"],
  ["email", "emails", "mail", "mails"],
  ["sms", "text message"],
  ["rollback", "rolled back", "roll back", "revert", "reverted"],
  ["deploy", "deployed", "release", "rollout", "shipped"],
  ["flag", "flags", "toggle", "toggles"],
  ["replica", "replicas", "standby", "secondary"],
  ["primary", "leader", "master"],
  ["credentials", "secret", "secrets", "password"],
  ["duplicate", "duplicates", "twice", "double"],
  ["backup", "backups", "dump", "dumps", "snapshot"],
  ["cpu", "processor"],
  ["mtls", "mutual tls"],
  ["iac", "terraform", "infrastructure as code"],
  ["gitops", "argo", "argocd"],
  ["autoscaler", "autoscaling", "hpa", "scale out"],
  ["vendor", "provider", "supplier", "third party", "company"],
  // Machines and what runs on them.
  ["node", "nodes", "machine", "machines", "host", "hosts", "worker node", "worker nodes"],
  ["cni", "network plugin", "cilium", "calico", "flannel"],
  ["evicted", "eviction", "evictions"],
  ["crashloop", "crashloopbackoff", "crash loop", "restart loop", "crashing"],
  ["kernel", "operating system", "os"],
  // Changes to them.
  ["upgrade", "upgraded", "upgrades", "update", "updates", "patch", "patched", "patches"],
  ["automatic", "automatically", "automated", "unattended"],
  ["config", "configuration", "misconfiguration", "misconfigured", "settings"],
  ["migration", "migrations", "schema change", "alter table", "ddl"],
  ["rotation", "rotated", "rotate", "key rotation", "rolled keys"],
  ["renewal", "renew", "renewed", "cert-manager", "acme", "letsencrypt"],
  // Data stores.
  ["index", "indexes", "indices"],
  ["full table scan", "sequential scan", "seq scan"],
  ["connection pool", "pool exhausted", "too many connections", "max connections", "pgbouncer"],
  ["deadlock", "deadlocks", "lock contention", "locks", "locking"],
  ["vacuum", "autovacuum", "bloat", "wraparound"],
  ["failover", "fail over", "promotion", "promoted", "split brain"],
  ["replication lag", "replica lag", "lagging replica", "stale reads"],
  ["retention", "lifecycle", "ttl", "expiration policy"],
  ["archive", "archived", "archiving", "cold storage", "glacier"],
  ["s3", "object storage", "bucket", "buckets", "blob"],
  ["deleted", "removed", "vanished", "purged", "wiped", "lost"],
  // Messages and events.
  ["dead letter", "dead letters", "dlq"],
  ["serialization", "serialisation", "deserialization", "schema registry", "avro", "protobuf", "encoding"],
  ["lag", "lagging", "backlog", "falling behind", "delayed", "delay", "delays", "late"],
  ["rebalance", "rebalancing", "rebalances", "consumer group"],
  ["webhook", "webhooks", "callback", "callbacks"],
  ["notification", "notifications", "push"],
  // Caches and load.
  ["thundering herd", "stampede", "cache stampede", "cold cache", "cache misses", "cache miss"],
  ["spike", "surge", "burst", "flood", "hammered", "hammering"],
  ["bot", "bots", "scraper", "scrapers", "crawler", "abuse"],
  ["memory leak", "leak", "leaking", "heap growth"],
  ["quota", "quotas", "limit reached", "capacity"],
  // Networks, names and trust.
  ["bgp", "route leak", "hijack", "hijacked", "peering"],
  ["isp", "isps", "internet provider", "internet providers", "carrier"],
  ["routing", "routes", "route", "ingress", "path rule"],
  ["ocsp", "revocation", "crl", "stapling"],
  ["handshake", "handshakes", "tls handshake"],
  ["signature", "signatures", "signing", "signing key", "signing keys", "hmac"],
  ["hardcoded", "hard coded", "pinned", "pinning"],
  ["oauth", "openid", "oidc", "sso", "identity provider", "idp"],
  ["token", "tokens", "jwt", "cookie", "cookies"],
  // Time.
  ["cron", "cronjob", "scheduled", "scheduler", "nightly", "batch job"],
  ["dst", "daylight saving", "clocks moved", "clock change", "time zone", "timezone"],
  ["404", "not found"],
  ["500", "internal server error"],
  ["504", "gateway timeout"],
  // Business words a responder uses for the system's.
  ["basket", "cart", "checkout"],
  ["payment provider", "psp", "acquirer", "card processor"],
  ["partner", "partners", "counterparty", "counterparties"],
  ["clients", "client", "consumers", "subscribers"],
];

/** Enough of an English stem that "resolving" names what "resolve" does. */
function stem(word: string): string {
  for (const suffix of ["ing", "ed", "es", "s", "e"]) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix)) return word.slice(0, word.length - suffix.length);
  }
  return word;
}

/** Each member, as stemmed lower-case words, and the group it belongs to. */
const MEMBERS = EQUIVALENTS.flatMap((group, at) => group.map((name) => ({ words: name.split(" ").map(stem), at })));

/**
 * The words of other names for what the text names, not already in it: "our nameserver is
 * down" gives dns, resolver, … . Bounded by the groups, so a long text cannot blow it up.
 */
export function equivalentWords(words: string[]): string[] {
  const present = new Set(words.map((w) => w.toLowerCase()));
  const lower = words.map((w) => stem(w.toLowerCase()));
  const groups = new Set<number>();
  for (const member of MEMBERS) {
    if (groups.has(member.at)) continue;
    const [first, ...rest] = member.words;
    for (let i = 0; i < lower.length; i++) {
      if (lower[i] === first && rest.every((w, k) => lower[i + 1 + k] === w)) {
        groups.add(member.at);
        break;
      }
    }
  }
  const out = new Set<string>();
  for (const at of groups) for (const name of EQUIVALENTS[at]!) for (const w of name.split(" ")) if (!present.has(w) && !isGenericWord(w)) out.add(w);
  return [...out];
}
