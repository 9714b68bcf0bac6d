// Lets Node 24 run src/ modules directly: they import each other without extensions ("./load"), as Vite
// and Astro resolve them, while Node's own resolver needs the file name. Import this first, then load
// src/ modules with a dynamic import() so that they are resolved after the hook is in place.
import { registerHooks } from 'node:module';

const relative = /^\.\.?\//;
const hasExtension = /\.[cm]?[jt]sx?$|\.json$/;

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (!relative.test(specifier) || hasExtension.test(specifier)) throw error;
      for (const suffix of ['.ts', '/index.ts']) {
        try {
          return nextResolve(specifier + suffix, context);
        } catch {
          // try the next form
        }
      }
      throw error;
    }
  },
});
