/** The one error type of the export pipeline, with a code a caller can branch on. */

export type ExportErrorCode =
  /** The target exists and `force` was not given. */
  | 'EXISTS'
  /** The target is inside a directory exports must not write to (e.g. the app's data). */
  | 'FORBIDDEN'
  /** The target's directory does not exist. */
  | 'NO_DIRECTORY'
  /** The target's directory (or a parent) is not a directory, or the target is a directory. */
  | 'NOT_A_DIRECTORY'
  /** Something other than a regular file is at the target (symlink, device, FIFO, socket). */
  | 'NOT_A_REGULAR_FILE'
  /** The directory cannot be written to (permissions, read-only file system). */
  | 'UNWRITABLE'
  /** Any other failure while writing. */
  | 'WRITE_FAILED'
  /** Rendering (e.g. SVG → PNG) failed. */
  | 'RENDER';

export class ExportError extends Error {
  constructor(
    readonly code: ExportErrorCode,
    message: string,
    /** The path the error is about, when there is one. */
    readonly path?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ExportError';
  }
}
