import type { HighlightSegment } from "@/lib/knowledge/highlight-marks";
import type { SearchType } from "./inputs";

interface SearchResult {
  type: SearchType;
  id: string;
  title: string;
  incidentRef: string | null;
  /** where the result lives in the app */
  href: string;
  /** plain text (Markdown removed), HTML-escaped, in which only <mark> tags are markup */
  snippet: string;
  /** the same snippet as plain segments, for clients that render text themselves */
  highlights: HighlightSegment[];
  rank: number;
  /** found by a title spelt alike, not by its words (a misspelt query) */
  fuzzy: boolean;
}

export interface SearchAnswer {
  items: SearchResult[];
  /** matches per type whatever `type` filters, counted up to `countLimit` */
  counts: Record<SearchType, number>;
  countLimit: number;
}
