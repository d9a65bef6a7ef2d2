import type { HighlightSegment } from "@/lib/knowledge/highlight-marks";
import type { SearchType } from "./inputs";

export interface SearchResult {
  type: SearchType;
  id: string;
  title: string;
  incidentRef: string | null;
  /** where the result lives in the app */
  href: string;
  /** HTML-escaped text in which only <mark> tags are markup */
  snippet: string;
  highlights: HighlightSegment[];
  rank: number;
}
