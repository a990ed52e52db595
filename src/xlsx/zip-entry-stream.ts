import * as fs from "fs";
import * as zlib from "zlib";
import type { ZipEntryInfo } from "./zip-reader";

/** Streams one zip entry's uncompressed bytes (a big worksheet is never held whole). */
export async function* zipEntryStream(file: string, entry: ZipEntryInfo): AsyncGenerator<Buffer> {
  const fh = await fs.promises.open(file, "r");
  let start: number;
  try {
    const local = Buffer.alloc(30);
    await fh.read(local, 0, 30, entry.localOffset);
    start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    await fh.close();
  }
  if (entry.compressedSize === 0) return;
  const raw = fs.createReadStream(file, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
  if (entry.method === 0) {
    for await (const c of raw) yield c as Buffer;
    return;
  }
  if (entry.method !== 8) throw new Error(`zip entry ${entry.name}: unsupported compression method ${entry.method}`);
  const inflate = zlib.createInflateRaw({ chunkSize: 1 << 20 });
  raw.pipe(inflate);
  raw.on("error", (e) => inflate.destroy(e));
  for await (const c of inflate) yield c as Buffer;
}
