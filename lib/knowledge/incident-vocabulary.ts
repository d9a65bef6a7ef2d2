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
