/**
 * Where each kind of content lives. Every page and island builds links through these, so an address
 * changes in one place. Fragment ids: paragraphs `p{n}` (1-based), terms `term-{id}`, events
 * `event-{id}`, places `place-{id}`.
 */
export const reportHref = (sourceId: string, paragraph?: number) =>
  `/reports/${sourceId}/${paragraph === undefined ? '' : `#p${paragraph}`}`;
export const topicHref = (topicId: string) => `/background/${topicId}/`;
export const termHref = (termId: string) => `/glossary/#term-${termId}`;
export const eventHref = (eventId: string) => `/timeline/#event-${eventId}`;
export const placeHref = (placeId: string) => `/map/#place-${placeId}`;
