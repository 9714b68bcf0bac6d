import type { Grade, Question, Response } from '../../quiz';

// What the result line says. Pure, so the wording is tested without rendering.

export type VerdictKind = 'correct' | 'partial' | 'wrong';

export function verdictKind(grade: Grade): VerdictKind {
  if (grade.correct) return 'correct';
  return grade.score > 0 ? 'partial' : 'wrong';
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 of 3 right answers chosen" and the like: what was right in a partly right answer. */
export function partialDetail(question: Question, response: Response, grade: Grade): string {
  const parts = grade.parts ?? [];
  const right = parts.filter(Boolean).length;
  if (question.type === 'multiple' && response.type === 'multiple') {
    const picked = new Set(response.options);
    const needed = question.options.filter((o) => o.correct);
    const found = needed.filter((o) => picked.has(o.id)).length;
    const wrongPicks = question.options.filter((o) => !o.correct && picked.has(o.id)).length;
    const wrong = wrongPicks > 0 ? `, and ${count(wrongPicks, 'wrong one', 'wrong ones')}` : '';
    return `${found} of ${needed.length} right${wrong}`;
  }
  if (question.type === 'ordering') return `${right} of ${parts.length} in the right place`;
  if (question.type === 'matching') return `${right} of ${parts.length} pairs right`;
  return `${Math.round(grade.score * 100)}% right`;
}

export function verdictText(question: Question, response: Response, grade: Grade): string {
  const kind = verdictKind(grade);
  if (kind === 'correct') return 'Correct';
  if (kind === 'partial') return `Partly right: ${partialDetail(question, response, grade)}`;
  return 'Not quite';
}
