/** Decodes XML character references and the five predefined entities. */
export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/** Excel's own escape for characters XML cannot carry: _x000D_ → CR, _x005F_ → "_". */
function decodeExcelEscapes(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/**
 * Parses xl/sharedStrings.xml into plain texts: runs of rich text joined, phonetic guides (<rPh>) left
 * out, entities and Excel's _xHHHH_ escapes decoded. Namespace prefixes (x:si) are accepted.
 */
export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const si = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  let m: RegExpExecArray | null;
  while ((m = si.exec(xml))) out.push(decodeCellText(m[1] ?? ""));
  return out;
}

/** The plain text of a string item's body (<si> or <is>): its <t> runs joined, phonetic guides left out. */
export function decodeCellText(body: string): string {
  const t = /<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
  const clean = body.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  let text = "";
  let tm: RegExpExecArray | null;
  while ((tm = t.exec(clean))) text += tm[1] ?? "";
  return decodeExcelEscapes(decodeXml(text));
}
