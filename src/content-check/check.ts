/**
 * The course's cross-references, checked over loaded content: every note's quote is found exactly once
 * in its report, notes do not overlap, ids are unique, and every link and citation leads somewhere.
 * Lessons and their quizzes are checked in check-lessons.ts and check-quizzes.ts.
 * Returns every problem at once.
 */
import { anchorQuote, paragraphList, type Anchor } from '../lib/anchoring';
import type { Annotation } from '../schemas';
import { checkLessons } from './check-lessons';
import { checkBodies } from './check-mdx';
import { checkQuizzes } from './check-quizzes';
import { knownIds, unknownLink, type Target } from './links';
import { lineOf, type Loaded, type LoadedContent } from './load';
import type { Problem } from './problem';
import { seeGuide } from './guide';

export function checkContent(content: LoadedContent): Problem[] {
  const problems: Problem[] = [];
  const known = knownIds(content);
  const link = (entry: Loaded<unknown>, item: string, path: string, target: Target, id: string | undefined) => {
    const problem = unknownLink(known, entry, item, path, target, id);
    if (problem) problems.push(problem);
  };
  const links = (entry: Loaded<unknown>, item: string, path: string, target: Target, ids: readonly string[]) =>
    ids.forEach((id, index) => link(entry, item, `${path}.${index}`, target, id));

  for (const file of content.annotations) {
    const source = content.sources.find((s) => s.id === file.data.source);
    if (!source && !content.invalidIds.sources.includes(file.data.source)) {
      link(file, `annotations for "${file.data.source}"`, 'source', 'sources', file.data.source);
    }
    file.data.notes.forEach((note, index) => {
      const item = `note "${note.id}"`;
      const path = `notes.${index}`;
      if (source) problems.push(...checkQuote(file, path, note, source));
      link(file, item, `${path}.links.topic`, 'topics', note.links.topic);
      link(file, item, `${path}.links.term`, 'terms', note.links.term);
      link(file, item, `${path}.links.event`, 'events', note.links.event);
      link(file, item, `${path}.links.place`, 'places', note.links.place);
      links(file, item, `${path}.cites`, 'references', note.cites);
    });
  }
  problems.push(...checkOverlaps(content));

  for (const topic of content.topics) {
    const item = `topic "${topic.id}"`;
    links(topic, item, 'related.events', 'events', topic.data.related.events);
    links(topic, item, 'related.terms', 'terms', topic.data.related.terms);
    links(topic, item, 'related.places', 'places', topic.data.related.places);
    links(topic, item, 'cites', 'references', topic.data.cites);
  }
  problems.push(...checkAsOf(content, today()));
  problems.push(...checkAliases(content));
  for (const term of content.terms) {
    link(term, `term "${term.id}"`, 'topic', 'topics', term.data.topic);
    links(term, `term "${term.id}"`, 'cites', 'references', term.data.cites);
  }
  for (const event of content.events) {
    links(event, `event "${event.id}"`, 'topics', 'topics', event.data.topics);
    links(event, `event "${event.id}"`, 'places', 'places', event.data.places);
    links(event, `event "${event.id}"`, 'cites', 'references', event.data.cites);
  }
  for (const place of content.places) links(place, `place "${place.id}"`, 'cites', 'references', place.data.cites);

  problems.push(...checkUniqueIds(content));
  problems.push(...checkLessons(content, known));
  problems.push(...checkQuizzes(content, known));
  problems.push(...checkBodies(content, known));
  return problems;
}

function checkQuote(
  file: Loaded<unknown>,
  path: string,
  note: Annotation,
  source: Loaded<{ paragraphs: string[] }>,
): Problem[] {
  const result = anchorQuote(source.data.paragraphs, note.quote);
  if (result.ok) return [];
  const base = { file: file.file, line: lineOf(file, `${path}.quote.exact`), item: `note "${note.id}"` };
  const quoted = `the quote ${JSON.stringify(shorten(note.quote.exact))}`;
  const inSource = `source "${source.id}"`;
  if (result.reason === 'ambiguous') {
    return [
      {
        ...base,
        message: `${quoted} occurs ${result.matches.length} times in ${inSource}`,
        fix: `add a prefix or suffix: it occurs in ${paragraphList(result.matches)}`,
      },
    ];
  }
  if (result.matches.length === 0) {
    return [
      {
        ...base,
        message: `${quoted} is not in ${inSource}`,
        fix: `copy the words exactly from ${source.file}; a quote must lie within one paragraph`,
      },
    ];
  }
  const exactWordsFound = result.matches.some(
    (m) => source.data.paragraphs[m.paragraph].slice(m.start, m.end) === note.quote.exact,
  );
  if (exactWordsFound) {
    return [
      {
        ...base,
        line: lineOf(file, `${path}.quote.${note.quote.prefix !== undefined ? 'prefix' : 'suffix'}`),
        message: `${quoted} is not in ${inSource} with the prefix and suffix given: ${result.hint}`,
        fix: `copy the prefix and suffix exactly from ${paragraphList(result.matches)}, or remove them if the words occur only once`,
      },
    ];
  }
  return [
    {
      ...base,
      message: `${quoted} is not in ${inSource}: ${result.hint}`,
      fix: `copy the words exactly from ${paragraphList(result.matches)}`,
    },
  ];
}

