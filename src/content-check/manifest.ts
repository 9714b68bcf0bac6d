/**
 * content/.question-ids.json remembers every question id the course has published, with the hash of what
 * the question asks (src/quiz/hash.ts) and the lesson it is in. Students' answers are saved under
 * "lesson/question", so renaming a question or moving it to another lesson silently orphans them; the
 * manifest lets the check notice a question whose id changed but whose text did not.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { questionHash } from '../quiz/hash';
import { lineOf, type LoadedContent } from './load';
import type { Problem } from './problem';

export const manifestFile = 'content/.question-ids.json';
const acceptCommand = 'npm run check -- --update-ids';

export interface ManifestEntry {
  hash: string;
  /** The lesson that places the question's quiz; absent while the quiz is placed in none. */
  lesson?: string;
}
export type Manifest = Record<string, ManifestEntry>;

/** The manifest as the content stands now. */
export function currentManifest(content: LoadedContent): Manifest {
  const lessonOf = new Map<string, string>();
  for (const { quiz, lesson } of content.placements) if (!lessonOf.has(quiz)) lessonOf.set(quiz, lesson);
  const manifest: Manifest = Object.create(null);
  for (const quiz of content.quizzes) {
    for (const question of quiz.data.questions) {
      if (Object.hasOwn(manifest, question.id)) continue;
      const lesson = lessonOf.get(quiz.id);
      manifest[question.id] = { hash: questionHash(question), ...(lesson ? { lesson } : {}) };
    }
  }
  return manifest;
}

export function readManifest(root: string): { manifest?: Manifest; problems: Problem[] } {
  const path = join(root, manifestFile);
  if (!existsSync(path)) return { problems: [] };
  const unreadable = (why: string): { problems: Problem[] } => ({
    problems: [
      {
        file: manifestFile,
        severity: 'warning',
        message: `the list of published question ids cannot be read (${why}), so renamed questions go unnoticed`,
        fix: `run ${acceptCommand} to write it again`,
      },
    ],
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return unreadable(error instanceof Error ? error.message : String(error));
  }
  const questions = isRecord(parsed) ? parsed.questions : undefined;
  if (!isRecord(questions)) return unreadable('it has no "questions"');
  const manifest: Manifest = Object.create(null);
  for (const [id, entry] of Object.entries(questions)) {
    if (!isRecord(entry) || typeof entry.hash !== 'string') return unreadable(`the entry for "${id}" has no hash`);
    manifest[id] = { hash: entry.hash, ...(typeof entry.lesson === 'string' ? { lesson: entry.lesson } : {}) };
  }
  return { manifest, problems: [] };
}

/** Stable text (sorted ids, one per line) so the file diffs well in review. */
export function formatManifest(manifest: Manifest): string {
  const questions: Record<string, ManifestEntry> = {};
  for (const id of Object.keys(manifest).sort()) questions[id] = manifest[id];
  const about = `Question ids students' answers are saved under, with the hash of each question. Written by ${acceptCommand}; commit it.`;
  return `${JSON.stringify({ about, questions }, null, 2)}\n`;
}

export function writeManifest(root: string, manifest: Manifest): void {
  writeFileSync(join(root, manifestFile), formatManifest(manifest));
}

/** Warnings for questions that look renamed (same hash, new id) or moved to another lesson since the manifest. */
export function checkQuestionIds(content: LoadedContent, manifest: Manifest): Problem[] {
  const problems: Problem[] = [];
  const now = currentManifest(content);
  const goneByHash = new Map<string, string[]>();
  for (const [id, entry] of Object.entries(manifest)) {
    if (!Object.hasOwn(now, id)) goneByHash.set(entry.hash, [...(goneByHash.get(entry.hash) ?? []), id]);
  }
  const renamed = new Set<string>();
  for (const quiz of content.quizzes) {
    quiz.data.questions.forEach((question, index) => {
      const current = now[question.id];
      const base = {
        file: quiz.file,
        line: lineOf(quiz, `questions.${index}.id`),
        item: `question "${question.id}"`,
        severity: 'warning' as const,
      };
      const before = Object.hasOwn(manifest, question.id) ? manifest[question.id] : undefined;
      if (!before) {
        const old = goneByHash.get(current.hash);
        if (!old) return;
        old.forEach((id) => renamed.add(id));
        const named = old.map((id) => `"${id}"`).join(' or ');
        problems.push({
          ...base,
          message: `question "${question.id}" looks like ${named} renamed: students' answers to ${named} will no longer count`,
          fix: `keep the old id ${named}, or run ${acceptCommand} to accept`,
        });
      } else if (before.lesson && current.lesson && before.lesson !== current.lesson) {
        problems.push({
          ...base,
          message: `question "${question.id}" moved from lesson "${before.lesson}" to lesson "${current.lesson}": students' answers, saved under lesson "${before.lesson}", will no longer count`,
          fix: `move its quiz back, or run ${acceptCommand} to accept`,
        });
      }
    });
  }
  // Deleted (or renamed and changed): the students who answered it have an answer that no longer counts, and their
  // lesson's count changes under them ("2 of 12" done becomes "1 of 11").
  for (const [id, entry] of Object.entries(manifest)) {
    if (Object.hasOwn(now, id) || renamed.has(id)) continue;
    problems.push({
      file: manifestFile,
      item: `question "${id}"`,
      severity: 'warning',
      message: `question "${id}"${entry.lesson ? ` of lesson "${entry.lesson}"` : ''} was published but is in no quiz now: students' answers to it will be hidden, and their lesson's count of questions done will change`,
      fix: `put the question back under its id "${id}", or run ${acceptCommand} to accept that it is gone`,
    });
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
