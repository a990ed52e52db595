import { promises as fsp } from "fs";
import { WorkbookReadError } from "./read-error";

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
// Office puts an encrypted .xlsx in a CFB container with these streams (names are UTF-16LE).
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

/**
 * Checks that a path is a readable zip package before handing it to the parser, so users get the real
 * reason: missing, a folder, a password-protected workbook, an old .xls, or not a workbook at all.
 */
export async function sniffWorkbookFile(file: string): Promise<void> {
  let st;
  try {
    st = await fsp.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(code === "ENOENT" || code === "ENOTDIR" ? "missing" : "unreadable", file, code);
  }
  if (!st.isFile()) throw new WorkbookReadError("notFile", file);
  let head: Buffer;
  try {
    const fh = await fsp.open(file, "r");
    try {
      head = Buffer.alloc(8);
      await fh.read(head, 0, 8, 0);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw new WorkbookReadError("unreadable", file, (e as NodeJS.ErrnoException).code);
  }
  if (head.subarray(0, 4).equals(ZIP) || head.subarray(0, 4).equals(EMPTY_ZIP)) return;
  if (head.equals(CFB)) {
    // The directory may sit anywhere in the container; these files are small enough to scan whole.
    const all = st.size <= 64 * 1024 * 1024 ? await fsp.readFile(file) : head;
    const encrypted = all.includes(ENCRYPTION_INFO) || all.includes(ENCRYPTED_PACKAGE);
    throw new WorkbookReadError(encrypted ? "encrypted" : "legacyXls", file);
  }
  throw new WorkbookReadError("notWorkbook", file);
}
