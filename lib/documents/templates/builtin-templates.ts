import type { PostmortemDoc } from "../postmortem-schema";
import { regulatoryTemplate } from "./regulatory";
import { standardTemplate } from "./standard";

export const TEMPLATE_KEYS = ["standard", "regulatory"] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const TEMPLATE_NAMES: Record<TemplateKey, string> = {
  standard: "Standard blameless postmortem",
  regulatory: "Regulator-ready postmortem",
};

export function isTemplateKey(value: unknown): value is TemplateKey {
  return typeof value === "string" && (TEMPLATE_KEYS as readonly string[]).includes(value);
}

/** A fresh copy of a built-in template (callers may mutate it). */
export function builtinTemplate(key: TemplateKey): PostmortemDoc {
  return key === "standard" ? standardTemplate() : regulatoryTemplate();
}
