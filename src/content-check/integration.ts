/**
 * Runs the content check before Astro reads any content: a build (or `astro sync`) with errors fails
 * listing every problem; warnings are printed and let it through. The dev server lists problems and
 * checks again whenever a file under content/ changes.
 */
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkContentFolder, formatProblems, isError, summarize, type Problem } from './index';

export interface ContentCheckOptions {
  /** Project root holding content/; defaults to Astro's root. */
  root?: string;
}

/** How long to wait after a change, so saving several files checks once. */
const SETTLE_MS = 100;

export default function contentCheck(options: ContentCheckOptions = {}): AstroIntegration {
  let root = options.root;
  return {
    name: 'content-check',
    hooks: {
      // config:setup runs before Astro syncs its collections (whose own schema errors stop at the first
      // entry, without a line); astro:build:start would run only after that sync.
      'astro:config:setup': ({ config, command, logger }) => {
        root ??= fileURLToPath(config.root);
        if (command === 'preview') return;
        // `astro sync` fails like a build, so `astro sync` alone can serve as a content check command.
        if (command === 'dev') return recheck(root, logger);
        const problems = checkContentFolder(root);
        if (problems.some(isError)) throw new Error(describe(problems));
        report(problems, logger);
      },
      'astro:server:setup': ({ server, logger }) => {
        const projectRoot = root ?? process.cwd();
        const contentDir = resolve(projectRoot, 'content');
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.add(contentDir);
        server.watcher.on('all', (_event: string, path: string) => {
          if (!resolve(path).startsWith(contentDir + sep)) return;
          clearTimeout(timer);
          timer = setTimeout(() => recheck(projectRoot, logger), SETTLE_MS);
        });
      },
    },
  };
}

function describe(problems: readonly Problem[]): string {
  return `The course content has ${summarize(problems)}:\n\n${formatProblems(problems)}`;
}

function report(problems: readonly Problem[], logger: AstroIntegrationLogger): void {
  if (problems.length === 0) logger.info('content checked: no problems');
  else if (problems.some(isError)) logger.error(describe(problems));
  else logger.warn(describe(problems));
}

/** In dev, problems are shown but never stop the server. */
function recheck(root: string, logger: AstroIntegrationLogger): void {
  try {
    report(checkContentFolder(root), logger);
  } catch (error) {
    // A dev server must survive a half-saved file; the next save checks again.
    logger.error(`content check failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
