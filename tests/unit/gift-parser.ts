/**
 * A small reader of Moodle GIFT, written for the tests from the format's documentation and Moodle's own
 * importer (question/format/gift/format.php): escaped characters are set aside first, then a question is
 * `::title::text{answers####general feedback}`, and its type is told from the answers as Moodle tells it.
 * It reads back what src/export/gift.ts writes, so the tests can check that nothing changes on the way.
 */

export interface GiftAnswer {
  text: string;
  /** Percent: 100 for "=", 0 for "~", or the %weight% given. */
  weight: number;
  feedback?: string;
}

export type GiftQuestion = {
  title: string;
  /** The text format marker, e.g. "plain", if any. */
  format?: string;
  text: string;
  generalFeedback?: string;
  category?: string;
} & (
  | { type: 'multichoice'; single: boolean; answers: GiftAnswer[] }
  | { type: 'truefalse'; answer: boolean; wrongFeedback?: string; rightFeedback?: string }
  | { type: 'match'; pairs: { left: string; right: string }[] }
  | { type: 'numerical'; answer: number; tolerance: number }
  | { type: 'shortanswer'; answers: GiftAnswer[] }
);

export interface GiftFile {
  questions: GiftQuestion[];
  comments: string[];
  categories: string[];
}

// Escapes become private-use characters while the syntax is read, then turn back into the characters.
const ESCAPES: Record<string, string> = {
  '\\': '\uE000',
  '~': '\uE001',
  '=': '\uE002',
  '#': '\uE003',
  '{': '\uE004',
  '}': '\uE005',
  ':': '\uE006',
  n: '\uE007',
};
const UNESCAPES: Record<string, string> = Object.fromEntries(
  Object.entries(ESCAPES).map(([char, mark]) => [mark, char === 'n' ? '\n' : char]),
);

function protect(text: string): string {
  return text.replace(/\\([\\~=#{}:n])/g, (_, char: string) => ESCAPES[char]!);
}
/** Turns escapes back into characters; a reserved character left unescaped is an error, as the format says. */
function restore(text: string): string {
  const reserved = /[~=#{}:]/.exec(text);
  if (reserved) throw new Error(`unescaped "${reserved[0]}" in: ${text}`);
  return text.replace(/[\uE000-\uE007]/g, (mark) => UNESCAPES[mark]!).trim();
}

/** Splits "text#feedback" at the first unescaped #. */
function withFeedback(raw: string): { text: string; feedback?: string } {
  const at = raw.indexOf('#');
  if (at === -1) return { text: restore(raw) };
  return { text: restore(raw.slice(0, at)), feedback: restore(raw.slice(at + 1)) };
}

/** "=a ~b" → ["=a", "~b"], cutting before every unescaped = or ~ (after protect()). */
function splitAnswers(raw: string, markers: RegExp): string[] {
  return raw
    .split(markers)
    .map((part) => part.trim())
    .filter(Boolean);
}

function parseQuestion(block: string, category?: string): GiftQuestion {
  let text = protect(block.trim());
  let title = '';
  if (text.startsWith('::')) {
    const end = text.indexOf('::', 2);
    if (end === -1) throw new Error(`unterminated title in: ${block}`);
    title = restore(text.slice(2, end));
    text = text.slice(end + 2);
  }
  const open = text.indexOf('{');
  const close = text.lastIndexOf('}');
  if (open === -1 || close < open) throw new Error(`no answer block in: ${block}`);
  if (text.indexOf('{', open + 1) !== -1 || text.indexOf('}') !== close)
    throw new Error(`an unescaped brace in: ${block}`);
  let questionText = text.slice(0, open).trim();
  let format: string | undefined;
  const marker = /^\[(\w+)\]/.exec(questionText);
  if (marker) {
    format = marker[1];
    questionText = questionText.slice(marker[0].length);
  }
  let answers = text.slice(open + 1, close).trim();
  let generalFeedback: string | undefined;
  const general = answers.lastIndexOf('####');
  if (general !== -1) {
    generalFeedback = restore(answers.slice(general + 4));
    answers = answers.slice(0, general).trim();
  }
  const common = { title, format, text: restore(questionText), generalFeedback, category };

  if (answers.startsWith('#')) {
    const [answer, tolerance = '0'] = answers.slice(1).trim().split(':');
    return { ...common, type: 'numerical', answer: Number(answer), tolerance: Number(tolerance) };
  }
  if (answers.includes('~')) {
    const parts = splitAnswers(answers, /(?=[=~])/);
    return {
      ...common,
      type: 'multichoice',
      single: answers.includes('='),
      answers: parts.map((part) => {
        const weighted = /^~%(-?\d+(?:\.\d+)?)%/.exec(part);
        const weight = part.startsWith('=') ? 100 : weighted ? Number(weighted[1]) : 0;
        return { ...withFeedback(part.slice(weighted ? weighted[0].length : 1)), weight };
      }),
    };
  }
  if (answers.includes('=') && answers.includes('->')) {
    return {
      ...common,
      type: 'match',
      pairs: splitAnswers(answers, /(?==)/).map((part) => {
        const [left, right] = part.slice(1).split('->');
        if (right === undefined) throw new Error(`a matching pair without -> in: ${block}`);
        return { left: restore(left!), right: restore(right) };
      }),
    };
  }
  const [head, wrong, right, ...extra] = answers.split('#');
  if (extra.length) throw new Error(`too many # in: ${block}`);
  if (['T', 'TRUE', 'F', 'FALSE'].includes(head!.trim())) {
    return {
      ...common,
      type: 'truefalse',
      answer: head!.trim().startsWith('T'),
      wrongFeedback: wrong === undefined ? undefined : restore(wrong),
      rightFeedback: right === undefined ? undefined : restore(right),
    };
  }
  return {
    ...common,
    type: 'shortanswer',
    answers: splitAnswers(answers, /(?==)/).map((part) => ({ ...withFeedback(part.slice(1)), weight: 100 })),
  };
}

/** Reads a whole GIFT file: questions are separated by blank lines; `//` lines are comments. */
export function parseGift(source: string): GiftFile {
  const file: GiftFile = { questions: [], comments: [], categories: [] };
  let category: string | undefined;
  for (const block of source.split(/\n\s*\n/)) {
    const lines: string[] = [];
    for (const line of block.split('\n')) {
      if (line.trim().startsWith('//')) file.comments.push(line.trim().slice(2).trim());
      else lines.push(line);
    }
    const text = lines.join('\n').trim();
    if (!text) continue;
    if (text.startsWith('$CATEGORY:')) {
      category = text.slice('$CATEGORY:'.length).trim();
      file.categories.push(category);
      continue;
    }
    file.questions.push(parseQuestion(text, category));
  }
  return file;
}
