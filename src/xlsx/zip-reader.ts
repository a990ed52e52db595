import { promises as fsp } from "fs";
import * as zlib from "zlib";

/** One entry of a zip's central directory. */
export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;

/**
 * Lists a zip file's entries from its central directory (random access, no inflating). Returns null when
 * the file has no readable directory (truncated, not a zip, or ZIP64, which workbooks under 4 GB never use).
 */
export async function listZipEntries(file: string): Promise<ZipEntryInfo[] | null> {
  const fh = await fsp.open(file, "r");
  try {
    const { size } = await fh.stat();
    const tailLen = Math.min(size, 65557);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIG) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || cdOffset + cdSize > size) return null;
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const out: ZipEntryInfo[] = [];
    let p = 0;
    for (let i = 0; i < count && p + 46 <= cd.length; i++) {
      if (cd.readUInt32LE(p) !== CEN_SIG) return null;
      const nameLen = cd.readUInt16LE(p + 28);
      out.push({
        method: cd.readUInt16LE(p + 10),
        compressedSize: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        name: cd.toString("utf8", p + 46, p + 46 + nameLen),
        localOffset: cd.readUInt32LE(p + 42),
      });
      p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    }
    return out;
  } finally {
    await fh.close();
  }
}

/** The uncompressed bytes of one entry (stored or deflated). */
export async function readZipEntry(file: string, entry: ZipEntryInfo): Promise<Buffer> {
  const fh = await fsp.open(file, "r");
  try {
    const local = Buffer.alloc(30);
    await fh.read(local, 0, 30, entry.localOffset);
    const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const data = Buffer.alloc(entry.compressedSize);
    await fh.read(data, 0, entry.compressedSize, start);
    if (entry.method === 0) return data;
    if (entry.method === 8) return zlib.inflateRawSync(data);
    throw new Error(`zip entry ${entry.name}: unsupported compression method ${entry.method}`);
  } finally {
    await fh.close();
  }
}
