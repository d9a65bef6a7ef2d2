/**
 * Flux writes a source revision in several forms depending on the source kind and the Flux
 * version; change intelligence needs the commit or digest alone, and the branch or tag
 * goes into the description:
 *
 *   main/<sha1>                 Flux ≤ 0.x GitRepository (branch/commit)
 *   main@sha1:<sha1>            Flux v2 GitRepository (also refs/heads/main@…, v1.2.0@…)
 *   sha1:<sha1>                 Flux v2 GitRepository pinned to a commit
 *   latest@sha256:<digest>      OCIRepository (tag@digest)
 *   sha256:<digest>             OCIRepository, Bucket
 *   <sha1>                      bare commit
 *   6.2.0                       HelmChart version: kept as it is
 */
export interface FluxRevision {
  /** The commit sha (bare hex) or the digest (`sha256:<hex>`); the input itself when no form matches. */
  revision: string;
  /** Branch or tag, e.g. "main" or "refs/tags/v1.2.0"; null when the revision names none. */
  ref: string | null;
}

const HEX = "[0-9a-f]{7,128}";
const REF_AT_DIGEST = new RegExp(`^(.+)@(sha1|sha256|sha384|sha512|blake3):(${HEX})$`, "i");
const DIGEST = new RegExp(`^(sha1|sha256|sha384|sha512|blake3):(${HEX})$`, "i");
const LEGACY_REF_SLASH_SHA = /^(.+)\/([0-9a-f]{40}|[0-9a-f]{64})$/i;
const BARE_SHA = /^[0-9a-f]{7,64}$/i;

// A git commit is identified by its bare hex everywhere else in Logbook (GitHub, Argo CD),
// so drop "sha1:"; other algorithms stay prefixed because the digest means nothing without it.
function digest(algorithm: string, hex: string): string {
  return algorithm.toLowerCase() === "sha1" ? hex.toLowerCase() : `${algorithm.toLowerCase()}:${hex.toLowerCase()}`;
}

export function parseFluxRevision(value: string): FluxRevision {
  const input = value.trim();
  let match = REF_AT_DIGEST.exec(input);
  if (match) return { revision: digest(match[2]!, match[3]!), ref: match[1]! };
  match = DIGEST.exec(input);
  if (match) return { revision: digest(match[1]!, match[2]!), ref: null };
  match = LEGACY_REF_SLASH_SHA.exec(input);
  if (match) return { revision: match[2]!.toLowerCase(), ref: match[1]! };
  if (BARE_SHA.test(input)) return { revision: input.toLowerCase(), ref: null };
  return { revision: input, ref: null };
}
