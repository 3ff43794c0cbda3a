/**
 * Finds every source reference in a parsed data file — any `source: id` or `sources: [ids]`,
 * at any depth — with its path. Works on raw data, so files with shape errors still get their
 * references checked and every error is reported in one run.
 */
export interface SourceRef {
  id: string;
  path: PropertyKey[];
}

export function collectSourceRefs(data: unknown, path: PropertyKey[] = [], out: SourceRef[] = []): SourceRef[] {
  if (Array.isArray(data)) {
    data.forEach((item, i) => collectSourceRefs(item, [...path, i], out));
  } else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      if (key === 'source' && typeof value === 'string') out.push({ id: value, path: [...path, key] });
      else if (key === 'sources' && Array.isArray(value)) {
        value.forEach((id, i) => {
          if (typeof id === 'string') out.push({ id, path: [...path, key, i] });
        });
      } else collectSourceRefs(value, [...path, key], out);
    }
  }
  return out;
}
