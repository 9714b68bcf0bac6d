// Read by svelte-check, ESLint and the editor's Svelte tooling; Astro's own Svelte integration is set up in
// astro.config.mjs.
import { vitePreprocess } from '@astrojs/svelte';

export default { preprocess: vitePreprocess() };
