/**
 * The one check of a write target, shared by `export -o`, `export --pack`, the app's `e` key and
 * `geo import --out`. It runs before anything is created and creates nothing itself.
 *
 * A target is judged by where it really is: the deepest existing ancestor is resolved with
 * realpath (so `..` and symlinked directories cannot smuggle a write into a forbidden directory),
 * then the rest of the path is appended. The last component is never followed: if it exists it
 * must be a regular file (for a file target) or a directory (for a directory target) — a symlink,
 * device, FIFO or socket is refused even with `force`, so `-o /dev/null --force` cannot replace
 * /dev/null and a planted symlink cannot redirect the write.
 */
import { lstatSync, realpathSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { ExportError } from './errors.js';
import { sanitizeInline } from '../text/sanitize.js';

export interface TargetRules {
  /** Directories (and everything under them) that must not be written to. */
  forbiddenDirs?: readonly string[];
  /** An existing regular file may be replaced. Never anything else. */
  force?: boolean;
  /** Files the target must not be (e.g. the input of `geo import`), compared after resolving. */
  notSameAs?: readonly string[];
}

const show = (p: string) => sanitizeInline(p);

function errno(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

function lstatOrUndefined(p: string): Stats | undefined {
  try {
    return lstatSync(p);
  } catch (e) {
    if (errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR') return undefined;
    throw e;
  }
}

/**
 * `path` (made absolute) with the symlinks of its deepest existing ancestor resolved; the
 * components below that ancestor are appended unresolved (they do not exist yet). When the path
 * itself exists and `followLast` is false, only its directory is resolved.
 */
export function resolvedTarget(path: string, followLast = false): string {
  const abs = resolve(path);
  if (!followLast) {
    const dir = dirname(abs);
    return dir === abs ? abs : join(resolvedTarget(dir, true), basename(abs));
  }
  let existing = abs;
  const rest: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(existing), ...rest);
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return abs;
      rest.unshift(basename(existing));
      existing = parent;
    }
  }
}

/** True when `child` is `parent` or below it (both absolute, already resolved). */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !rel.startsWith(sep));
}

function checkForbidden(shown: string, real: string, rules: TargetRules): void {
  for (const forbidden of rules.forbiddenDirs ?? []) {
    const realForbidden = resolvedTarget(forbidden, true);
    if (isInside(real, realForbidden) || isInside(real, resolve(forbidden)))
      throw new ExportError('FORBIDDEN', `Refusing to write ${show(shown)}: it is inside ${show(forbidden)}, which must not be written to`, shown);
  }
  for (const other of rules.notSameAs ?? []) {
    if (real === resolvedTarget(other, true)) throw new ExportError('FORBIDDEN', `Refusing to write ${show(shown)}: it is the input file`, shown);
  }
}

/**
 * Checks that a file may be written at `path`; returns its resolved absolute path (directory
 * symlinks resolved, the file name itself not followed). Throws ExportError: FORBIDDEN (inside a
 * forbidden directory, or the input), NOT_A_REGULAR_FILE (a symlink, device, FIFO or socket is
 * there), NOT_A_DIRECTORY (a directory is there), EXISTS (a regular file is there and `force` is
 * not set). Does not check that the directory exists or is writable: the write reports that.
 */
export function checkFileTarget(path: string, rules: TargetRules = {}): string {
  const real = resolvedTarget(path);
  checkForbidden(path, real, rules);
  let st: Stats | undefined;
  try {
    st = lstatOrUndefined(real);
  } catch {
    return real; // unreadable parent: the write itself reports it
  }
  if (st) {
    if (st.isDirectory()) throw new ExportError('NOT_A_DIRECTORY', `Cannot write ${show(path)}: it is a directory`, path);
    if (!st.isFile())
      throw new ExportError('NOT_A_REGULAR_FILE', `Refusing to replace ${show(path)}: it is ${kindOf(st)}, not a regular file (not even with --force)`, path);
    if (!rules.force) throw new ExportError('EXISTS', `Refusing to overwrite existing file ${show(path)} (use --force to replace it)`, path);
  }
  return real;
}

/**
 * Checks that a directory may be created or written into at `path` (as `--pack DIR`); returns
 * its resolved absolute path (an existing symlink to a directory is followed, so the files land
 * where they really are, and that place is what is judged). Throws ExportError FORBIDDEN or
 * NOT_A_DIRECTORY (something other than a directory is there). Creates nothing.
 */
export function checkDirTarget(path: string, rules: TargetRules = {}): string {
  const real = resolvedTarget(path, true);
  checkForbidden(path, real, rules);
  const st = lstatOrUndefined(real);
  if (st && !st.isDirectory()) throw new ExportError('NOT_A_DIRECTORY', `Cannot write into ${show(path)}: it is ${kindOf(st)}, not a directory`, path);
  // Every missing component will be created: none of them may already be a non-directory.
  return real;
}

function kindOf(st: Stats): string {
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a directory';
  if (st.isFile()) return 'a regular file';
  return 'not a regular file';
}
