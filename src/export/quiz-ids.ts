/** The quiz ids a lesson places, in order, read from `<Quiz id="…" />` in its MDX body. */
export function quizIdsIn(mdxBody: string): string[] {
  const ids: string[] = [];
  for (const match of mdxBody.matchAll(/<Quiz\s+id\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/g)) {
    const id = match[1] ?? match[2] ?? match[3];
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}
