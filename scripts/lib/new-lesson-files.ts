// The three files `npm run new-lesson` writes, as text: a report, a stub lesson that reads it, and a
// starter checkpoint. Pure functions; scripts/lib/new-lesson.ts decides where they go.
import type { ArticleParts } from '../../src/lib/furniture.ts';
import { formatDay } from '../../src/lib/format.ts';

export interface NewLessonPlan {
  /** Id of the report and of its lesson, e.g. "report-c". */
  id: string;
  /** "Report C". */
  label: string;
  /** The lesson's title. */
  title: string;
  credit: string;
  /** YYYY-MM-DD. */
  published: string;
  /** File name of the text it was made from. */
  seed: string;
  sourceOrder: number;
  lessonOrder: number;
  article: ArticleParts;
}

export const quizIdOf = (id: string) => `${id}-checkpoint`;
export const objectiveIds = (id: string) => ({ whatHappened: `${id}-what-happened`, whoAndWhen: `${id}-who-and-when` });

/**
 * A YAML double-quoted string that reads back as exactly `text`: quotes, backslashes and every character
 * YAML would not keep as written (controls, line and paragraph separators, BOM, lone surrogates,
 * non-characters) are escaped; everything else, non-breaking spaces included, is kept as is.
 */
export function yamlString(text: string): string {
  let quoted = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') quoted += `\\${char}`;
    else if (
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x2028 ||
      code === 0x2029 ||
      code === 0xfeff ||
      (code >= 0xd800 && code <= 0xdfff) ||
      code === 0xfffe ||
      code === 0xffff
    )
      quoted += `\\u${code.toString(16).padStart(4, '0')}`;
    else quoted += char;
  }
  return `${quoted}"`;
}

export function sourceYaml(plan: NewLessonPlan): string {
  const { article } = plan;
  return [
    `# ${plan.label}: made by npm run new-lesson from ${plan.seed}, page furniture removed by src/lib/furniture.ts.`,
    `# Paragraphs are the report's words exactly; notes in content/annotations/${plan.id}.yaml anchor to them.`,
    "# Never re-type or reorder them: a paragraph's number is its address.",
    '',
    `label: ${yamlString(plan.label)}`,
    `title: ${yamlString(article.title)}`,
    ...(article.kicker ? [`kicker: ${yamlString(article.kicker)}`] : []),
    `credit: ${yamlString(plan.credit)}`,
    `published: ${yamlString(plan.published)}`,
    `seed: ${yamlString(plan.seed)}`,
    `order: ${plan.sourceOrder}`,
    'paragraphs:',
    ...article.paragraphs.map((paragraph) => `  - ${yamlString(paragraph)}`),
    '',
  ].join('\n');
}

export function lessonMdx(plan: NewLessonPlan): string {
  const objectives = objectiveIds(plan.id);
  return [
    '---',
    `title: ${yamlString(plan.title)}`,
    `order: ${plan.lessonOrder}`,
    `summary: ${yamlString(`A close reading of ${plan.label}: ${plan.article.title}.`)}`,
    'minutes: 20',
    'objectives:',
    `  - id: ${objectives.whatHappened}`,
    `    text: ${yamlString(`I can say in my own words what ${plan.label} reports: what happened, where and when.`)}`,
    `  - id: ${objectives.whoAndWhen}`,
    `    text: ${yamlString(`I can say who reported ${plan.label}, and when it was published.`)}`,
    `readings: [${plan.id}]`,
    'background: []',
    '---',
    '',
    `Open [${plan.label}](/reports/${plan.id}/) in a second tab and read it slowly. As you read, keep four questions in mind: **what** happened, **where**, **when**, and **who says so**.`,
    '',
    `<Quiz id="${quizIdOf(plan.id)}" />`,
    '',
  ].join('\n');
}

export function quizYaml(plan: NewLessonPlan): string {
  const objectives = objectiveIds(plan.id);
  const published = formatDay(plan.published);
  const weekBefore = formatDay(shiftDays(plan.published, -7));
  return [
    `# Starter checkpoint for lesson "${plan.id}", made by npm run new-lesson: rewrite or replace both questions.`,
    '# Question types and their fields: the instructor guide, /instructors/#questions (npm start, then open it).',
    `id: ${quizIdOf(plan.id)}`,
    `title: ${yamlString(`Checkpoint: ${plan.label}`)}`,
    'questions:',
    `  - id: ${plan.id}-main-news`,
    '    type: evidence',
    '    level: recall',
    `    objective: ${objectives.whatHappened}`,
    `    prompt: ${yamlString(`Which paragraph of ${plan.label} supports this claim?`)}`,
    `    claim: ${yamlString(`${plan.label} opens with its main news: what happened, where and when.`)}`,
    `    source: ${plan.id}`,
    '    paragraphs: [1]',
    `    hint: ${yamlString('News reports put the main news first: look for the paragraph that says what, where and when.')}`,
    `    explanation: ${yamlString(`Paragraph 1 of ${plan.label} gives the main news; the paragraphs after it add detail and background.`)}`,
    `    evidence: { source: ${plan.id}, paragraph: 1 }`,
    '',
    `  - id: ${plan.id}-published`,
    '    type: single',
    '    level: recall',
    `    objective: ${objectives.whoAndWhen}`,
    `    prompt: ${yamlString(`When was ${plan.label} published?`)}`,
    '    options:',
    '      - id: published',
    `        text: ${yamlString(published)}`,
    '        correct: true',
    '      - id: week-before',
    `        text: ${yamlString(weekBefore)}`,
    `        feedback: ${yamlString('Look at the date given with the report, above its first paragraph.')}`,
    `    explanation: ${yamlString(`${plan.label} was published on ${published}.`)}`,
    `    evidence: { source: ${plan.id}, paragraph: 1 }`,
    '',
  ].join('\n');
}

function shiftDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
