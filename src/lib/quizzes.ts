/**
 * Lessons and their quizzes, turned into the plain-data props the quiz islands take. Build time only: this
 * module reads the content collections; the islands get its output, never its imports.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { EvidenceRef, Question, QuestionOf } from '../schemas';
import { questionHash, resolveAttribution, shownOrder } from '../quiz';
import { attributionFallback, attributionOptions } from '../quiz/attribution';
import type { EvidenceLink, ParagraphChoice, QuestionProps, QuestionRef } from '../components/quiz/types';
import { getLookups, getSources } from './course';
import { quizIdsIn } from './quiz-tags';
import { eventHref, placeHref, reportHref, termHref, topicHref } from './urls';

export type LessonEntry = CollectionEntry<'lessons'>;
export type QuizEntry = CollectionEntry<'quizzes'>;

export const lessonHref = (lessonId: string) => `/lessons/${lessonId}/`;

export async function getLessons(): Promise<LessonEntry[]> {
  return (await getCollection('lessons')).sort((a, b) => a.data.order - b.data.order);
}

export async function getQuiz(id: string): Promise<QuizEntry> {
  const quiz = await getEntry('quizzes', id);
  if (!quiz) {
    const known = (await getCollection('quizzes')).map((q) => q.id).sort();
    throw new Error(`<Quiz id="${id}" />: there is no content/quizzes/${id}.yaml. Known quizzes: ${known.join(', ')}`);
  }
  return quiz;
}

/** The quizzes of a lesson, in the order the lesson places them. */
export async function lessonQuizzes(lesson: LessonEntry): Promise<QuizEntry[]> {
  return Promise.all(quizIdsIn(lesson.body).map(getQuiz));
}

export function refOf(question: Question): QuestionRef {
  return { id: question.id, hash: questionHash(question) };
}

/** Every question of a lesson as {id, hash}: what its score and "mastered" are counted over. */
export async function lessonQuestionRefs(lesson: LessonEntry): Promise<QuestionRef[]> {
  return (await lessonQuizzes(lesson)).flatMap((quiz) => quiz.data.questions.map(refOf));
}

const PREVIEW_WORDS = 9;

/** A report's paragraphs as choices for evidence questions: number and first words. */
async function paragraphChoices(sourceId: string): Promise<ParagraphChoice[]> {
  const source = (await getSources()).find((s) => s.id === sourceId);
  if (!source) throw new Error(`an evidence question names source "${sourceId}", which is not in content/sources/`);
  return source.data.paragraphs.map((text, i) => {
    const words = text.split(/\s+/);
    const preview = words.length > PREVIEW_WORDS ? `${words.slice(0, PREVIEW_WORDS).join(' ')}…` : text;
    return { n: i + 1, preview, href: reportHref(source.id, i + 1) };
  });
}

/** "See the evidence: …" for a question: where the answer is shown, with words for the link. */
export async function evidenceLink(ref: EvidenceRef, questionId: string): Promise<EvidenceLink> {
  const missing = (what: string): never => {
    throw new Error(`question "${questionId}": its evidence points at ${what}, which does not exist`);
  };
  const { topics, terms, events, places } = await getLookups();
  if ('source' in ref) {
    const source = (await getSources()).find((s) => s.id === ref.source) ?? missing(`report "${ref.source}"`);
    return { href: reportHref(source.id, ref.paragraph), label: `${source.data.label}, paragraph ${ref.paragraph}` };
  }
  if ('topic' in ref) {
    const topic = topics.get(ref.topic) ?? missing(`background topic "${ref.topic}"`);
    return { href: topicHref(ref.topic), label: `Background: ${topic.data.title}` };
  }
  if ('term' in ref) {
    const term = terms.get(ref.term) ?? missing(`glossary term "${ref.term}"`);
    return { href: termHref(ref.term), label: `Glossary: ${term.term}` };
  }
  if ('event' in ref) {
    const event = events.get(ref.event) ?? missing(`timeline event "${ref.event}"`);
    return { href: eventHref(ref.event), label: `Timeline: ${event.title}` };
  }
  if ('place' in ref) {
    const place = places.get(ref.place) ?? missing(`place "${ref.place}"`);
    return { href: placeHref(ref.place), label: `Map: ${place.name}` };
  }
  const sources = await getSources();
  for (const file of await getCollection('annotations')) {
    const note = file.data.notes.find((n) => n.id === ref.note);
    if (!note) continue;
    const label = sources.find((s) => s.id === file.data.source)?.data.label ?? file.data.source;
    return {
      href: `${reportHref(file.data.source)}#note-${note.id}`,
      label: `${label}, the note on “${note.quote.exact}”`,
    };
  }
  return missing(`note "${ref.note}"`);
}

/** Everything one question island needs, as plain data. */
export async function questionProps(
  question: Question,
  lessonId: string,
  lessonQuestions: QuestionRef[],
  extra: Pick<QuestionProps, 'marksOpened' | 'position' | 'count'> = {},
): Promise<QuestionProps> {
  const props: QuestionProps = {
    // An attribution question gets its reports named (see resolveAttribution); its hash stays that of the
    // question as written, which students' saved answers are checked against.
    question: question.type === 'attribution' ? await resolvedAttribution(question, lessonId) : question,
    hash: questionHash(question),
    lessonId,
    lessonQuestions,
    evidence: await evidenceLink(question.evidence, question.id),
    ...extra,
  };
  const order = shownOrder(question);
  if (order) props.order = order;
  if (question.type === 'evidence') props.paragraphs = await paragraphChoices(question.source);
  if (props.question.type === 'attribution') {
    const sources = (await getSources()).map((s) => ({ id: s.id, label: s.data.label }));
    props.choices = attributionOptions(props.question, sources).map(({ id, text, correct }) => ({ id, text, correct }));
  }
  return props;
}

/**
 * The reports an attribution question is about when it names none: the lesson's readings when there are two or
 * more, else the course's reports in reading order. The content check applies the same rule (attributionFallback).
 */
export async function resolvedAttribution(question: QuestionOf<'attribution'>, lessonId: string) {
  const lesson = await getEntry('lessons', lessonId);
  const sources = (await getSources()).map((s) => s.id);
  return resolveAttribution(question, attributionFallback(lesson?.data.readings ?? [], sources));
}
