// Every content schema lives here, shared by the Astro collections, the content checks and the browser.
export * from './common';
export * from './reference';
export * from './source';
export * from './annotation';
export * from './topic';
export * from './glossary';
export * from './place';
export * from './timeline';
export * from './lesson';
export * from './question';
export * from './progress';
export * from './course';
