/**
 * String.prototype.trim for the hot paths: most cells hold text with nothing to trim, and the engine's trim
 * costs a call and a scan either way. Only the two end characters are looked at; where either may be
 * whitespace the engine's trim decides, so the result is always exactly `s.trim()`.
 */

/** True when the character code cannot be one String.prototype.trim removes (a quick, conservative test). */
function surelyNotSpace(c: number): boolean {
  // Printable ASCII, and everything from U+3001 on except U+FEFF (CJK text), are never whitespace.
  return (c > 0x20 && c < 0x7f) || (c > 0x3000 && c !== 0xfeff);
}

/** Exactly `s.trim()`, without the engine's scan when neither end can be whitespace. */
export function trimText(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  return surelyNotSpace(s.charCodeAt(0)) && surelyNotSpace(s.charCodeAt(n - 1)) ? s : s.trim();
}

/** Exactly `s.trim() === ""`. */
export function isBlankText(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (surelyNotSpace(s.charCodeAt(0))) return false;
  return s.trim() === "";
}
