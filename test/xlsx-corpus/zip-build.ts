import * as fs from "fs";
import * as zlib from "zlib";

/** One entry to write, with every field a damaged or hostile zip may get wrong. */
export interface BuildEntry {
  name: string;
  data: Buffer | string;
  /** 0 stored, 8 deflated (default). */
  method?: number;
  /** The compressed bytes as written (default: the data, deflated when method is 8). */
  raw?: Buffer;
  /** The CRC-32 written in the headers (default: the data's). */
  crc?: number;
  /** The uncompressed size written in the headers (default: the data's). */
  size?: number;
  /** General purpose flags to add (bit 0 = encrypted). */
  flags?: number;
  /** Sizes in a ZIP64 extra field (header fields 0xFFFFFFFF). */
  zip64?: boolean;
}

/** Writes a zip of the given entries (central directory, optional ZIP64 end record); a test's own, so it can lie. */
export function buildZip(file: string, entries: BuildEntry[], opts: { zip64End?: boolean } = {}): void {
  const chunks: Buffer[] = [];
  let offset = 0;
  const push = (b: Buffer): void => {
    chunks.push(b);
    offset += b.length;
  };
  const central: Buffer[] = [];
  for (const e of entries) {
    const data = typeof e.data === "string" ? Buffer.from(e.data, "utf8") : e.data;
    const method = e.method ?? 8;
    const raw = e.raw ?? (method === 8 ? zlib.deflateRawSync(data) : data);
    const crc = e.crc ?? zlib.crc32(data);
    const size = e.size ?? data.length;
    const name = Buffer.from(e.name, "utf8");
    const flags = 0x0800 | (e.flags ?? 0);
    const at = offset;
    const localExtra = e.zip64 ? u16u16u64u64(size, raw.length) : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(e.zip64 ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(e.zip64 ? 0xffffffff : raw.length, 18);
    local.writeUInt32LE(e.zip64 ? 0xffffffff : size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    push(Buffer.concat([local, name, localExtra, raw]));
    const cenExtra = e.zip64 ? Buffer.concat([u16u16u64u64(size, raw.length, 24), u64(at)]) : Buffer.alloc(0);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(e.zip64 ? 45 : 20, 4);
    cen.writeUInt16LE(e.zip64 ? 45 : 20, 6);
    cen.writeUInt16LE(flags, 8);
    cen.writeUInt16LE(method, 10);
    cen.writeUInt32LE(crc >>> 0, 16);
    cen.writeUInt32LE(e.zip64 ? 0xffffffff : raw.length, 20);
    cen.writeUInt32LE(e.zip64 ? 0xffffffff : size, 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt16LE(cenExtra.length, 30);
    cen.writeUInt32LE(e.zip64 ? 0xffffffff : at, 42);
    central.push(Buffer.concat([cen, name, cenExtra]));
  }
  const cdStart = offset;
  for (const c of central) push(c);
  const cdSize = offset - cdStart;
  const n = entries.length;
  if (opts.zip64End) {
    const z64At = offset;
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(n), 24);
    rec.writeBigUInt64LE(BigInt(n), 32);
    rec.writeBigUInt64LE(BigInt(cdSize), 40);
    rec.writeBigUInt64LE(BigInt(cdStart), 48);
    push(rec);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(z64At), 8);
    loc.writeUInt32LE(1, 16);
    push(loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(opts.zip64End ? 0xffff : n, 8);
  end.writeUInt16LE(opts.zip64End ? 0xffff : n, 10);
  end.writeUInt32LE(opts.zip64End ? 0xffffffff : cdSize, 12);
  end.writeUInt32LE(opts.zip64End ? 0xffffffff : cdStart, 16);
  push(end);
  fs.writeFileSync(file, Buffer.concat(chunks));
}

function u64(v: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(v));
  return b;
}

/** A ZIP64 extended information extra field holding the uncompressed then the compressed size. */
function u16u16u64u64(size: number, compressed: number, len = 16): Buffer {
  const b = Buffer.alloc(20);
  b.writeUInt16LE(0x0001, 0);
  b.writeUInt16LE(len, 2);
  b.writeBigUInt64LE(BigInt(size), 4);
  b.writeBigUInt64LE(BigInt(compressed), 12);
  return b;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

/**
 * The parts of a minimal valid workbook with one sheet "客户" (sheet XML given, shared strings optional),
 * ready to be damaged one field at a time.
 */
export function workbookParts(sheetXml: string, sharedStrings?: string): BuildEntry[] {
  const ct =
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
    (sharedStrings !== undefined ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : "") +
    `</Types>`;
  const parts: BuildEntry[] = [
    { name: "[Content_Types].xml", data: ct },
    { name: "_rels/.rels", data: `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: "xl/workbook.xml", data: `<?xml version="1.0"?><workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    {
      name: "xl/_rels/workbook.xml.rels",
      data:
        `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        (sharedStrings !== undefined ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : "") +
        `</Relationships>`,
    },
    { name: "xl/worksheets/sheet1.xml", data: sheetXml },
  ];
  if (sharedStrings !== undefined) parts.push({ name: "xl/sharedStrings.xml", data: sharedStrings });
  return parts;
}

/** A worksheet part around the given rows' XML. */
export function sheet(rowsXml: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${rowsXml}</sheetData></worksheet>`;
}

/** A shared strings part of the given items' XML. */
export function sst(itemsXml: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${itemsXml}</sst>`;
}

/** The entry of a part, to damage it. */
export function part(entries: BuildEntry[], name: string): BuildEntry {
  const e = entries.find((x) => x.name === name);
  if (!e) throw new Error(`no part ${name}`);
  return e;
}
