// Users type headers with full-width letters, stray spaces (incl. the ideographic space U+3000 and NBSP)
// and a trailing colon ("客户名称：", " Customer  ID "); all of these must compare equal to the plain name.

// \s covers U+3000, NBSP and U+FEFF; zero-width characters are invisible in Excel yet break equality.
const INVISIBLE_OR_SPACE = /[\s\u200B-\u200D\u2060]+/gu;
const TRAILING_COLONS = /:+$/u;

/** The comparison form of a header: NFKC, no whitespace anywhere, lower case, no trailing colon. */
export function normalizeHeader(text: string): string {
  // Lower-casing can leave a string that NFKC would still change (and vice versa), so repeat until
  // stable: the result must be a fixed point or a normalised alias would not match a normalised header.
  let current = text;
  for (let i = 0; i < 4; i++) {
    const next = current
      .normalize("NFKC")
      .toLowerCase()
      .replace(INVISIBLE_OR_SPACE, "")
      .replace(TRAILING_COLONS, "");
    if (next === current) break;
    current = next;
  }
  return current;
}
