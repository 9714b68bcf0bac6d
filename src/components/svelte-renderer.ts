import { hydrate, unmount, type Component } from 'svelte';

// What Astro's island loader calls to wake a Svelte island, in place of @astrojs/svelte's own client renderer
// (astro.config.mjs points its import here). That one also turns slotted children into Svelte snippets, keeps props
// in a $state proxy so they can be replaced later, and mounts client:only islands: none of which these islands use
// (no children, props fixed at build, always rendered on the server), and all of it in the chunk every island
// loads. This only hydrates, and unmounts when Astro says so.

export default (element: HTMLElement) =>
  async (component: Component<Record<string, unknown>>, props: Record<string, unknown>): Promise<void> => {
    if (!element.hasAttribute('ssr')) return;
    const instance = hydrate(component, { target: element, props });
    element.addEventListener('astro:unmount', () => void unmount(instance), { once: true });
  };
