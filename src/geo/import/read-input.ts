/**
 * Reads a boundary or layer file given on the command line (`geo import FILE`, `--geo FILE`) without
 * ever blocking or exhausting memory: FIFOs, devices and directories are refused before a byte is
 * read, files above a size limit are refused from their size, and the text is decoded as UTF-8 or,
 * when it is not UTF-8, as EUC-KR/CP949 (the usual encoding of Korean GIS exports).
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** A refusal tied to the file; the message does not name the file (callers prefix it). */
export class InputFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputFileError';
  }
}

export interface InputText {
  text: string;
  /** 'UTF-8', or the legacy encoding the bytes were decoded from. */
  encoding: 'UTF-8' | 'EUC-KR (CP949)';
}

function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a directory';
  return 'not a regular file';
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/**
 * The bytes of `path`, at most `maxBytes`. Opens without blocking (a FIFO with no writer would
 * otherwise hang), checks the opened file is a regular file, then reads. Throws InputFileError:
 * "no such file", "is a FIFO (named pipe)", "is a character device", "is a directory",
 * "N MB is over the M MB limit".
 */
export function readBoundedBytes(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'ENXIO' ? 'not a regular file' : (code ?? String(err));
    throw new InputFileError(`cannot read ${path}: ${why}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputFileError(`cannot read ${path}: it is ${kindOf(st)}, not a regular file`);
    if (st.size > maxBytes) throw new InputFileError(`${mb(st.size)} is over the ${mb(maxBytes)} limit; simplify or clip it first`);
    // Read at most maxBytes + 1: a file that grows while read is still bounded.
    const buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let got = 0;
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buf, got, buf.length - got, null);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new InputFileError(`cannot read ${path}: ${code === 'EISDIR' ? 'is a directory' : (code ?? String(err))}`);
      }
      if (n === 0) break;
      got += n;
      if (got > maxBytes) throw new InputFileError(`over the ${mb(maxBytes)} limit; simplify or clip it first`);
      if (got === buf.length) break;
    }
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/**
 * Bytes → text. UTF-8 (a BOM is dropped); UTF-16 is refused by name; anything that is not valid
 * UTF-8 is tried as EUC-KR/CP949 and accepted only when that decodes without error and yields
 * Hangul. Otherwise throws InputFileError naming the offset of the first bad byte.
 */
export function decodeText(bytes: Buffer): InputText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputFileError('the file is UTF-16 text; save it as UTF-8');
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'UTF-8' };
  } catch {
    // fall through: not UTF-8
  }
  let korean: string | undefined;
  try {
    korean = new TextDecoder('euc-kr', { fatal: true }).decode(body);
  } catch {
    korean = undefined;
  }
  if (korean !== undefined && /[\uac00-\ud7a3]/.test(korean)) return { text: korean, encoding: 'EUC-KR (CP949)' };
  const bad = firstInvalidUtf8(body);
  throw new InputFileError(
    `not UTF-8 text (invalid byte 0x${(body[bad] ?? 0).toString(16).padStart(2, '0')} at byte ${bad + start}) and not EUC-KR/CP949 Korean text either; save it as UTF-8`,
  );
}

/** Offset of the first byte that makes `bytes` invalid UTF-8 (a simple scan; overlong forms not checked). */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return Math.max(0, bytes.length - 1);
}

/** readBoundedBytes + decodeText. */
export function readInputText(path: string, maxBytes: number): InputText {
  return decodeText(readBoundedBytes(path, maxBytes));
}
