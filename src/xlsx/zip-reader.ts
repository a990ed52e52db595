import type { Readable } from "stream";
import * as yauzl from "yauzl";
import * as zlib from "zlib";
import { damaged, PackageDamage } from "./read-error";

/** One entry of a zip's central directory. */
export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  /** Declared uncompressed size (ZIP64 sizes included); the read is held to it exactly. */
  size: number;
  crc32: number;
}

/** Bytes of inflated output per piece. */
const INFLATE_CHUNK = 1 << 18;

/** The damage a ZIP or zlib error stands for, with the entry it happened in. */
function zipDamage(e: unknown, part?: string): PackageDamage {
  if (e instanceof PackageDamage) return e;
  const msg = e instanceof Error ? e.message : String(e);
  const code = (e as NodeJS.ErrnoException | undefined)?.code ?? "";
  if (code.startsWith("Z_") || /incorrect header check|invalid (block type|distance|stored block|code)|unexpected end of file|too many length/i.test(msg)) {
    return damaged("deflate", { part, detail: msg });
  }
  if (/too many bytes|not enough bytes|size mismatch|overflows file bounds/i.test(msg)) return damaged("size", { part, detail: msg });
  return damaged("zip", { part, detail: msg });
}

/**
 * A workbook package opened with yauzl (central directory, ZIP64, data descriptors, stored and deflated
 * entries, every size checked against what the directory declares). Entries are found by name without
 * regard to case (OPC part names are case-insensitive); two entries that differ only in case are
 * duplicates and the package is refused. Each entry's bytes are checked against its CRC-32 as they stream.
 */
export class ZipPackage {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    /** Every entry, in the zip's own order. */
    readonly entries: ZipEntryInfo[],
    private readonly raw: Map<ZipEntryInfo, yauzl.Entry>,
    private readonly byName: Map<string, ZipEntryInfo>,
    /** The file's size in bytes. */
    readonly fileSize: number,
  ) {}

  /** Opens a zip and lists its entries; PackageDamage when the directory is broken or names repeat. */
  static async open(file: string): Promise<ZipPackage> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false });
    } catch (e) {
      throw zipDamage(e);
    }
    const entries: ZipEntryInfo[] = [];
    const raw = new Map<ZipEntryInfo, yauzl.Entry>();
    const byName = new Map<string, ZipEntryInfo>();
    try {
      for await (const e of zip.eachEntry()) {
        const info: ZipEntryInfo = { name: e.fileName, method: e.compressionMethod, compressedSize: e.compressedSize, size: e.uncompressedSize, crc32: e.crc32 >>> 0 };
        const key = partKey(e.fileName);
        if (byName.has(key)) throw damaged("duplicate", { part: e.fileName });
        byName.set(key, info);
        raw.set(info, e);
        entries.push(info);
      }
    } catch (e) {
      zip.close();
      throw zipDamage(e);
    }
    return new ZipPackage(zip, entries, raw, byName, zip.fileSize);
  }

  /** The entry of a part name ("xl/workbook.xml", "/XL/Workbook.xml"), whatever its case. */
  find(name: string): ZipEntryInfo | undefined {
    return this.byName.get(partKey(name));
  }

  /**
   * Streams an entry's uncompressed bytes. Rejects (never hangs) on damaged deflate data, on more or fewer
   * bytes than declared, and on a CRC-32 mismatch (known at the end: a consumer acts on nothing final
   * before the whole package has been read).
   */
  async *stream(entry: ZipEntryInfo): AsyncGenerator<Buffer> {
    const e = this.raw.get(entry);
    if (!e) throw new Error(`not an entry of this package: ${entry.name}`);
    if (e.isEncrypted()) throw damaged("method", { part: entry.name, detail: "encrypted entry" });
    if (e.compressionMethod !== 0 && e.compressionMethod !== 8) throw damaged("method", { part: entry.name, detail: `compression method ${e.compressionMethod}` });
    let rs: Readable;
    let raw: Readable | undefined;
    try {
      if (e.compressionMethod === 8) {
        // Inflated here rather than by yauzl: output in 256 kB pieces instead of zlib's 16 kB (a sixteenth of
        // the callbacks and stream steps); the size is held to the declared one below, as yauzl would.
        raw = await this.zip.openReadStreamPromise(e, { decompress: false });
        const inflate = zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK });
        raw.on("error", (err: Error) => inflate.destroy(err));
        rs = raw.pipe(inflate);
      } else {
        rs = await this.zip.openReadStreamPromise(e);
      }
    } catch (err) {
      raw?.destroy();
      throw zipDamage(err, entry.name);
    }
    let crc = 0;
    let got = 0;
    try {
      for await (const chunk of rs) {
        const b = chunk as Buffer;
        got += b.length;
        if (got > entry.size) throw damaged("size", { part: entry.name, detail: `too many bytes in the stream. expected ${entry.size}. got at least ${got}` });
        crc = zlib.crc32(b, crc);
        yield b;
      }
    } catch (err) {
      throw zipDamage(err, entry.name);
    } finally {
      rs.destroy();
      raw?.destroy();
    }
    if (got < entry.size) throw damaged("size", { part: entry.name, detail: `not enough bytes in the stream. expected ${entry.size}. got only ${got}` });
    if (crc >>> 0 !== entry.crc32) throw damaged("crc", { part: entry.name, detail: `CRC-32 ${(crc >>> 0).toString(16)} ≠ ${entry.crc32.toString(16)}` });
  }

  /** Closes the file. */
  close(): void {
    this.zip.close();
  }
}

/** A part name as compared: no leading "/", lower case. */
export function partKey(name: string): string {
  return (name.startsWith("/") ? name.slice(1) : name).toLowerCase();
}
