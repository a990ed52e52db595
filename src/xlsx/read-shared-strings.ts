/** Decodes XML character references and the five predefined entities. */
function decodeXml(s: string): string {
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
  const t = /<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
  let m: RegExpExecArray | null;
  while ((m = si.exec(xml))) {
    const body = (m[1] ?? "").replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
    let text = "";
    let tm: RegExpExecArray | null;
    t.lastIndex = 0;
    while ((tm = t.exec(body))) text += tm[1] ?? "";
    out.push(decodeExcelEscapes(decodeXml(text)));
  }
  return out;
}
