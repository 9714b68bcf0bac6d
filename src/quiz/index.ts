// The question engine: pure functions shared by the build (content checks) and the quiz islands.
// Nothing here imports zod; validate content with questionSchema/quizSchema from src/schemas at build time.
export type { Question, QuestionOf, Response } from '../schemas/question';
export { grade, type Grade } from './grade';
export { isAnswerable, whyUnanswerable } from './answerable';
export { attributionChoices } from './attribution';
export { isResponse } from './response';
export { answersMatch, normalizeAnswer } from './normalize';
export { parseNumber } from './parse-number';
export { questionHash } from './hash';
export { initialOrder, rightColumnOrder, seededShuffle, shownOrder } from './shuffle';
