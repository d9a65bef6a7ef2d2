import { NotFoundMessage } from "@/components/shell/not-found-message";
import { findPageContext } from "@/lib/auth/page-context";
import { SignedInShell } from "./signed-in-shell";

/** A 404 outside the signed-in area (an unknown address): in the shell when someone is signed in. */
export default async function NotFound() {
  const ctx = await findPageContext();
  if (ctx) return <SignedInShell ctx={ctx}><NotFoundMessage /></SignedInShell>;
  return (
    <main>
      <NotFoundMessage />
    </main>
  );
}
