/**
 * Finds every source reference in a parsed data file — any `source: id` or `sources: [ids]`,
 * at any depth — with its path. Works on raw data, so files with shape errors still get their
 * references checked and every error is reported in one run.
 *
 * The walk keeps its own stack instead of recursing and never enters a collection that is
 * already on the current path, so neither deep nor self-containing data (both possible through
 * YAML aliases) can overflow the call stack or loop forever; readYamlFile refuses such data
 * anyway. A path is copied only for a reference found, so the work is linear in the data's size.
 */
export interface SourceRef {
  id: string;
  path: PropertyKey[];
}

interface Frame {
  keys: PropertyKey[];
  values: unknown[];
  next: number;
  value: object;
}

export function collectSourceRefs(data: unknown, path: PropertyKey[] = [], out: SourceRef[] = []): SourceRef[] {
  const at = [...path];
  const frames: Frame[] = [];
  const onPath = new Set<object>();
  const enter = (value: unknown): boolean => {
    if (value === null || typeof value !== 'object' || onPath.has(value)) return false;
    const keys: PropertyKey[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    const values: unknown[] = Array.isArray(value) ? value : Object.values(value);
    frames.push({ keys, values, next: 0, value });
    onPath.add(value);
    return true;
  };
  enter(data);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.next >= frame.values.length) {
      frames.pop();
      onPath.delete(frame.value);
      if (frames.length > 0) at.pop();
      continue;
    }
    const i = frame.next++;
    const key = frame.keys[i]!;
    const value = frame.values[i];
    if (!Array.isArray(frame.value) && key === 'source' && typeof value === 'string') {
      out.push({ id: value, path: [...at, key] });
    } else if (!Array.isArray(frame.value) && key === 'sources' && Array.isArray(value)) {
      value.forEach((id, j) => {
        if (typeof id === 'string') out.push({ id, path: [...at, key, j] });
      });
    } else if (enter(value)) at.push(key);
  }
  return out;
}
