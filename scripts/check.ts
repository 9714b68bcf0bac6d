// `npm run check`: every content rule (the same check the build runs) first, printed within a couple of seconds, then
// `astro check` and `svelte-check` (types, about a minute); then a summary; exits 1 on any error. Warnings are printed
// but do not fail. `npm run check:content` is the content part alone, for instructors.
//   --update-ids   accept the question ids as they stand (rewrites content/.question-ids.json)
//   --no-types     skip the type checks (what npm run check:content runs)
//   --root DIR     check another course folder, one holding content/ (tests use fixture trees; COURSE_DIR also works)
// Plain TypeScript for Node 24: `node scripts/check.ts`.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import './lib/resolve-ts.ts';
import { courseFolder } from '../src/lib/course-folder.ts';

const { checkContentFolder, formatProblems, isError, manifestFile, summarize, updateQuestionIds } =
  await import('../src/content-check/index.ts');

const { values: flags } = parseArgs({
  options: {
    'update-ids': { type: 'boolean', default: false },
    'no-types': { type: 'boolean', default: false },
    root: { type: 'string' },
  },
});
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const root = resolve(flags.root ?? courseFolder(projectRoot));

let problems = checkContentFolder(root);
const contentErrors = problems.some(isError);
if (flags['update-ids']) {
  if (contentErrors) {
    console.error(`Not updating ${manifestFile}: fix the content errors below first, so no question is left out.\n`);
  } else {
    const count = updateQuestionIds(root);
    console.log(`Wrote ${count} question ids to ${manifestFile}: commit it with the content.\n`);
    problems = checkContentFolder(root);
  }
}
console.log(`Content (${flags['no-types'] ? 'npm run check:content' : 'then types'})\n\n${formatProblems(problems)}\n`);

let typesFailed = false;
let typesSummary = 'skipped (--no-types)';
if (!flags['no-types']) {
  // With content errors the integration would stop astro's sync, so types are checked against the last sync.
  const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
  // The .astro files (tsconfig.astro-check.json); svelte-check below checks the .ts, .js and .svelte files.
  const args = [
    astro,
    'check',
    '--minimumFailingSeverity',
    'error',
    '--tsconfig',
    'tsconfig.astro-check.json',
    ...(contentErrors ? ['--noSync'] : []),
  ];
  console.log(`Types (astro check${contentErrors ? ' --noSync, as the content has errors' : ''})\n`);
  // Types are the code's, checked in the project; COURSE_DIR makes astro's sync read the course being checked.
  const env = { ...process.env, COURSE_DIR: root };
  const run = spawnSync(process.execPath, args, {
    cwd: projectRoot,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(run.stdout ?? '');
  process.stderr.write(run.stderr ?? '');
  typesFailed = run.status !== 0;
  // eslint-disable-next-line no-control-regex
  const result = /Result \([^)]*\):\s*-\s*(\d+) errors?/.exec((run.stdout ?? '').replace(/\x1b\[[0-9;]*m/g, ''));
  typesSummary = result
    ? `${result[1]} error${result[1] === '1' ? '' : 's'}`
    : typesFailed
      ? `astro check failed (exit ${run.status ?? run.signal})`
      : 'no errors';
  if (typesFailed && result?.[1] === '0') typesSummary = `astro check failed (exit ${run.status})`;

  // astro check does not look inside .svelte files; svelte-check does, and checks the .ts and .js files too.
  console.log('\nTypes in Svelte islands, TypeScript and JavaScript (svelte-check)\n');
  const svelteCheck = fileURLToPath(new URL('../node_modules/svelte-check/bin/svelte-check', import.meta.url));
  const islands = spawnSync(process.execPath, [svelteCheck, '--tsconfig', './tsconfig.json', '--threshold', 'error'], {
    cwd: projectRoot,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(islands.stdout ?? '');
  process.stderr.write(islands.stderr ?? '');
  if (islands.status !== 0) {
    typesFailed = true;
    typesSummary += `; svelte-check failed (exit ${islands.status ?? islands.signal})`;
  }
}

const failed = contentErrors || typesFailed;
console.log(
  `\nSummary\n  content: ${summarize(problems)}\n  types:   ${typesSummary}\n${failed ? '\nCheck failed.' : '\nCheck passed.'}`,
);
process.exitCode = failed ? 1 : 0;
