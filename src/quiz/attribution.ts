// The choices of an attribution question ("which report says this?"), in a module of its own so the question
// schema (build time) and the browser's response checks both read them from one place without importing each other.

/** a = Report A, b = Report B. */
export const attributionChoices = ['a', 'b', 'both', 'neither'] as const;
