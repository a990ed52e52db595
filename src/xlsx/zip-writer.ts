import { promises as fsp } from "fs";
import { Readable } from "stream";
import { pipeline } from "stream/promises";
import * as zlib from "zlib";

/**
 * A minimal streaming ZIP writer (deflate, no ZIP64): enough for an .xlsx package.
 * Why our own: ExcelJS's streaming writer cannot write Excel tables, and its in-memory writer needs
 * ~1.7 GB for 100k rows; writing the parts ourselves keeps memory bounded by one chunk of XML.
 */

interface CentralEntry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

const CRC_TABLE: Uint32Array = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

type Crc32 = (data: Buffer, value?: number) => number;
const nativeCrc = (zlib as unknown as { crc32?: Crc32 }).crc32;

/** CRC-32 of a buffer continuing from a previous value (zlib's native one where Node has it). */
export function crc32(data: Buffer, previous = 0): number {
  if (nativeCrc) return nativeCrc(data, previous);
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const LIMIT = 0xffffffff;
// 1980-01-01 00:00 in DOS format: fixed, so the same plan gives the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export class ZipWriter {
  private readonly entries: CentralEntry[] = [];
  private offset = 0;

  private constructor(private readonly fh: fsp.FileHandle) {}

  /** Opens a new zip file for writing (truncating it). */
  static async create(path: string): Promise<ZipWriter> {
    return new ZipWriter(await fsp.open(path, "w"));
  }

  private localHeader(name: Buffer, crc: number, compressed: number, size: number): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4); // version needed
    h.writeUInt16LE(0x0800, 6); // UTF-8 names
    h.writeUInt16LE(8, 8); // deflate
    h.writeUInt16LE(DOS_TIME, 10);
    h.writeUInt16LE(DOS_DATE, 12);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(compressed, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(0, 28);
    return h;
  }

  private async write(buf: Buffer, position?: number): Promise<void> {
    await this.fh.write(buf, 0, buf.length, position ?? this.offset);
    if (position === undefined) this.offset += buf.length;
  }

  /** Adds a small entry held in memory. */
  async add(path: string, data: string | Buffer): Promise<void> {
    await this.addStream(path, [typeof data === "string" ? Buffer.from(data, "utf8") : data]);
  }

  /**
   * Adds an entry from chunks produced lazily (strings are UTF-8 encoded): the chunks are deflated and
   * written as they come, then the local header is patched with the sizes and CRC.
   */
  async addStream(path: string, chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>, level = 6): Promise<void> {
    const name = Buffer.from(path, "utf8");
    const start = this.offset;
    await this.write(this.localHeader(name, 0, 0, 0));
    await this.write(name);
    let crc = 0;
    let size = 0;
    let compressed = 0;
    async function* encoded(): AsyncGenerator<Buffer> {
      for await (const c of chunks) {
        const b = typeof c === "string" ? Buffer.from(c, "utf8") : c;
        if (b.length === 0) continue;
        crc = crc32(b, crc);
        size += b.length;
        yield b;
      }
    }
    const sink = async (source: AsyncIterable<Buffer>): Promise<void> => {
      for await (const c of source) {
        await this.write(c);
        compressed += c.length;
      }
    };
    await pipeline(Readable.from(encoded()), zlib.createDeflateRaw({ level }), sink);
    if (size > LIMIT || compressed > LIMIT || this.offset > LIMIT) {
      throw new Error(`zip entry ${path} is larger than 4 GB; ZIP64 is not supported`);
    }
    await this.write(this.localHeader(name, crc, compressed, size), start);
    this.entries.push({ name, crc, compressed, size, offset: start });
  }

  /** Writes the central directory and closes the file. */
  async finish(): Promise<void> {
    const cdStart = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4); // version made by
      h.writeUInt16LE(20, 6); // version needed
      h.writeUInt16LE(0x0800, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(DOS_TIME, 12);
      h.writeUInt16LE(DOS_DATE, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      // extra, comment, disk, internal attrs, external attrs: zero
      h.writeUInt32LE(e.offset, 42);
      await this.write(h);
      await this.write(e.name);
    }
    const cdSize = this.offset - cdStart;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(cdSize, 12);
    end.writeUInt32LE(cdStart, 16);
    await this.write(end);
    await this.fh.close();
  }

  /** Closes the file without finishing it (after a failure; the caller removes it). */
  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
  }
}
