/** A problem found in an input file, located precisely enough for an editor to jump to it. */
export interface LocatedError {
  file: string;
  line: number;
  col: number;
  /** Dotted path of the offending field, e.g. `prices[2].won`; `(file)` for whole-file problems. */
  field: string;
  message: string;
}

export function formatError(e: LocatedError): string {
  return `${e.file}:${e.line}:${e.col} ${e.field}: ${e.message}`;
}

export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? '(file)' : out;
}

export function sortErrors(errors: LocatedError[]): LocatedError[] {
  return errors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}

/** Thrown by loaders when input is unusable; carries every error found, not just the first. */
export class DataError extends Error {
  constructor(readonly errors: LocatedError[]) {
    super(errors.map(formatError).join('\n'));
    this.name = 'DataError';
  }
}
