import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { PdfFontFiles } from "@/lib/documents/render/pdf-fonts";

/**
 * Where the PDF fonts come from. DejaVu (Debian's fonts-dejavu-core, in our images; or
 * LOGBOOK_PDF_FONT_DIR) covers bold, italic, monospace and the ☐/☑ task boxes. Without it,
 * Geist Regular, which ships inside the `next` package, is embedded for every style.
 */
export function findPdfFontFiles(): PdfFontFiles | null {
  const dirs = [process.env.LOGBOOK_PDF_FONT_DIR, "/usr/share/fonts/truetype/dejavu"].filter((d): d is string => Boolean(d));
  const dir = dirs.find((d) => existsSync(path.join(d, "DejaVuSans.ttf")) && existsSync(path.join(d, "DejaVuSansMono.ttf")));
  if (dir) {
    const file = (name: string) => (existsSync(path.join(dir, name)) ? path.join(dir, name) : undefined);
    return {
      sans: { regular: path.join(dir, "DejaVuSans.ttf"), bold: file("DejaVuSans-Bold.ttf"), italic: file("DejaVuSans-Oblique.ttf"), boldItalic: file("DejaVuSans-BoldOblique.ttf") },
      mono: {
        regular: path.join(dir, "DejaVuSansMono.ttf"),
        bold: file("DejaVuSansMono-Bold.ttf"),
        italic: file("DejaVuSansMono-Oblique.ttf"),
        boldItalic: file("DejaVuSansMono-BoldOblique.ttf"),
      },
      hasBoxGlyphs: true,
    };
  }
  try {
    const nextDir = path.dirname(createRequire(import.meta.url).resolve("next/package.json"));
    const geist = path.join(nextDir, "dist/compiled/@vercel/og/Geist-Regular.ttf");
    if (existsSync(geist)) return { sans: { regular: geist }, mono: null, hasBoxGlyphs: false };
  } catch {
    // `next` not resolvable: fall through to the core fonts.
  }
  return null;
}
