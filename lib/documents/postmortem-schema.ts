import { Extension, Node, mergeAttributes, type Extensions, type JSONContent } from "@tiptap/core";
import Image from "@tiptap/extension-image";
import { TaskItem, TaskList } from "@tiptap/extension-list";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";

/**
 * The postmortem editor's document schema, shared by the browser editor, the collaboration
 * server and the document renderers. Pure: no React, no DOM access at import time, so it
 * loads in node for validation, Yjs conversion and export.
 */

/** The editor's JSON document (a `doc` node). */
export type PostmortemDoc = JSONContent;

/** Blocks bound to incident data: live while drafting, `frozen` on publish. */
export const DATA_BLOCK_TYPES = [
  "incidentTimeline",
  "impactFigures",
  "actionItemsBlock",
  "documentControl",
  "regulatoryStatus",
  "keyTimestamps",
] as const;
export type DataBlockType = (typeof DATA_BLOCK_TYPES)[number];

export const DATA_BLOCK_TITLES: Record<DataBlockType, string> = {
  incidentTimeline: "Timeline",
  impactFigures: "Impact figures",
  actionItemsBlock: "Action items",
  documentControl: "Document control",
  regulatoryStatus: "Regulatory status",
  keyTimestamps: "Key timestamps (UTC)",
};

export function isDataBlockType(type: string | undefined): type is DataBlockType {
  return (DATA_BLOCK_TYPES as readonly string[]).includes(type ?? "");
}

const LINK_PROTOCOLS = ["http", "https", "mailto"];

/** Only links a reader can follow safely: no javascript:, data:, file: and friends. */
export function isAllowedLinkHref(href: string): boolean {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(href.trim());
  return match !== null && LINK_PROTOCOLS.includes(match[1]!.toLowerCase());
}

/** Images are either remote over TLS or embedded raster/vector data. */
export function isAllowedImageSrc(src: string): boolean {
  const value = src.trim();
  return value.startsWith("https://") || value.startsWith("data:image/");
}

function parseFrozen(raw: string | null): Record<string, unknown> | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function createDataBlock(name: DataBlockType) {
  return Node.create({
    name,
    group: "block",
    atom: true,
    selectable: true,
    draggable: true,
    addAttributes() {
      return {
        incidentId: {
          default: null,
          parseHTML: (element: HTMLElement) => element.getAttribute("data-incident-id"),
          renderHTML: (attrs: Record<string, unknown>) => (attrs.incidentId ? { "data-incident-id": attrs.incidentId } : {}),
        },
        frozen: {
          default: null,
          parseHTML: (element: HTMLElement) => parseFrozen(element.getAttribute("data-frozen")),
          renderHTML: (attrs: Record<string, unknown>) => (attrs.frozen ? { "data-frozen": JSON.stringify(attrs.frozen) } : {}),
        },
        title: {
          default: null,
          parseHTML: (element: HTMLElement) => element.getAttribute("data-title"),
          renderHTML: (attrs: Record<string, unknown>) => (attrs.title ? { "data-title": attrs.title } : {}),
        },
        // The timeline's choice of events (lib/documents/timeline-selection.ts); null: the default.
        ...(name === "incidentTimeline"
          ? {
              selection: {
                default: null,
                parseHTML: (element: HTMLElement) => parseFrozen(element.getAttribute("data-selection")),
                renderHTML: (attrs: Record<string, unknown>) => (attrs.selection ? { "data-selection": JSON.stringify(attrs.selection) } : {}),
              },
            }
          : {}),
      };
    },
    parseHTML() {
      return [{ tag: `div[data-block="${name}"]` }];
    },
    renderHTML({ HTMLAttributes }) {
      return ["div", mergeAttributes({ "data-block": name }, HTMLAttributes)];
    },
    renderText({ node }) {
      return `[${(node.attrs.title as string | null) ?? DATA_BLOCK_TITLES[name]}]`;
    },
  });
}

export const dataBlockExtensions = DATA_BLOCK_TYPES.map(createDataBlock);

/**
 * Paragraphs may be a template's guidance: `guidance` holds the prompt's text, so a prompt
 * the author left untouched is recognised (and left out of published documents) while one
 * the author wrote over is their text (lib/documents/guidance.ts).
 */
const GuidanceAttribute = Extension.create({
  name: "guidance",
  addGlobalAttributes() {
    return [
      {
        types: ["paragraph"],
        attributes: {
          guidance: {
            default: null,
            parseHTML: (element: HTMLElement) => element.getAttribute("data-guidance"),
            renderHTML: (attrs: Record<string, unknown>) => (attrs.guidance ? { "data-guidance": attrs.guidance } : {}),
          },
        },
      },
    ];
  },
});

/**
 * A template's heading may mark its section `required`: it must be written before review
 * (lib/documents/required-sections.ts).
 */
const RequiredSectionAttribute = Extension.create({
  name: "requiredSection",
  addGlobalAttributes() {
    return [
      {
        types: ["heading"],
        attributes: {
          required: {
            default: null,
            parseHTML: (element: HTMLElement) => (element.hasAttribute("data-required") ? true : null),
            renderHTML: (attrs: Record<string, unknown>) => (attrs.required === true ? { "data-required": "" } : {}),
          },
        },
      },
    ];
  },
});

const SafeImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      src: {
        default: null,
        parseHTML: (element: HTMLElement) => {
          const src = element.getAttribute("src");
          return src && isAllowedImageSrc(src) ? src : null;
        },
      },
    };
  },
}).configure({ inline: false, allowBase64: true, resize: false });

export const postmortemExtensions: Extensions = [
  StarterKit.configure({
    // Collaboration brings its own (per-user) undo history.
    undoRedo: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: LINK_PROTOCOLS,
      defaultProtocol: "https",
      isAllowedUri: (url) => isAllowedLinkHref(url),
    },
  }),
  GuidanceAttribute,
  RequiredSectionAttribute,
  TableKit.configure({ table: { resizable: false } }),
  TaskList,
  TaskItem.configure({ nested: true }),
  SafeImage,
  ...dataBlockExtensions,
];
