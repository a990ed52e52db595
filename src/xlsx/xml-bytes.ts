/**
 * XML written straight into Buffers, for the worksheet parts of big tabs: fixed pieces are copied as bytes
 * encoded once, row numbers and shared-string indexes written digit by digit. Building each row as a string
 * instead made V8 join millions of small pieces and then flatten and encode them again (~2 s at 100,000
 * customers).
 */

/** Bytes gathered before a chunk is handed on. */
export const CHUNK_BYTES = 1 << 16;

/** A piece of ASCII markup as bytes. */
export function asciiBytes(s: string): Uint8Array {
  return Buffer.from(s, "latin1");
}

export class XmlBytes {
  private buf = Buffer.allocUnsafe(CHUNK_BYTES * 2);
  private pos = 0;

  /** Bytes written since the last take. */
  get length(): number {
    return this.pos;
  }

  /** The bytes written so far, as a chunk of its own; writing goes on in a new buffer. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES * 2);
    this.pos = 0;
    return out;
  }

  /** Room for n more bytes (a chunk grows past its usual size only for a huge row). */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  /** Pre-encoded bytes (a short piece of markup). */
  bytes(b: Uint8Array): void {
    const n = b.length;
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = b[i];
    this.pos = p;
  }

  /** A non-negative integer below 2^53, in decimal. */
  uint(n: number): void {
    this.room(16);
    const buf = this.buf;
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    const end = this.pos + digits;
    let p = end;
    let x = n;
    do {
      buf[--p] = 48 + (x % 10);
      x = Math.floor(x / 10);
    } while (x > 0);
    this.pos = end;
  }

  /** A finite number as JavaScript writes it (String(v)): integers digit by digit, others through String. */
  number(v: number): void {
    if (Number.isSafeInteger(v) && v >= 0) this.uint(v);
    else this.text(String(v));
  }

  /** Any text, UTF-8 encoded (markup must already be escaped). */
  text(s: string): void {
    const n = s.length;
    this.room(n * 3);
    const buf = this.buf;
    let p = this.pos;
    // Short ASCII texts are copied here; anything else is left to the native encoder.
    if (n <= 32) {
      let i = 0;
      for (; i < n; i++) {
        const ch = s.charCodeAt(i);
        if (ch >= 0x80) break;
        buf[p + i] = ch;
      }
      if (i === n) {
        this.pos = p + n;
        return;
      }
    }
    p += buf.write(s, p, "utf8");
    this.pos = p;
  }
}
