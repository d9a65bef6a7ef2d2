/**
 * Markdown as the plain words a person reads, for snippets and one-line summaries: markup
 * characters, link targets, images, HTML tags and table rules go, their text stays. It never
 * produces markup; whatever shows the result escapes it like any text.
 */
export function markdownToPlainText(markdown: string): string {
  return (
    markdown
      .replace(/\r\n?/g, "\n")
      // fenced code: the fence lines go, the code stays as text
      .replace(/^\s*(```|~~~).*$/gm, "")
      // HTML comments and tags (their text content stays)
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(/<\/?[a-zA-Z][^>\n]*>/g, " ")
      // images keep their alt text, links their text, reference links and autolinks their words
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
      .replace(/^\s*\[[^\]]+\]:\s*\S+.*$/gm, "")
      .replace(/<(https?:\/\/[^>\s]+)>/g, "$1")
      // headings, quotes, list markers, task boxes, rules, table pipes and alignment rows
      .replace(/^\s{0,3}#{1,6}\s+/gm, "")
      .replace(/\s+#+\s*$/gm, "")
      .replace(/^\s*>+\s?/gm, "")
      .replace(/^\s*([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?/gm, "")
      .replace(/^\s*([-*_]\s*){3,}$/gm, "")
      .replace(/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/gm, "")
      .replace(/\|/g, " ")
      // emphasis, strikethrough and inline code marks; underscores only around words, so
      // snake_case_names keep theirs
      .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, "$1")
      .replace(/\*(?=\S)([^*\n]*?\S)\*/g, "$1")
      .replace(/(^|[^\p{L}\p{N}_])__(?=\S)([^\n]*?\S)__(?![\p{L}\p{N}_])/gu, "$1$2")
      .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}_])/gu, "$1$2")
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1")
      .replace(/`+([^`\n]*)`+/g, "$1")
      .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, "$1")
      .replace(/[ \t]+/g, " ")
      .replace(/ ?\n ?/g, "\n")
      .replace(/\n{2,}/g, "\n")
      .trim()
  );
}
