/**
 * After the build: a SCORM 1.2 and a SCORM 2004 package for every lesson and for the whole course, written to
 * <outDir>/exports/scorm/. What each holds comes from /exports/scorm/packages.json (an endpoint that reads the
 * content collections), which is removed once read; the runtime is bundled here from src/scorm/runtime.ts,
 * so no page of the site ever loads it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
// Imported up front: by astro:build:done, Vite's module runner (which a dynamic import() here goes through) is closed.
import { build } from 'esbuild';
import { packageFiles, packageName, zipPackage, type PackageSpec } from './package';
import { SUSPEND_LIMIT } from './suspend';
import type { ScormVersion } from './types';

interface PackagesFile {
  masteryScore: number;
  siteUrl: string;
  packages: PackageSpec[];
}

export async function bundleRuntime(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./runtime.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: 'es2022',
    legalComments: 'none',
  });
  return result.outputFiles[0]!.text;
}

export default function scormPackages(): AstroIntegration {
  return {
    name: 'scorm-packages',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const listFile = join(outDir, 'exports/scorm/packages.json');
        const list = JSON.parse(readFileSync(listFile, 'utf8')) as PackagesFile;
        const runtime = await bundleRuntime();
        const versions: ScormVersion[] = ['1.2', '2004'];
        let bytes = 0;
        for (const spec of list.packages)
          for (const version of versions) {
            const { files } = packageFiles(outDir, spec, version, {
              runtime,
              masteryScore: list.masteryScore,
              siteUrl: list.siteUrl,
            });
            const zip = zipPackage(files);
            bytes += zip.length;
            mkdirSync(join(outDir, 'exports/scorm'), { recursive: true });
            writeFileSync(join(outDir, 'exports/scorm', packageName(spec.id, version)), zip);
          }
        rmSync(listFile);
        logger.info(
          `${list.packages.length * versions.length} SCORM packages (${Math.round(bytes / 1024)} KB; ` +
            `runtime ${(runtime.length / 1024).toFixed(1)} KB; suspend_data limits ${SUSPEND_LIMIT['1.2']}/${SUSPEND_LIMIT['2004']})`,
        );
      },
    },
  };
}
