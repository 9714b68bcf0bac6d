import { mergeProgress, sameProgress } from './merge';
import { migrate, type Upgrade } from './migrate';
import { migrations } from './migrations';

// What the progress store needs only off a lesson page's common path: merging with what another tab wrote (or
// with the older answers' key, kept once there are over a thousand answers), and upgrading a text saved in an
// older format. A single tab reading and writing current-format progress runs none of it, so the page's store
// (browser-store.ts) fetches this module with import() the first time it is needed; until it is here, nothing
// that needs it is read or written (store.ts, storage.ts). The progress page, SCORM packages and tests give it
// outright.

/** The product's format upgrades, for decode.ts. */
const upgrade: Upgrade = (doc, from, to) => migrate(doc, from, migrations, to);

export const uncommon = { mergeProgress, sameProgress, upgrade };

export type Uncommon = typeof uncommon;
