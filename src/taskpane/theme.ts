/** Relative luminance of a #rrggbb colour, 0 (black) to 1 (white); null when it is not one. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec((hex ?? "").trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
}

/**
 * Follows Office's theme: dark when Office's body background is dark (Black, Dark Grey themes), else the
 * system's preference where Office does not say (Excel on the web in some browsers).
 */
export function applyTheme(root: HTMLElement = document.documentElement): void {
  let background: string | undefined;
  try {
    background = typeof Office !== "undefined" ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  } catch {
    background = undefined;
  }
  const l = luminance(background);
  const dark = l !== null ? l < 0.2 : typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
  root.classList.toggle("theme-dark", dark);
}
