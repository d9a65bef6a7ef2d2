/** A `data:image/…;base64,` URL decoded, with its pixel size when the header says it. */
export interface EmbeddedImage {
  format: "png" | "jpg" | "gif" | "bmp";
  bytes: Uint8Array;
  width: number | null;
  height: number | null;
}

const FORMATS: Record<string, EmbeddedImage["format"]> = { png: "png", jpeg: "jpg", jpg: "jpg", gif: "gif", bmp: "bmp" };

function pngSize(bytes: Uint8Array): [number, number] | null {
  if (bytes.length < 24 || bytes[0] !== 0x89 || bytes[1] !== 0x50) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

function gifSize(bytes: Uint8Array): [number, number] | null {
  if (bytes.length < 10 || bytes[0] !== 0x47) return null;
  return [bytes[6]! | (bytes[7]! << 8), bytes[8]! | (bytes[9]! << 8)];
}

function jpegSize(bytes: Uint8Array): [number, number] | null {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    // SOF0..SOF15 except DHT, JPG and DAC carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return [(bytes[i + 7]! << 8) | bytes[i + 8]!, (bytes[i + 5]! << 8) | bytes[i + 6]!];
    }
    i += 2 + length;
  }
  return null;
}

/** Decodes a data URL the renderers can embed; anything else (remote, SVG, broken) → null. */
export function decodeDataImage(src: string): EmbeddedImage | null {
  const match = /^data:image\/([a-z0-9.+-]+);base64,([a-z0-9+/=\s]+)$/i.exec(src.trim());
  if (!match) return null;
  const format = FORMATS[match[1]!.toLowerCase()];
  if (!format) return null;
  const bytes = new Uint8Array(Buffer.from(match[2]!, "base64"));
  if (bytes.length === 0) return null;
  const size = format === "png" ? pngSize(bytes) : format === "gif" ? gifSize(bytes) : format === "jpg" ? jpegSize(bytes) : null;
  return { format, bytes, width: size?.[0] ?? null, height: size?.[1] ?? null };
}

/** Fits an image into a box, keeping its aspect ratio; unknown sizes get a 4:3 box. */
export function fitImage(image: EmbeddedImage, maxWidth: number): { width: number; height: number } {
  if (!image.width || !image.height) return { width: maxWidth, height: Math.round((maxWidth * 3) / 4) };
  const scale = Math.min(1, maxWidth / image.width);
  return { width: Math.round(image.width * scale), height: Math.round(image.height * scale) };
}
