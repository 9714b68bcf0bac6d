/** One thing wrong in the course's content, said so an instructor can find it and mend it. */
export interface Problem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line of the offending field or entry, when known. */
  line?: number;
  /** What is wrong, e.g. 'note "kalsu-explosion"'. */
  item?: string;
  message: string;
  fix: string;
}

/** Orders problems by file, then line, keeping the order found within a line. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        a.problem.file.localeCompare(b.problem.file) ||
        (a.problem.line ?? 0) - (b.problem.line ?? 0) ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}

/**
 * One block per problem, then a count:
 *
 *     content/annotations/report-a.yaml:12  note "kalsu-explosion"
 *       the quote "…" is not in report-a
 *       Fix: copy the words exactly from paragraph 6
 *
 *     3 problems in 2 files
 */
export function formatProblems(problems: readonly Problem[]): string {
  const blocks = sortProblems(problems).map((p) => {
    const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
    const head = p.item ? `${where}  ${p.item}` : where;
    return `${head}\n  ${p.message}\n  Fix: ${p.fix}`;
  });
  return [...blocks, summarize(problems)].join('\n\n');
}

export function summarize(problems: readonly Problem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  return `${plural(problems.length, 'problem')} in ${plural(files, 'file')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
