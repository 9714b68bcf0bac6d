import type { ReadableAtom } from 'nanostores';
import { createSubscriber } from 'svelte/reactivity';
import { backups, progress, saveStatus } from '../../progress/browser-store';

// The progress store as values Svelte tracks: reading `.current` in markup, $derived or $effect subscribes
// (and the last reader leaving unsubscribes), like `$progress` would. Svelte's `$store` syntax ships its
// store-interop code in the runtime every island loads; createSubscriber is in that runtime already.

export interface Live<T> {
  readonly current: T;
}

function live<T>(store: ReadableAtom<T>): Live<T> {
  const subscribe = createSubscriber((update) => store.listen(update));
  return {
    get current() {
      subscribe();
      return store.get();
    },
  };
}

export const liveProgress = live(progress);
export const liveSaveStatus = live(saveStatus);
export const liveBackups = live(backups);
