import type { Lang } from "../i18n/lang";
import { REGISTER_FIELDS, type RegisterFieldId } from "../register/fields";
import { normalizeHeader } from "../text/normalize-header";

/** Maps a header already passed through `normalizeHeader` to a column id, or undefined when unknown. */
export type HeaderMatcher<Id extends string = string> = (normalizedHeader: string) => Id | undefined;

/**
 * A matcher over column names in any language. Names are normalised once here so each lookup is one Map
 * get; when two entries share a name, the earlier entry wins (tables list the more specific field first).
 */
export function aliasMatcher<Id extends string>(entries: ReadonlyArray<{ id: Id; names: readonly string[] }>): HeaderMatcher<Id> {
  const byName = new Map<string, Id>();
  for (const { id, names } of entries) {
    for (const name of names) {
      const key = normalizeHeader(name);
      if (key !== "" && !byName.has(key)) byName.set(key, id);
    }
  }
  return (normalizedHeader) => byName.get(normalizedHeader);
}

/** Matches a normalised header to a register field, by its Chinese or English names (spec table). */
export const registerFieldMatcher: HeaderMatcher<RegisterFieldId> = aliasMatcher(
  REGISTER_FIELDS.map((f) => ({ id: f.id, names: [...f.zh, ...f.en] })),
);

const CJK = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u;

/**
 * The language the user wrote the headers in: zh-CN when any header contains CJK characters, else en-US.
 * Pass the texts of the matched headers; with `match`, texts it does not recognise are left out, so a
 * Chinese note in an English header row does not flip the language.
 */
export function headerLanguage(texts: readonly string[], match?: HeaderMatcher): Lang {
  const counted = match ? texts.filter((t) => match(normalizeHeader(t)) !== undefined) : texts;
  return counted.some((t) => CJK.test(t)) ? "zh-CN" : "en-US";
}
