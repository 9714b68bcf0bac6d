import type { QuestionOf, ResponseOf } from '../../schemas/question';
import { pickedOf } from '../attribution';
import { allOrNothing, own, type Kind } from './shared';

// Attribution: which of the lesson's reports say this (MultipleQuestion.svelte, as checkboxes). The question is
// resolved at build time (resolveAttribution): reports named, answer a list, feedback keyed by the reports
// ticked ("herald+city-radio", or "none").

/** Also the attribution control's instruction (MultipleQuestion.svelte): one string in the bundle. */
export const ATTRIBUTION_HINT = 'Tick every report that says it, or “None of them”.';

export const attributionKind: Kind<QuestionOf<'attribution'>, ResponseOf<'attribution'>> = {
  // All or nothing: the reports ticked must be exactly those that say it. Parts mark each report in order.
  grade(q, r) {
    const reports = q.reports ?? [];
    const answer = typeof q.answer === 'string' ? [] : q.answer;
    const picked = pickedOf(r, reports) ?? [];
    const parts = reports.map((report) => picked.includes(report) === answer.includes(report));
    const key = picked.length > 0 ? picked.join('+') : 'none';
    return { ...allOrNothing(parts.length > 0 && parts.every(Boolean), own(q.feedback, key)), parts };
  },
  why: (q, r) => (pickedOf(r, q.reports ?? []) === undefined ? ATTRIBUTION_HINT : null),
};
