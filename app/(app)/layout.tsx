import { getPageContext } from "@/lib/auth/page-context";
import { SignedInShell } from "@/app/signed-in-shell";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  return <SignedInShell ctx={await getPageContext()}>{children}</SignedInShell>;
}
