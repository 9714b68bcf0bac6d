// The review page's question data, fetched only when something is due: every course question as the props of
// its island, so the page itself stays small.
import type { APIRoute } from 'astro';
import { getLessons, lessonHref, lessonQuizzes, questionProps, refOf } from '../../lib/quizzes';

export const GET: APIRoute = async () => {
  const lessons: Record<string, { title: string; href: string; questions: { id: string; hash: string }[] }> = {};
  const questions: Record<string, unknown> = {};
  for (const lesson of await getLessons()) {
    const all = (await lessonQuizzes(lesson)).flatMap((quiz) => quiz.data.questions);
    const refs = all.map(refOf);
    lessons[lesson.id] = { title: lesson.data.title, href: lessonHref(lesson.id), questions: refs };
    for (const question of all) {
      const { lessonQuestions: _shared, ...props } = await questionProps(question, lesson.id, refs);
      questions[`${lesson.id}/${question.id}`] = props;
    }
  }
  return new Response(JSON.stringify({ lessons, questions }), { headers: { 'Content-Type': 'application/json' } });
};
