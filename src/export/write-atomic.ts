/**
 * Writes a file so that readers never see a half-written one and nothing is clobbered by
 * accident: data goes to a temporary file in the target's directory, which is then moved into
 * place. Without `force` an existing file is never replaced (the move is a hard link, which fails
 * if the name exists, so a file created meanwhile is not replaced either). The target is judged
 * by output-target.ts before anything is created: paths inside any of `forbiddenDirs` (after
 * resolving `..` and symlinks) are refused, and only a regular file is ever replaced, even with
 * `force` (never a symlink, device, FIFO or directory). Failures are ExportErrors naming the path; the temporary file is removed.
 * Generic: nothing here knows about exports.
 */
import { constants as fsc } from 'node:fs';
import { link, lstat, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { ExportError, type ExportErrorCode } from './errors.js';
import { sanitizeInline } from '../text/sanitize.js';
import { checkFileTarget } from './output-target.js';

export interface WriteAtomicOptions {
  /** Replace an existing file. */
  force?: boolean;
  /** Directories (and everything under them) that must not be written to. */
  forbiddenDirs?: string[];
  /** File mode for a new file (before umask); default 0o666. */
  mode?: number;
}

function errno(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

const show = (p: string) => sanitizeInline(p);

function fail(code: ExportErrorCode, message: string, path: string, cause?: unknown): never {
  throw new ExportError(code, message, path, cause === undefined ? undefined : { cause });
}

function directoryError(e: unknown, path: string, dir: string): never {
  const c = errno(e);
  if (c === 'ENOENT') fail('NO_DIRECTORY', `Cannot write ${show(path)}: directory ${show(dir)} does not exist`, path, e);
  if (c === 'ENOTDIR') fail('NOT_A_DIRECTORY', `Cannot write ${show(path)}: ${show(dir)} is not a directory`, path, e);
  if (c === 'EACCES' || c === 'EPERM')
    fail('UNWRITABLE', `Cannot write ${show(path)}: directory ${show(dir)} is not accessible (permission denied)`, path, e);
  fail('WRITE_FAILED', `Cannot write ${show(path)}: ${e instanceof Error ? e.message : String(e)}`, path, e);
}

function writeError(e: unknown, path: string, dir: string): never {
  if (e instanceof ExportError) throw e;
  const c = errno(e);
  if (c === 'EACCES' || c === 'EPERM' || c === 'EROFS')
    fail(
      'UNWRITABLE',
      `Cannot write ${show(path)}: directory ${show(dir)} is not writable (${c === 'EROFS' ? 'read-only file system' : 'permission denied'})`,
      path,
      e,
    );
  if (c === 'ENOSPC' || c === 'EDQUOT') fail('WRITE_FAILED', `Cannot write ${show(path)}: no space left on the device`, path, e);
  if (c === 'EISDIR') fail('NOT_A_DIRECTORY', `Cannot write ${show(path)}: it is a directory`, path, e);
  fail('WRITE_FAILED', `Cannot write ${show(path)}: ${e instanceof Error ? e.message : String(e)}`, path, e);
}

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch (e) {
    if (errno(e) === 'ENOENT') return false;
    throw e;
  }
}

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: WriteAtomicOptions = {},
): Promise<void> {
  const target = resolve(path);
  const dir = dirname(target);
  const name = basename(target);

  let realDir: string;
  try {
    realDir = await realpath(dir);
    if (!(await stat(realDir)).isDirectory()) fail('NOT_A_DIRECTORY', `Cannot write ${show(path)}: ${show(dir)} is not a directory`, path);
  } catch (e) {
    if (e instanceof ExportError) throw e;
    directoryError(e, path, dir);
  }

  // The shared target rules (forbidden directories, regular files only, no clobbering without
  // force), judged on the resolved directory before anything is created.
  const finalPath = join(realDir, name);
  checkFileTarget(path, { forbiddenDirs: options.forbiddenDirs ?? [], force: options.force ?? false });

  const temp = join(realDir, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const fh = await open(temp, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL, options.mode ?? 0o666);
    created = true;
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (options.force) {
      const now = await lstat(finalPath).catch(() => undefined);
      if (now && !now.isFile()) checkFileTarget(finalPath, { force: true });
      await rename(temp, finalPath);
      created = false;
    } else {
      try {
        await link(temp, finalPath); // fails with EEXIST if the name was taken meanwhile
      } catch (e) {
        const c = errno(e);
        if (c === 'EEXIST') fail('EXISTS', `Refusing to overwrite existing file ${show(path)} (use --force to replace it)`, path);
        // File systems without hard links: check, then rename (a small race, as any non-linking writer).
        if (c !== 'EPERM' && c !== 'ENOTSUP' && c !== 'EOPNOTSUPP' && c !== 'EXDEV' && c !== 'ENOSYS') throw e;
        if (await exists(finalPath))
          fail('EXISTS', `Refusing to overwrite existing file ${show(path)} (use --force to replace it)`, path);
        await rename(temp, finalPath);
        created = false;
      }
    }
  } catch (e) {
    writeError(e, path, dir);
  } finally {
    if (created) await unlink(temp).catch(() => undefined);
  }
  // Make the rename durable where the platform allows syncing a directory.
  try {
    const dh = await open(realDir, fsc.O_RDONLY);
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
  } catch {
    /* best effort */
  }
}
