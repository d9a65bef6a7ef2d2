import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Font } from "@react-pdf/renderer";

/**
 * Fonts embedded in PDF exports. DejaVu (Debian's fonts-dejavu-core, present in our images)
 * covers bold, italic, monospace and the ☐/☑ task boxes; LOGBOOK_PDF_FONT_DIR points at
 * another copy. Without it, Geist Regular (shipped inside the `next` package) is embedded
 * for every style; only if neither exists do we fall back to the PDF core fonts, which are
 * not embedded.
 */
export interface PdfFonts {
  body: string;
  mono: string;
  embedded: boolean;
  /** whether the task-box glyphs exist in the body font */
  hasBoxGlyphs: boolean;
}

let registered: PdfFonts | null = null;

function dejavuDirectory(): string | null {
  const candidates = [process.env.LOGBOOK_PDF_FONT_DIR, "/usr/share/fonts/truetype/dejavu"].filter((d): d is string => Boolean(d));
  return candidates.find((dir) => existsSync(path.join(dir, "DejaVuSans.ttf")) && existsSync(path.join(dir, "DejaVuSansMono.ttf"))) ?? null;
}

function geistFile(): string | null {
  try {
    const nextDir = path.dirname(createRequire(import.meta.url).resolve("next/package.json"));
    const file = path.join(nextDir, "dist/compiled/@vercel/og/Geist-Regular.ttf");
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

export function registerPdfFonts(): PdfFonts {
  if (registered) return registered;
  // Never hyphenate: hashes, references and identifiers must stay whole.
  Font.registerHyphenationCallback((word) => [word]);
  const dir = dejavuDirectory();
  if (dir) {
    const file = (name: string) => path.join(dir, name);
    const withFallback = (name: string, fallback: string) => (existsSync(file(name)) ? file(name) : file(fallback));
    Font.register({
      family: "LogbookSans",
      fonts: [
        { src: file("DejaVuSans.ttf") },
        { src: withFallback("DejaVuSans-Bold.ttf", "DejaVuSans.ttf"), fontWeight: "bold" },
        { src: withFallback("DejaVuSans-Oblique.ttf", "DejaVuSans.ttf"), fontStyle: "italic" },
        { src: withFallback("DejaVuSans-BoldOblique.ttf", "DejaVuSans.ttf"), fontWeight: "bold", fontStyle: "italic" },
      ],
    });
    Font.register({
      family: "LogbookMono",
      fonts: [
        { src: file("DejaVuSansMono.ttf") },
        { src: withFallback("DejaVuSansMono-Bold.ttf", "DejaVuSansMono.ttf"), fontWeight: "bold" },
        { src: withFallback("DejaVuSansMono-Oblique.ttf", "DejaVuSansMono.ttf"), fontStyle: "italic" },
        { src: withFallback("DejaVuSansMono-BoldOblique.ttf", "DejaVuSansMono.ttf"), fontWeight: "bold", fontStyle: "italic" },
      ],
    });
    registered = { body: "LogbookSans", mono: "LogbookMono", embedded: true, hasBoxGlyphs: true };
    return registered;
  }
  const geist = geistFile();
  if (geist) {
    const styles = [{}, { fontWeight: "bold" as const }, { fontStyle: "italic" as const }, { fontWeight: "bold" as const, fontStyle: "italic" as const }];
    Font.register({ family: "LogbookSans", fonts: styles.map((s) => ({ src: geist, ...s })) });
    registered = { body: "LogbookSans", mono: "Courier", embedded: true, hasBoxGlyphs: false };
    return registered;
  }
  registered = { body: "Helvetica", mono: "Courier", embedded: false, hasBoxGlyphs: false };
  return registered;
}
