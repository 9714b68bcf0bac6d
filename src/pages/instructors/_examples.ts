/**
 * The copyable examples on the instructor guide (/instructors/). The whole files come from the sample course in
 * examples/harbour/ (three reports of one fire), which tests/unit/content-check.test.ts checks like any course and
 * tests/build builds; the snippets below are parsed with the real schemas by tests/unit/export-guide-examples.test.ts,
 * so an example that stops being valid fails the tests instead of misleading an instructor.
 */
import type { GuideId } from '../../content-check/guide';
import courseFile from '../../../examples/harbour/content/course.yaml?raw';
import sourceFile from '../../../examples/harbour/content/sources/herald.yaml?raw';
import annotationsFile from '../../../examples/harbour/content/annotations/herald.yaml?raw';
import topicFile from '../../../examples/harbour/content/topics/the-quay.mdx?raw';
import lessonFile from '../../../examples/harbour/content/lessons/three-accounts.mdx?raw';
import quizFile from '../../../examples/harbour/content/quizzes/fire-facts.yaml?raw';
import glossaryFile from '../../../examples/harbour/content/glossary.yaml?raw';
import timelineFile from '../../../examples/harbour/content/timeline.yaml?raw';
import placesFile from '../../../examples/harbour/content/places.yaml?raw';
import referencesFile from '../../../examples/harbour/content/references.yaml?raw';

/** Which schema checks an example, and what part of it: a whole YAML file, one list entry, or MDX frontmatter. */
export type ExampleKind = 'lesson' | 'topic' | 'note' | 'event' | 'term' | 'quiz' | 'question';

export interface GuideExample {
  id: string;
  kind: ExampleKind;
  /** Where it goes, e.g. "content/glossary.yaml". */
  file: string;
  code: string;
}

/** A whole content file of the sample course, shown in the guide section that explains that kind of file. */
export interface FileExample {
  section: GuideId;
  /** Its path in a course, e.g. "content/sources/herald.yaml". */
  file: string;
  code: string;
}

const example = (id: string, kind: ExampleKind, file: string, code: string): GuideExample => ({
  id,
  kind,
  file,
  code: code.trim() + '\n',
});

/** Shown as typed: without the byte-order mark and Windows line ends some sample files are saved with on purpose. */
const plain = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');

export const fileExamples: FileExample[] = [
  { section: 'file-course', file: 'content/course.yaml', code: plain(courseFile) },
  { section: 'file-sources', file: 'content/sources/herald.yaml', code: plain(sourceFile) },
  { section: 'file-annotations', file: 'content/annotations/herald.yaml', code: plain(annotationsFile) },
  { section: 'file-topics', file: 'content/topics/the-quay.mdx', code: plain(topicFile) },
  { section: 'file-lessons', file: 'content/lessons/three-accounts.mdx', code: plain(lessonFile) },
  { section: 'file-quizzes', file: 'content/quizzes/fire-facts.yaml', code: plain(quizFile) },
  { section: 'file-glossary', file: 'content/glossary.yaml', code: plain(glossaryFile) },
  { section: 'file-timeline', file: 'content/timeline.yaml', code: plain(timelineFile) },
  { section: 'file-places', file: 'content/places.yaml', code: plain(placesFile) },
  { section: 'file-references', file: 'content/references.yaml', code: plain(referencesFile) },
];

export const contentExamples: GuideExample[] = [
  example(
    'note',
    'note',
    'content/annotations/herald.yaml (under notes:)',
    `
- id: herald-nobody-hurt
  quote: { exact: "Nobody was hurt" }
  kind: number
  note: "Coast Wire reports one guard taken to hospital; the reports differ here."
  links: { term: night-guard }
  cites: [harbour-log]
`,
  ),
  example(
    'note-with-suffix',
    'note',
    'content/annotations/city-radio.yaml (under notes:)',
    `
- id: radio-fire-service
  # "fire" occurs twice in this report; suffix (the words just after) says which one.
  quote: { exact: "fire", suffix: " service said" }
  kind: attribution
  note: "City Radio, like the Herald, names the fire service as its source for the time crews arrived."
  links: { event: quay-fire }
  cites: [harbour-log]
`,
  ),
  example(
    'event',
    'event',
    'content/timeline.yaml',
    `
- id: quay-fire
  date: "2025-03-14"            # or "2025-03" (a month), "2025" (a year), "2024/2025" (a range)
  title: "Warehouse fire on the quay"
  summary: "A warehouse burns down overnight."
  topics: [the-quay]
  places: [quay]
  cites: [harbour-log]
`,
  ),
  example(
    'event-partial',
    'event',
    'content/timeline.yaml',
    `
- id: guard-to-hospital
  date: "2025-03-14"
  title: "A night guard is taken to hospital"
  summary: "Coast Wire reports that the night guard was taken to hospital as a precaution."
  certainty: partial
  caveat: "Only Coast Wire reports this; the Herald says nobody was hurt."
  places: [quay]
  cites: [harbour-log]
`,
  ),
  example(
    'term',
    'term',
    'content/glossary.yaml',
    `
- id: night-guard
  term: "Night guard"
  aliases: ["watchman"]          # other spellings; no two terms may share one
  definition: "A person who watches a building at night."
  topic: the-quay
  cites: [harbour-log]
`,
  ),
];

