/**
 * The pages' one way into the content collections: lists in reading order, lookups by id, notes with
 * their anchors resolved, and the reverse index of which report paragraphs point at what.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Annotation } from '../schemas';
import { anchorQuote } from './anchoring';
import { compareCertainOrder, parseEventDate, type EventDate } from './event-date';
import { countWords, readingMinutes } from './format';
import { reportHref } from './urls';

export type CourseInfo = CollectionEntry<'course'>['data'];
export type SourceEntry = CollectionEntry<'sources'>;
export type TopicEntry = CollectionEntry<'topics'>;
export type Term = CollectionEntry<'glossary'>['data'];
export type Event = CollectionEntry<'timeline'>['data'];
export type Place = CollectionEntry<'places'>['data'];
export type Reference = CollectionEntry<'references'>['data'];

/** A note placed in its report: which paragraph (0-based), which characters, and its reading-order number. */
export interface PlacedNote extends Annotation {
  paragraph: number;
  start: number;
  end: number;
  /** 1-based, in the order a reader meets the notes. */
  number: number;
}

/** A report paragraph that a note points from, for "Annotated in" and "Notes that link here". */
export interface BackLink {
  href: string;
  /** e.g. "Report A ¶3" */
  label: string;
  sourceId: string;
  paragraph: number;
  noteId: string;
  quote: string;
}

/** content/course.yaml: the course's name and the words its home page and footer say. */
export async function getCourse(): Promise<CourseInfo> {
  const entry = await getEntry('course', 'course');
  // The content check refuses a build without content/course.yaml, so this is reached only if it was skipped.
  if (!entry) throw new Error('content/course.yaml is missing: copy the skeleton from /instructors/#course');
  return entry.data;
}

export async function getSources(): Promise<SourceEntry[]> {
  return (await getCollection('sources')).sort((a, b) => a.data.order - b.data.order);
}

export async function getTopics(): Promise<TopicEntry[]> {
  return (await getCollection('topics')).sort((a, b) => a.data.order - b.data.order);
}

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));

let lookups: Promise<Lookups> | undefined;
export interface Lookups {
  topics: Map<string, TopicEntry>;
  terms: Map<string, Term>;
  events: Map<string, Event>;
  places: Map<string, Place>;
  references: Map<string, Reference>;
}

/** Every item by id; loaded once per build. */
export function getLookups(): Promise<Lookups> {
  lookups ??= (async () => ({
    topics: byId(await getCollection('topics')),
    terms: byId((await getCollection('glossary')).map((e) => e.data)),
    events: byId((await getCollection('timeline')).map((e) => e.data)),
    places: byId((await getCollection('places')).map((e) => e.data)),
    references: byId((await getCollection('references')).map((e) => e.data)),
  }))();
  return lookups;
}

/** Resolves ids to items, dropping any that do not exist (the content check reports those). */
export function pick<T>(map: Map<string, T>, ids: readonly string[]): T[] {
  return ids.flatMap((id) => (map.has(id) ? [map.get(id)!] : []));
}

/** The notes on one report, anchored and numbered in reading order. */
export async function getPlacedNotes(source: SourceEntry): Promise<PlacedNote[]> {
  const files = (await getCollection('annotations')).filter((file) => file.data.source === source.id);
  const placed: Omit<PlacedNote, 'number'>[] = [];
  for (const note of files.flatMap((file) => file.data.notes)) {
    const result = anchorQuote(source.data.paragraphs, note.quote);
    // A note that does not anchor fails the content check before the build; skipping keeps pages honest.
    if (result.ok) placed.push({ ...note, ...result.anchor });
  }
  placed.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  return placed.map((note, i) => ({ ...note, number: i + 1 }));
}

export interface SourceStats {
  words: number;
  minutes: number;
  notes: number;
  /** Minutes to read the report together with every note. */
  minutesWithNotes: number;
}

export async function getSourceStats(source: SourceEntry): Promise<SourceStats> {
  const notes = await getPlacedNotes(source);
  const words = countWords(source.data.paragraphs);
  const noteWords = countWords(notes.map((n) => n.note));
  return {
    words,
    minutes: readingMinutes(words),
    notes: notes.length,
    minutesWithNotes: readingMinutes(words + noteWords),
  };
}

type LinkKind = 'topic' | 'term' | 'event' | 'place';
let backLinks: Promise<Record<LinkKind, Map<string, BackLink[]>>> | undefined;

/** The report paragraphs whose notes link to an item, in reading order, one per paragraph. */
export async function getBackLinks(kind: LinkKind, id: string): Promise<BackLink[]> {
  backLinks ??= (async () => {
    const kinds: Record<LinkKind, Map<string, BackLink[]>> = {
      topic: new Map(),
      term: new Map(),
      event: new Map(),
      place: new Map(),
    };
    for (const source of await getSources()) {
      for (const note of await getPlacedNotes(source)) {
        const n = note.paragraph + 1;
        const link: BackLink = {
          href: reportHref(source.id, n),
          label: `${source.data.label} ¶${n}`,
          sourceId: source.id,
          paragraph: n,
          noteId: note.id,
          quote: note.quote.exact,
        };
        for (const k of Object.keys(kinds) as LinkKind[]) {
          const target = note.links[k];
          if (!target) continue;
          const list = kinds[k].get(target) ?? [];
          if (!list.some((l) => l.href === link.href)) list.push(link);
          kinds[k].set(target, list);
        }
      }
    }
    return kinds;
  })();
  return (await backLinks)[kind].get(id) ?? [];
}

export interface DatedEvent extends Event {
  when: EventDate;
}

/** Timeline events in date order; where a vague date makes the order uncertain, the file's order stands. */
export async function getEventsInOrder(): Promise<DatedEvent[]> {
  const events = (await getCollection('timeline')).map((e) => e.data);
  return events
    .flatMap((event) => {
      const parsed = parseEventDate(event.date);
      return parsed.ok ? [{ ...event, when: parsed }] : [];
    })
    .sort((a, b) => compareCertainOrder(a.when.start, b.when.start));
}

export async function getPlaces(): Promise<Place[]> {
  return (await getCollection('places')).map((e) => e.data);
}

export async function getTerms(): Promise<Term[]> {
  return (await getCollection('glossary'))
    .map((e) => e.data)
    .sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base', ignorePunctuation: true }));
}
