import type { QuestionOf, ResponseOf } from '../../schemas/question';
import { parseNumber } from '../parse-number';
import { allOrNothing, type Kind } from './shared';

export const numericKind: Kind<QuestionOf<'numeric'>, ResponseOf<'numeric'>> = {
  grade(q, r) {
    const parsed = parseNumber(r.value, q.unit);
    // The small allowance absorbs binary rounding (0.1 + 0.2), never a real difference.
    const slack = q.tolerance + 1e-9 * Math.max(1, Math.abs(q.answer));
    return allOrNothing(parsed.ok && Math.abs(parsed.value - q.answer) <= slack);
  },
  why(q, r) {
    const parsed = parseNumber(r.value, q.unit);
    return parsed.ok ? null : parsed.error;
  },
};