/** One example of every question type, as an entry under \`questions:\` in a quiz file. */
export const questionExamples: GuideExample[] = [
  example(
    'single',
    'question',
    'content/quizzes/<quiz>.yaml',
    `
- id: ff-when
  type: single
  level: recall
  objective: l1-facts
  prompt: "When did crews arrive, according to the Herald?"
  options:
    - id: two
      text: "2 am"
      correct: true
    - id: four
      text: "4 am"
      feedback: "Four is how many hours crews fought the fire (paragraph 2), not the time they came."
  explanation: "Paragraph 2 of the Herald says crews arrived at 2 am."
  evidence: { source: herald, paragraph: 2 }
`,
  ),
  example(
    'truefalse',
    'question',
    'content/quizzes/<quiz>.yaml',
    `
- id: ff-cause
  type: truefalse
  level: recall
  objective: l1-sources
  prompt: "Coast Wire says the cause of the fire is known."
  answer: false
  feedback:
    "true": "Paragraph 2 says the cause is not yet known."
    "false": "Right: the harbour master says the cause is not yet known."
  explanation: "Coast Wire, paragraph 2: the cause “is not yet known”."
  evidence: { source: coast-wire, paragraph: 2 }
`,
  ),
  example(
    'multiple',
    'question',
    'content/quizzes/<quiz>.yaml',
    `
- id: ff-sources
  type: multiple
  level: recall
  objective: l1-sources
  prompt: "Whom do the three reports name as their sources? Tick every one."
  options:
    - { id: fire-service, text: "The fire service", correct: true }
    - { id: harbour-master, text: "The harbour master", correct: true }
    - id: police
      text: "The police"
      feedback: "No report quotes the police."
  explanation: "The Herald and City Radio cite the fire service; Coast Wire cites the harbour master."
  evidence: { note: herald-fire-service }
`,
  ),
  example(
    'ordering',
    'question',
    'content/quizzes/<quiz>.yaml',
    `
- id: ff-order-the-night
  type: ordering
  level: understanding
  objective: l1-facts
  prompt: "Put these in time order, earliest first."
  items:                       # write them in the right order; students see them shuffled
    - { id: arrive, text: "Crews arrive at the quay" }
    - { id: fight, text: "Crews fight the fire for four hours" }
    - { id: closed, text: "The quay road stays closed" }
  explanation: "Crews arrived at 2 am, fought the fire until about 6 am, and the road stayed closed after."
  evidence: { event: quay-fire }
`,
  ),
  example(
    'matching',
    'question',
    'content/quizzes/<quiz>.yaml',
    `
- id: ff-who-said
  type: matching
  level: recall
  objective: l1-sources
  prompt: "Match each report to the source it names."
  left:
    - { id: herald, text: "The Herald" }
    - { id: coast-wire, text: "Coast Wire" }
  right:
    - { id: fire-service, text: "The fire service" }
    - { id: harbour-master, text: "The harbour master" }
  pairs: { herald: fire-service, coast-wire: harbour-master }
  explanation: "The Herald cites the fire service (paragraph 1); Coast Wire the harbour master (paragraph 2)."
  evidence: { note: herald-fire-service }
`,
  ),
  example(
    'numeric',
    'question',
    'content/quizzes/<quiz>.yaml',
    `
- id: ff-hours
  type: numeric
  level: recall
  objective: l1-facts
  prompt: "For how many hours did crews fight the fire, according to the Herald?"
  answer: 4
  tolerance: 0                 # how far off an answer may be and still count
  unit: "hours"
  explanation: "Paragraph 2 says four hours."
  evidence: { source: herald, paragraph: 2 }
`,
  ),
  example(
    'text',
    'question',
    'content/quizzes/<quiz>.yaml',
    `
- id: rv-quay
  type: text
  level: recall
  objective: l2-places
  prompt: "Where was the warehouse?"
  accept: ["the quay", "Port Ellery quay"]
  explanation: "All three reports put it on the Port Ellery quay."
  evidence: { place: quay }
`,
  ),
  example(
    'evidence',
    'question',
    'content/quizzes/<quiz>.yaml',
    `
- id: rv-guard
  type: evidence
  level: understanding
  objective: l2-review
  prompt: "Which paragraph of Coast Wire supports this claim?"
  claim: "Someone was taken to hospital."
  source: coast-wire
  paragraphs: [3]              # every paragraph that supports it; picking any one is right
  feedback:
    "1": "Paragraph 1 says only that firefighters spent the night there."
  explanation: "Paragraph 3 says one night guard was taken to hospital as a precaution."
  evidence: { source: coast-wire, paragraph: 3 }
`,
  ),
  example(
    'attribution',
    'question',
    'content/quizzes/<quiz>.yaml',
    `
- id: ff-who-says-2am
  type: attribution
  level: understanding
  objective: l1-sources
  prompt: "Which of the reports say this?"
  statement: "Crews arrived at 2 am."
  # reports: [herald, coast-wire, city-radio]   # to choose from; without it, the lesson's readings
  answer: [herald, city-radio]   # every report that says it; [] when none does
  feedback:                      # keyed by what the student ticked: a report, reports joined with +, or none
    herald: "The Herald says so (paragraph 2), but it is not the only one."
    none: "Two of the reports give the time."
  explanation: "The Herald and City Radio both say 2 am (paragraph 2 of each); Coast Wire gives no time."
  evidence: { source: city-radio, paragraph: 2 }
`,
  ),
];
