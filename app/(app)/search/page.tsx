import type { Metadata } from "next";
import { getPageContext } from "@/lib/auth/page-context";
import { SEARCH_TYPES, type SearchType } from "@/lib/services/search/inputs";
import { searchKnowledge } from "@/lib/services/search/search-knowledge";
import { PageHeader } from "@/components/shell/page-header";
import { SearchForm } from "@/components/search/search-form";
import { SearchGuidance } from "@/components/search/search-guidance";
import { SearchResults } from "@/components/search/search-results";
import { SearchTypeCounts } from "@/components/search/search-type-counts";

export const metadata: Metadata = { title: "Search" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string; type?: string }> }) {
  const ctx = await getPageContext("incident:read");
  const { q = "", type } = await searchParams;
  const validType = SEARCH_TYPES.includes(type as SearchType) ? (type as SearchType) : undefined;
  const results = q.trim() ? await searchKnowledge(ctx, { q, type: validType, limit: "50" }) : null;
  return (
    <>
      <PageHeader title="Search" description="Incidents, postmortems, runbooks and timeline notes." />
      <SearchForm q={q} type={validType ?? ""} types={[...SEARCH_TYPES]} />
      {results ? (
        <>
          <SearchTypeCounts q={q} type={validType ?? ""} counts={results.counts} countLimit={results.countLimit} />
          <SearchResults items={results.items} />
        </>
      ) : (
        <SearchGuidance />
      )}
    </>
  );
}
