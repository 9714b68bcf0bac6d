// Checks every JSON file a student or instructor opens goes through before its content is looked at: progress
// files (files/progress-file.ts) and hand-in files (src/handin/). Plain code with no imports, so the instructor's
// results page can use the same checks without loading anything of the progress store.

/** Keys that could reach Object.prototype if some code ever copied them carelessly: no file of ours has them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** A file's size, cheaply: characters never outnumber UTF-8 bytes, so a huge text is settled before encoding. */
export function textBytes(text: string, limit: number): number {
  return text.length > limit ? text.length : utf8Bytes(text);
}

export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The first forbidden key anywhere in a parsed value, found without recursion. */
export function findForbiddenKey(value: unknown): string | undefined {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) return key;
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
  return undefined;
}
