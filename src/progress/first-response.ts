import type { AnswerRecord, JsonValue } from './format';
import { canonical } from './canonical';

// Its own module, apart from merge.ts: recording an answer needs these on every lesson page, while merging loads
// only when another copy appears (uncommon.ts), and the hand-in reads them too.

/**
 * The response of the first attempt at the answer's version of the question; null when it is not known. It is
 * stored only once there is a second attempt (applyAnswer): while there is one, it is `response`. So answers saved
 * before the field existed hold it in the same way, and need no upgrade.
 */
export const firstResponseOf = (answer: AnswerRecord): JsonValue =>
  answer.firstResponse ?? (answer.attempts === 1 ? answer.response : null);

/** `answer` holding `first` as its first response, in the one form applyAnswer and merging both write (see merge.ts). */
export function withFirstResponse({ firstResponse: _old, ...answer }: AnswerRecord, first: JsonValue): AnswerRecord {
  return first === null ||
    (answer.attempts === 1 && (first === answer.response || canonical(first) === canonical(answer.response)))
    ? answer
    : { ...answer, firstResponse: first };
}
