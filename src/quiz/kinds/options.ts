import type { QuestionOf } from '../../schemas/question';
import type { Grade } from './shared';

// Single and multiple choice share one rule: score = max(0, (right picks − wrong picks) / number correct).
// Picks are counted once each; an id that is no option is a wrong pick.
export function gradeOptions(question: QuestionOf<'single' | 'multiple'>, picks: readonly string[]): Grade {
  const picked = new Set(picks);
  const known = new Set(question.options.map((option) => option.id));
  const needed = question.options.filter((option) => option.correct).length;
  let rightPicks = 0;
  let wrongPicks = [...picked].filter((id) => !known.has(id)).length;
  const feedback: string[] = [];
  const parts = question.options.map((option) => {
    const isPicked = picked.has(option.id);
    if (isPicked && option.feedback) feedback.push(option.feedback);
    if (isPicked && option.correct) rightPicks++;
    if (isPicked && !option.correct) wrongPicks++;
    return isPicked === !!option.correct;
  });
  const correct = rightPicks === needed && wrongPicks === 0;
  const score = correct ? 1 : Math.max(0, (rightPicks - wrongPicks) / Math.max(needed, 1));
  return { correct, score, feedback, parts };
}
