/**
 * One thing wrong in the course's content, said so an instructor can find it and mend it. An error stops
 * the build; a warning is printed but lets the build through (it flags something that may be intended).
 */
export interface Problem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line of the offending field or entry, when known. */
  line?: number;
  /** What is wrong, e.g. 'note "kalsu-explosion"'. */
  item?: string;
  message: string;
  fix: string;
  /** Absent means 'error'. */
  severity?: 'error' | 'warning';
}

export const isError = (problem: Problem): boolean => problem.severity !== 'warning';
export const isWarning = (problem: Problem): boolean => problem.severity === 'warning';

/** Orders problems errors first, then by file, then line, keeping the order found within a line. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        Number(isWarning(a.problem)) - Number(isWarning(b.problem)) ||
        a.problem.file.localeCompare(b.problem.file) ||
        (a.problem.line ?? 0) - (b.problem.line ?? 0) ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}

/**
 * One block per problem, errors first, then a count:
 *
 *     content/annotations/report-c.yaml:12  note "harbour-fire"
 *       the quote "…" is not in report-c
 *       Fix: copy the words exactly from paragraph 6
 *
 *     content/quizzes/l1-checkpoint.yaml:8  question "l1-sources"  (warning)
 *       …
 *
 *     1 error and 1 warning in 2 files
 */
export function formatProblems(problems: readonly Problem[]): string {
  const blocks = sortProblems(problems).map((p) => {
    const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
    const head = [where, p.item, isWarning(p) ? '(warning)' : undefined].filter(Boolean).join('  ');
    return `${head}\n  ${p.message}\n  Fix: ${p.fix}`;
  });
  return [...blocks, summarize(problems)].join('\n\n');
}

/** "3 errors in 2 files", "1 error and 2 warnings in 3 files", "no problems". */
export function summarize(problems: readonly Problem[]): string {
  if (problems.length === 0) return 'no problems';
  const errors = problems.filter(isError).length;
  const warnings = problems.length - errors;
  const counts = [
    errors > 0 ? plural(errors, 'error') : undefined,
    warnings > 0 ? plural(warnings, 'warning') : undefined,
  ].filter(Boolean);
  const files = new Set(problems.map((p) => p.file)).size;
  return `${counts.join(' and ')} in ${plural(files, 'file')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
