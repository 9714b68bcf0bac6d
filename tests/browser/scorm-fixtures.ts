// The SCORM packages as built into dist/exports/scorm/, and the largest progress a student could give each one,
// for the scorm-again browser test and the suspend_data size check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { AnswerRecord, Progress } from '../../src/progress/format';
import { answerKey, emptyProgress } from '../../src/progress/format';
import type { Response } from '../../src/schemas/question';
import type { PackageConfig, PackageQuestion } from '../../src/scorm/types';
import { distDir } from '../built-site.ts';

export const scormDir = join(distDir, 'exports/scorm');
export const LAUNCH = 'scorm-launch.html';

export function unzipPackage(name: string): Record<string, Uint8Array> {
  return unzipSync(readFileSync(join(scormDir, name)));
}

/** The runtime's configuration, as the launch page carries it. */
export function packageConfig(files: Record<string, Uint8Array>): PackageConfig {
  const html = strFromU8(files[LAUNCH]!);
  const json = /<script type="application\/json" id="scorm-package">(.*?)<\/script>/s.exec(html)![1]!;
  return JSON.parse(json) as PackageConfig;
}

/** The longest response a student can give each question: every option, every pair, a long typed answer. */
function longestResponse(q: PackageQuestion): Response {
  switch (q.type) {
    case 'single':
      return { type: 'single', option: q.ids!.at(-1)! };
    case 'multiple':
      return { type: 'multiple', options: [...q.ids!] };
    case 'ordering':
      return { type: 'ordering', order: [...q.ids!].reverse() };
    case 'matching':
      return { type: 'matching', pairs: Object.fromEntries(q.left!.map((l, i) => [l, q.right!.at(-1 - i)!])) };
    case 'truefalse':
      return { type: 'truefalse', value: false };
    case 'numeric':
      return { type: 'numeric', value: '2,500.75 rockets' };
    case 'text':
      // Longer than any accepted answer in the course, with characters that need escaping.
      return { type: 'text', value: 'Kata’ib Hezbollah; the “Islamic Resistance in Iraq”, & al-Nujaba' };
    case 'evidence':
      return { type: 'evidence', paragraph: 23 };
    case 'attribution':
      // Every report ticked, as the checkboxes write it (issue 13's form for any number of reports).
      return { type: 'attribution', reports: [...q.ids!] };
  }
}

/** Every question answered many times (a review box, a due date), every lesson opened and read: the most a package stores. */
export function fullestProgress(config: PackageConfig, now = Date.UTC(2026, 11, 1, 12)): Progress {
  const progress = emptyProgress(now);
  for (const lesson of config.lessons)
    progress.lessons[lesson] = { openedAt: now - 86_400_000, readAt: now - 3_600_000 };
  config.questions.forEach((q, i) => {
    const record: AnswerRecord = {
      hash: q.hash,
      response: longestResponse(q),
      correct: i % 2 === 0,
      score: i % 2 === 0 ? 1 : 1 / 3,
      attempts: 35,
      firstAt: now - 86_000_000 + i * 1_234,
      lastAt: now - 1_000 + i,
      firstTryRight: i % 3 === 0,
      roundAt: now - 50_000 + i,
      roundAttempts: 7,
      roundFirstRight: false,
      revealed: i % 4 === 1,
      box: 3,
      dueAt: now + 4 * 86_400_000 + i,
    };
    progress.answers[answerKey(q.lesson, q.id)] = record;
  });
  return progress;
}
