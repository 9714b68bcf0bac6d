// `npm run new-lesson -- path/to/report.txt [options]`: see scripts/lib/new-lesson.ts.
// Plain TypeScript for Node 24 (`node scripts/new-lesson.ts`).
import { createInterface } from 'node:readline/promises';
import './lib/resolve-ts.ts';

const { newLesson } = await import('./lib/new-lesson.ts');

let prompt: ReturnType<typeof createInterface> | undefined;
try {
  process.exitCode = await newLesson(process.argv.slice(2), {
    isTTY: process.stdin.isTTY === true,
    ask: (question) =>
      (prompt ??= createInterface({ input: process.stdin, output: process.stdout })).question(question),
    out: (text) => console.log(text),
    err: (text) => console.error(text),
  });
} finally {
  prompt?.close();
}
