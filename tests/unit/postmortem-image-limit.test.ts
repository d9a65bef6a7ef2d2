import { describe, expect, it } from "vitest";
import { dataUrlBytes, imageProblem, imageProblemsIn, MAX_IMAGE_BYTES } from "@/lib/documents/image-limit";

const base64Of = (bytes: number) => Buffer.alloc(bytes, 7).toString("base64");

describe("image size limit of the postmortem editor", () => {
  it("measures a base64 data URL's decoded size without decoding it", () => {
    expect(dataUrlBytes(`data:image/png;base64,${base64Of(3000)}`)).toBe(3000);
    expect(dataUrlBytes("data:image/svg+xml,%3Csvg%2F%3E")).toBe("<svg/>".length);
  });

  it("accepts https links and embedded images up to 2 MB", () => {
    expect(imageProblem("https://grafana.example/render/panel.png")).toBeNull();
    expect(imageProblem(`data:image/png;base64,${base64Of(MAX_IMAGE_BYTES)}`)).toBeNull();
  });

  it("refuses embedded images over 2 MB and other schemes with a message", () => {
    expect(imageProblem(`data:image/png;base64,${base64Of(MAX_IMAGE_BYTES + 3)}`)).toMatch(/over 2 MB/);
    expect(imageProblem("http://insecure.example/a.png")).toMatch(/https/);
    expect(imageProblem("javascript:alert(1)")).toMatch(/https/);
  });
});

describe("imageProblemsIn", () => {
  it("finds every oversized or unsafe image anywhere in a document", () => {
    const big = `data:image/png;base64,${"A".repeat(Math.ceil(((MAX_IMAGE_BYTES + 10) * 4) / 3))}`;
    const doc = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "hi" }] },
        { type: "image", attrs: { src: "https://example.com/ok.png" } },
        { type: "blockquote", content: [{ type: "image", attrs: { src: big } }] },
        { type: "image", attrs: { src: "javascript:alert(1)" } },
      ],
    };
    expect(imageProblemsIn(doc)).toHaveLength(2);
    expect(imageProblemsIn({ type: "doc", content: [{ type: "image", attrs: { src: "data:image/png;base64,AAAA" } }] })).toEqual([]);
  });
});
