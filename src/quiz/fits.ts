import type { Question, Response } from '../schemas/question';

// Whether a saved response can be shown as an answer to a question as it is now. A response saved for another
// version of the question (an item renamed, added or dropped) or edited by hand can name ids the question does
// not have, or leave out ones it has; shown, it would let the student neither finish nor remove what is wrong.

const unique = (ids: readonly string[]) => new Set(ids).size === ids.length;

export function fitsQuestion(question: Question, response: Response): boolean {
  if (response.type !== question.type) return false;
  switch (question.type) {
    case 'single':
      return response.type === 'single' && question.options.some((option) => option.id === response.option);
    case 'multiple': {
      if (response.type !== 'multiple' || !unique(response.options)) return false;
      const ids = new Set(question.options.map((option) => option.id));
      return response.options.every((id) => ids.has(id));
    }
    case 'ordering': {
      if (response.type !== 'ordering' || !unique(response.order)) return false;
      const ids = new Set(question.items.map((item) => item.id));
      return response.order.length === ids.size && response.order.every((id) => ids.has(id));
    }
    case 'matching': {
      if (response.type !== 'matching') return false;
      const left = new Set(question.left.map((item) => item.id));
      const right = new Set(question.right.map((item) => item.id));
      return Object.entries(response.pairs).every(([l, r]) => left.has(l) && right.has(r));
    }
    default:
      return true;
  }
}
