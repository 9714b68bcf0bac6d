// Links between content items by id: which ids exist, and the problem for one that does not.
import { lineOf, type Loaded, type LoadedContent } from './load';
import type { Problem } from './problem';

export type Target =
  'sources' | 'topics' | 'terms' | 'events' | 'places' | 'references' | 'notes' | 'quizzes' | 'lessons';

const targetNames: Record<Target, { noun: string; where: string }> = {
  sources: { noun: 'source', where: 'the file names in content/sources/ (without .yaml)' },
  topics: { noun: 'topic', where: 'the file names in content/topics/ (without .mdx)' },
  terms: { noun: 'term', where: 'the ids in content/glossary.yaml' },
  events: { noun: 'event', where: 'the ids in content/timeline.yaml' },
  places: { noun: 'place', where: 'the ids in content/places.yaml' },
  references: { noun: 'reference', where: 'the ids in content/references.yaml' },
  notes: { noun: 'note', where: 'the note ids in content/annotations/' },
  quizzes: { noun: 'quiz', where: 'the file names in content/quizzes/ (without .yaml)' },
  lessons: { noun: 'lesson', where: 'the file names in content/lessons/ (without .mdx)' },
};

export type KnownIds = Record<Target, Set<string>>;

/** Ids that exist, counting entries that broke their schema (already reported) so they are not reported twice. */
export function knownIds(content: LoadedContent): KnownIds {
  const ids = (target: Exclude<Target, 'notes'>) =>
    new Set([...content[target].map((entry) => entry.id), ...content.invalidIds[target]]);
  return {
    sources: ids('sources'),
    topics: ids('topics'),
    terms: ids('terms'),
    events: ids('events'),
    places: ids('places'),
    references: ids('references'),
    quizzes: ids('quizzes'),
    lessons: ids('lessons'),
    notes: new Set(content.annotations.flatMap((file) => file.data.notes.map((note) => note.id))),
  };
}

/** The problem for a link at `path` in `entry` to an id that does not exist, or undefined when it exists. */
export function unknownLink(
  known: KnownIds,
  entry: Pick<Loaded<unknown>, 'file' | 'line' | 'lines'>,
  item: string,
  path: string,
  target: Target,
  id: string | undefined,
): Problem | undefined {
  if (id === undefined || known[target].has(id)) return undefined;
  const { noun, where } = targetNames[target];
  const guess = closest(id, known[target]);
  return {
    file: entry.file,
    line: lineOf(entry, path),
    item,
    message: `links to ${noun} "${id}", which does not exist`,
    fix: `${guess ? `did you mean "${guess}"? ` : ''}use one of ${where}`,
  };
}

/** The known id nearest to a mistyped one, if one is close enough to be a likely typo. */
export function closest(id: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(id, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
