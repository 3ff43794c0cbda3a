/** A name the user typed that names no place, or more than one (exit 1). */
export class LookupError extends Error {
  override name = 'LookupError';
}
