import type { JsonValue } from '../schemas/progress';
import { pickedOf } from '../quiz/attribution';
import { isResponse } from '../quiz/response';
import type { ResponseLabels } from './course';

// A stored response in words, for "most chosen wrong response". The response comes from a student's file, so it is
// checked first and every id is looked up in the question as this page has it; the result is plain text, which
// the page always renders as text.

const MAX_TEXT = 200;
const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);

function lookup(table: Record<string, string> | undefined, id: string): string {
  return table && Object.hasOwn(table, id) ? table[id]! : `(“${clip(id)}”, no longer in the question)`;
}

export function responseText(labels: ResponseLabels, response: JsonValue): string {
  if (!isResponse(response) || response.type !== labels.type) return '(a response this page cannot read)';
  switch (response.type) {
    case 'single':
      return lookup(labels.texts, response.option);
    case 'multiple':
      return response.options.length === 0
        ? '(nothing ticked)'
        : response.options.map((id) => lookup(labels.texts, id)).join('; ');
    case 'truefalse':
      return response.value ? 'True' : 'False';
    case 'ordering':
      return response.order.map((id) => lookup(labels.texts, id)).join(' → ');
    case 'matching':
      return Object.entries(response.pairs)
        .map(([left, right]) => `${lookup(labels.texts, left)} → ${lookup(labels.right, right)}`)
        .join('; ');
    case 'numeric':
      return clip(labels.unit ? `${response.value} ${labels.unit}` : response.value);
    case 'text':
      return `“${clip(response.value)}”`;
    case 'evidence':
      return `Paragraph ${response.paragraph}`;
    case 'attribution': {
      // Read as the grader reads it, so an answer saved in the two-report form ({ choice: 'a' }) names its report.
      const picked = pickedOf(response, Object.keys(labels.texts));
      if (picked === undefined) return '(nothing ticked)';
      return picked.length === 0 ? 'None of them' : picked.map((id) => lookup(labels.texts, id)).join('; ');
    }
  }
}
