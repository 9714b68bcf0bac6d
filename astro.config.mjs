// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import contentCheck from './src/content-check/integration.ts';
import searchIndex from './src/search/integration.ts';

export default defineConfig({
  site: 'https://course.invalid',
  trailingSlash: 'ignore',
  // contentCheck first: it lists every content problem before Astro reads the collections.
  // searchIndex runs after the build: Pagefind indexes the built pages (see src/search/).
  integrations: [contentCheck(), mdx(), svelte(), searchIndex()],
  // Shiki colours code with inline styles, which the strict CSP below forbids; code blocks stay plain.
  markdown: { syntaxHighlight: false },
  // Strict CSP: Astro hashes every inline script and style it emits and writes a <meta> policy.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
