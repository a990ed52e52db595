import { promises as fsp } from "fs";
import * as path from "path";

/**
 * Writes a file atomically: `write` fills a temporary file in the target's folder (same file system), then a
 * rename puts it in place, so a failure halfway leaves whatever was there before. The folder is created when
 * missing (--out may name out/2024-06/… that does not exist yet).
 */
export async function writeAtomically(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  await fsp.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await write(tmp);
    await fsp.rename(tmp, target);
  } catch (e) {
    await fsp.unlink(tmp).catch(() => undefined);
    throw e;
  }
}