interface PlacedNote {
  file: Loaded<unknown>;
  index: number;
  id: string;
  anchor: Anchor;
}

/** Two notes on the same words would fight over one highlight, so notes on one source may not overlap. */
function checkOverlaps(content: LoadedContent): Problem[] {
  const problems: Problem[] = [];
  const placedBySource = new Map<string, PlacedNote[]>();
  for (const file of content.annotations) {
    const source = content.sources.find((s) => s.id === file.data.source);
    if (!source) continue;
    const placed = placedBySource.get(source.id) ?? [];
    placedBySource.set(source.id, placed);
    file.data.notes.forEach((note, index) => {
      const result = anchorQuote(source.data.paragraphs, note.quote);
      if (!result.ok) return;
      for (const other of placed) {
        const a = other.anchor;
        const b = result.anchor;
        if (a.paragraph === b.paragraph && a.start < b.end && b.start < a.end) {
          problems.push({
            file: file.file,
            line: lineOf(file, `notes.${index}.quote.exact`),
            item: `note "${note.id}"`,
            message: `its quote overlaps the quote of note "${other.id}" (${other.file.file}:${lineOf(other.file, `notes.${other.index}.quote.exact`)}) in paragraph ${b.paragraph + 1} of source "${source.id}"`,
            fix: 'shorten one of the two quotes so they share no words, or merge the two notes',
          });
        }
      }
      placed.push({ file, index, id: note.id, anchor: result.anchor });
    });
  }
  return problems;
}

function checkUniqueIds(content: LoadedContent): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const file of content.annotations) {
    file.data.notes.forEach((note, index) => {
      const here = `${file.file}:${lineOf(file, `notes.${index}`)}`;
      const first = seen.get(note.id);
      if (first) {
        problems.push({
          file: file.file,
          line: lineOf(file, `notes.${index}.id`),
          item: `note "${note.id}"`,
          message: `the id "${note.id}" is already used by the note at ${first}`,
          fix: 'give this note an id of its own',
        });
      } else seen.set(note.id, here);
    });
  }
  for (const [target, noun] of [
    ['terms', 'term'],
    ['events', 'event'],
    ['places', 'place'],
    ['references', 'reference'],
  ] as const) {
    const firstLine = new Map<string, number>();
    for (const entry of content[target] as Loaded<unknown>[]) {
      const first = firstLine.get(entry.id);
      if (first === undefined) firstLine.set(entry.id, entry.line);
      else {
        problems.push({
          file: entry.file,
          line: lineOf(entry, 'id'),
          item: `${noun} "${entry.id}"`,
          message: `the id "${entry.id}" is already used by the ${noun} on line ${first}`,
          fix: `give this ${noun} an id of its own, or merge the two entries`,
        });
      }
    }
  }
  return problems;
}

/** Today as YYYY-MM-DD, in UTC like every date on the site. */
const today = () => new Date().toISOString().slice(0, 10);

/** A topic's facts cannot be current to a day that has not come yet: it is a typo, and the page would say so. */
export function checkAsOf(content: LoadedContent, now: string): Problem[] {
  return content.topics.flatMap((topic) =>
    topic.data.asOf > now
      ? [
          {
            file: topic.file,
            line: lineOf(topic, 'asOf'),
            item: `topic "${topic.id}"`,
            message: `asOf is ${topic.data.asOf}, a day still to come (today is ${now})`,
            fix: `set asOf to the day the topic's facts were last checked, on or before ${now} ${seeGuide(topic.file)}`,
          },
        ]
      : [],
  );
}

/**
 * A spelling belongs to one glossary term: the site links a word in a report to the term it names, and could not
 * tell two terms apart. Compared without case, as readers type them.
 */
function checkAliases(content: LoadedContent): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<string, { id: string; line: number }>();
  for (const term of content.terms) {
    const names = [
      { name: term.data.term, path: 'term' },
      ...term.data.aliases.map((name, i) => ({ name, path: `aliases.${i}` })),
    ];
    const own = new Set<string>();
    for (const { name, path } of names) {
      const key = name.trim().toLocaleLowerCase('en');
      if (own.has(key)) continue;
      own.add(key);
      const first = owner.get(key);
      if (!first) {
        owner.set(key, { id: term.id, line: lineOf(term, path) });
        continue;
      }
      problems.push({
        file: term.file,
        line: lineOf(term, path),
        item: `term "${term.id}"`,
        message: `"${name}" is also a name of term "${first.id}" (line ${first.line}); two terms cannot share a spelling`,
        fix: `remove "${name}" from one of the two, or merge the terms ${seeGuide(term.file)}`,
      });
    }
  }
  return problems;
}

function shorten(text: string): string {
  return text.length <= 70 ? text : `${text.slice(0, 67)}…`;
}
