import type { SaxesTagPlain } from "saxes";
import { damaged, tooLarge } from "./read-error";
import { feedXml, localName, xmlParser } from "./xml-stream";
import type { ZipEntryInfo, ZipPackage } from "./zip-reader";

/** The relationship namespaces of r:id (transitional and strict OOXML). */
const REL_NS = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);
/** Content types of a workbook's main part (xlsx, xlsm, xltx, xltm). */
const MAIN_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  "application/vnd.ms-excel.sheet.macroenabled.main+xml",
  "application/vnd.ms-excel.template.macroenabled.main+xml",
]);
const BINARY_MAIN = "application/vnd.ms-excel.sheet.binary.macroenabled.main";

/** The most the parts read may inflate to: 200 × the file, at least 32 MiB, at most 2 GiB. */
export function inflationCap(fileSize: number): number {
  return Math.min(2 * 1024 ** 3, Math.max(200 * fileSize, 32 * 1024 ** 2));
}

/** Bytes the parts read so far were declared to inflate to; refuses past the cap (yauzl holds each part to its declared size). */
export class InflationBudget {
  private used = 0;
  constructor(readonly cap: number) {}

  /** Counts a part about to be read. */
  take(entry: ZipEntryInfo): void {
    this.used += entry.size;
    if (this.used > this.cap) {
      throw tooLarge("inflation", { part: entry.name, detail: `${Math.round(this.cap / 1024 ** 2)} MB` });
    }
  }
}

/** One relationship of a part. */
export interface Relationship {
  id: string;
  type: string;
  /** The target part's name (resolved, no leading "/"); "" for external targets. */
  target: string;
}

/** The package's content types: by extension and by part name (both lower case). */
export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

/** The part's content type per [Content_Types].xml (lower case), or undefined. */
export function contentTypeOf(ct: ContentTypes | null, part: string): string | undefined {
  if (!ct) return undefined;
  const key = part.toLowerCase();
  const over = ct.overrides.get(key);
  if (over) return over;
  const dot = key.lastIndexOf(".");
  return dot < 0 ? undefined : ct.defaults.get(key.slice(dot + 1));
}

/** Resolves a relationship target against its source part ("xl/workbook.xml" + "worksheets/s1.xml"). */
export function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // Not percent-encoded after all: the name as written.
  }
  t = t.replace(/\\/g, "/");
  const base = t.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** The relationships part of a part ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" → "_rels/.rels"). */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Streams one part through a saxes parser, counted against the inflation budget. */
export async function readPart(zip: ZipPackage, entry: ZipEntryInfo, budget: InflationBudget, feed: (chunks: AsyncIterable<Buffer>) => Promise<void>): Promise<void> {
  budget.take(entry);
  await feed(zip.stream(entry));
}

/** [Content_Types].xml, or null when the package has none. */
export async function readContentTypes(zip: ZipPackage, budget: InflationBudget): Promise<ContentTypes | null> {
  const entry = zip.find("[Content_Types].xml");
  if (!entry) return null;
  const ct: ContentTypes = { defaults: new Map(), overrides: new Map() };
  await readPart(zip, entry, budget, (chunks) => {
    const p = xmlParser(entry.name);
    p.on("opentag", (tag: SaxesTagPlain) => {
      const n = localName(tag.name);
      const type = tag.attributes.ContentType?.toLowerCase();
      if (!type) return;
      if (n === "Default" && tag.attributes.Extension) ct.defaults.set(tag.attributes.Extension.toLowerCase(), type);
      else if (n === "Override" && tag.attributes.PartName) ct.overrides.set(resolveTarget("", tag.attributes.PartName).toLowerCase(), type);
    });
    return feedXml(chunks, entry.name, p);
  });
  return ct;
}

/** The relationships of a part (none when it has no relationships part). */
export async function readRelationships(zip: ZipPackage, source: string, budget: InflationBudget): Promise<Relationship[]> {
  const relsName = relsPartOf(source);
  const entry = zip.find(relsName);
  if (!entry) return [];
  const out: Relationship[] = [];
  await readPart(zip, entry, budget, (chunks) => {
    const p = xmlParser(entry.name);
    p.on("opentag", (tag: SaxesTagPlain) => {
      if (localName(tag.name) !== "Relationship") return;
      const { Id: id, Type: type, Target: target, TargetMode: mode } = tag.attributes;
      if (!id || !type || target === undefined) return;
      out.push({ id, type, target: mode?.toLowerCase() === "external" ? "" : resolveTarget(source, target) });
    });
    return feedXml(chunks, entry.name, p);
  });
  return out;
}

/** True when a relationship's type is `kind` (transitional or strict: the last path segment decides). */
export function isRelType(rel: Relationship, kind: string): boolean {
  return rel.type.slice(rel.type.lastIndexOf("/") + 1).toLowerCase() === kind.toLowerCase();
}

/** The main (workbook) part: through _rels/.rels, else the content types, else xl/workbook.xml. */
export async function findMainPart(zip: ZipPackage, ct: ContentTypes | null, budget: InflationBudget): Promise<{ part: string; type?: string } | null> {
  const root = await readRelationships(zip, "", budget);
  let part = root.find((r) => isRelType(r, "officeDocument") && r.target)?.target;
  if (!part && ct) {
    for (const [name, type] of ct.overrides) if (MAIN_TYPES.has(type) || type === BINARY_MAIN) part = name;
  }
  part ??= "xl/workbook.xml";
  const entry = zip.find(part);
  return entry ? { part: entry.name, type: contentTypeOf(ct, part) } : null;
}

/** True when the main part is a binary workbook (.xlsb), which this reader does not read. */
export function isBinaryMain(type: string | undefined): boolean {
  return type === BINARY_MAIN;
}

/** A sheet of the workbook part, in tab order. */
export interface SheetRef {
  name: string;
  hidden: boolean;
  /** Its relationship id. */
  rid: string;
}

/** The workbook part's sheets (tab order) and date system. */
export async function readWorkbookPart(zip: ZipPackage, part: string, budget: InflationBudget): Promise<{ sheets: SheetRef[]; date1904: boolean }> {
  const entry = zip.find(part);
  if (!entry) throw damaged("missingPart", { part });
  const sheets: SheetRef[] = [];
  let date1904 = false;
  await readPart(zip, entry, budget, (chunks) => {
    const p = xmlParser(entry.name);
    // The prefixes bound to the relationships namespace (r:id), wherever they are declared in this small part.
    const relPrefixes = new Set<string>();
    p.on("opentag", (tag: SaxesTagPlain) => {
      for (const [k, v] of Object.entries(tag.attributes)) if (k.startsWith("xmlns:") && REL_NS.has(v)) relPrefixes.add(k.slice(6));
      const n = localName(tag.name);
      if (n === "workbookPr") {
        const d = tag.attributes.date1904?.trim().toLowerCase();
        date1904 = d === "1" || d === "true";
      } else if (n === "sheet") {
        let rid = "";
        for (const prefix of relPrefixes) rid = tag.attributes[`${prefix}:id`] ?? rid;
        const name = tag.attributes.name;
        if (name === undefined) throw damaged("missingPart", { part, detail: "a sheet without a name" });
        const state = tag.attributes.state;
        sheets.push({ name, hidden: state === "hidden" || state === "veryHidden", rid });
      }
    });
    return feedXml(chunks, entry.name, p);
  });
  return { sheets, date1904 };
}
