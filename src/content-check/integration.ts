/**
 * Runs the content check before Astro reads any content: a build (or `astro sync`) with errors stops, printing
 * every problem and nothing else (no "unhandled error" and stack trace, which read as a crash); warnings are
 * printed and let it through. The dev server lists problems, shows them on every page (src/layouts/Base.astro),
 * and checks again whenever a file under content/ changes. A build without the course's site address warns.
 */
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { courseFolder } from '../lib/course-folder';
import { siteAddress } from '../lib/site-address';
import { checkContentFolder, formatProblems, isError, summarize, type Problem } from './index';
import { setLiveProblems } from './live';

export interface ContentCheckOptions {
  /** Folder holding content/; defaults to COURSE_DIR or Astro's root. */
  root?: string;
  /**
   * Stops a build whose content has errors, after they are printed. The default ends the process with exit
   * code 1: throwing would make Astro wrap the list in "An unhandled error occurred" and a stack trace.
   */
  refuse?: (message: string) => never;
}

/** How long to wait after a change, so saving several files checks once. */
const SETTLE_MS = 100;

const exitQuietly = (): never => process.exit(1);

export default function contentCheck(options: ContentCheckOptions = {}): AstroIntegration {
  let root = options.root;
  const refuse = options.refuse ?? exitQuietly;
  return {
    name: 'content-check',
    hooks: {
      // config:setup runs before Astro syncs its collections (whose own schema errors stop at the first
      // entry, without a line); astro:build:start would run only after that sync.
      'astro:config:setup': ({ config, command, logger }) => {
        root ??= courseFolder(fileURLToPath(config.root));
        if (command === 'preview') return;
        // `astro sync` fails like a build, so `astro sync` alone can serve as a content check command.
        if (command === 'dev') return recheck(root, logger);
        const problems = checkContentFolder(root);
        if (problems.some(isError)) {
          const message = describe(problems);
          logger.error(`${message}\n\nThe site was not built. Fix the problems above and run the command again.`);
          refuse(message);
        }
        report(problems, logger);
        if (command === 'build') warnWithoutSite(root, logger);
      },
      'astro:server:setup': ({ server, logger }) => {
        const projectRoot = root ?? courseFolder();
        const contentDir = resolve(projectRoot, 'content');
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.add(contentDir);
        server.watcher.on('all', (_event: string, path: string) => {
          if (!resolve(path).startsWith(contentDir + sep)) return;
          clearTimeout(timer);
          timer = setTimeout(() => recheck(projectRoot, logger), SETTLE_MS);
        });
      },
      'astro:build:done': ({ logger }) => {
        // Said again at the end, where it is seen, not buried above the list of pages.
        if (root) warnWithoutSite(root, logger);
      },
    },
  };
}

function warnWithoutSite(root: string, logger: AstroIntegrationLogger): void {
  if (siteAddress(root).from !== 'unset') return;
  logger.warn(
    [
      '',
      '**********************************************************************************************',
      '  NO SITE ADDRESS: the exports, worksheets and answer keys link to http://localhost:4321,',
      '  which works only on this computer, and each says so on its first line.',
      '  Before publishing, set site: in content/course.yaml (e.g. site: https://course.example.org)',
      '  or COURSE_SITE_URL, and build again. See "Publish" in the instructor guide (/instructors/#publish).',
      '**********************************************************************************************',
    ].join('\n'),
  );
}

function describe(problems: readonly Problem[]): string {
  return `The course content has ${summarize(problems)}:\n\n${formatProblems(problems)}`;
}

function report(problems: readonly Problem[], logger: AstroIntegrationLogger): void {
  if (problems.length === 0) logger.info('content checked: no problems');
  else if (problems.some(isError)) logger.error(describe(problems));
  else logger.warn(describe(problems));
}

/** In dev, problems are shown (in the terminal and on every page) but never stop the server. */
function recheck(root: string, logger: AstroIntegrationLogger): void {
  try {
    const problems = checkContentFolder(root);
    setLiveProblems(problems);
    report(problems, logger);
  } catch (error) {
    // A dev server must survive a half-saved file; the next save checks again.
    logger.error(`content check failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
