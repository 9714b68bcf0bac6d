// JSON with object keys sorted (and undefined members left out, as JSON.stringify does), so two values that mean
// the same give the same text: tie-breaking in merges, grouping responses, and checksums that must not depend on the
// order a program wrote the keys in. Question hashes keep their own form (src/quiz/hash.ts), which also folds spaces.

export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
