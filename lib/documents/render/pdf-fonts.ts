import { Font } from "@react-pdf/renderer";

/** TrueType files for one family; missing styles fall back to the regular file. */
interface FontFamilyFiles {
  regular: string;
  bold?: string;
  italic?: string;
  boldItalic?: string;
}

/** Font files to embed, found by the caller (this module does no file-system I/O). */
export interface PdfFontFiles {
  sans: FontFamilyFiles;
  mono: FontFamilyFiles | null;
  /** whether the sans font has the ☐/☑ task-box glyphs */
  hasBoxGlyphs: boolean;
}

export interface PdfFonts {
  body: string;
  mono: string;
  embedded: boolean;
  hasBoxGlyphs: boolean;
}

let registered: PdfFonts | null = null;

function register(family: string, files: FontFamilyFiles): void {
  Font.register({
    family,
    fonts: [
      { src: files.regular },
      { src: files.bold ?? files.regular, fontWeight: "bold" },
      { src: files.italic ?? files.regular, fontStyle: "italic" },
      { src: files.boldItalic ?? files.bold ?? files.regular, fontWeight: "bold", fontStyle: "italic" },
    ],
  });
}

/**
 * Registers the embedded fonts once per process. Without font files, react-pdf's core
 * fonts (Helvetica, Courier) are used; those are not embedded and lack the task boxes.
 */
export function registerPdfFonts(files: PdfFontFiles | null): PdfFonts {
  // A call without files must not pin the core fonts for later calls that bring some.
  if (registered && (registered.embedded || !files)) return registered;
  // Never hyphenate: hashes, references and identifiers must stay whole.
  Font.registerHyphenationCallback((word) => [word]);
  if (!files) {
    registered = { body: "Helvetica", mono: "Courier", embedded: false, hasBoxGlyphs: false };
    return registered;
  }
  register("LogbookSans", files.sans);
  if (files.mono) register("LogbookMono", files.mono);
  registered = { body: "LogbookSans", mono: files.mono ? "LogbookMono" : "Courier", embedded: true, hasBoxGlyphs: files.hasBoxGlyphs };
  return registered;
}
