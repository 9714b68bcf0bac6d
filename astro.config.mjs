// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import contentCheck from './src/content-check/integration.ts';
import searchIndex from './src/search/integration.ts';

export default defineConfig({
  // Where the course is published. Only the LMS exports and worksheets need it (their evidence links must
  // be absolute); set COURSE_SITE_URL when building for publication.
  site: process.env.COURSE_SITE_URL || 'http://localhost:4321',
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
