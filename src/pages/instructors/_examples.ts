/**
 * The copyable examples on the instructor guide (/instructors/). The page shows them and
 * tests/unit/export-guide-examples.test.ts parses every one with the real schemas, so an example that
 * stops being valid fails the tests instead of misleading an instructor.
 */

/** Which schema checks an example, and what part of it: a whole YAML file, one list entry, or MDX frontmatter. */
export type ExampleKind = 'lesson' | 'topic' | 'note' | 'event' | 'term' | 'quiz' | 'question';

export interface GuideExample {
  id: string;
  kind: ExampleKind;
  /** Where it goes, e.g. "content/glossary.yaml". */
  file: string;
  code: string;
}

const example = (id: string, kind: ExampleKind, file: string, code: string): GuideExample => ({
  id,
  kind,
  file,
  code: code.trim() + '\n',
});

export const contentExamples: GuideExample[] = [
  example(
    'lesson',
    'lesson',
    'content/lessons/what-happened.mdx',
    `
---
title: "What happened on 21 and 22 April 2024"
order: 1
summary: "A close reading of Report A: two attacks on US forces in less than 24 hours."
minutes: 25
objectives:
  - id: l1-who-what-where
    text: "I can say what happened on 21 and 22 April 2024, where it happened, and whether anyone was hurt."
  - id: l1-who-says-so
    text: "I can point to who gave Report A each piece of its information."
readings: [report-a]
background: [april-2024, us-troops-today]
---

Read [Report A, paragraph 1](/reports/report-a/#p1). It tells the whole story in one sentence.

## Who says so?

Go back through paragraphs 1 to 5 and note every phrase that says where a piece of information came from.

<Quiz id="l1-the-two-attacks" />
`,
  ),
  example(
    'note',
    'note',
    'content/annotations/report-a.yaml (under notes:)',
    `
- id: a-near-three-month-pause
  quote: { exact: "a near three-month pause" }
  kind: number
  note: "From the last attack US officials recorded, on 4 February 2024, to the rockets of 21 April is 77 days, about two and a half months."
  links: { topic: escalation-and-pause, event: last-attack-before-pause-2024 }
  cites: [time-rumalyn, ahram-us-troops-western-iraq]
`,
  ),
  example(
    'note-with-suffix',
    'note',
    'content/annotations/report-b.yaml (under notes:)',
    `
- id: b-official-second-attack
  # "the second attack" occurs twice in Report B; suffix (the words just after) says which one.
  quote: { exact: "the second attack", suffix: " against U.S. forces" }
  kind: attribution
  note: "An unnamed US official gives this count; the first attack in it is the rockets fired at Rumalyn the day before."
  links: { topic: escalation-and-pause }
  cites: [time-rumalyn]
`,
  ),
  example(
    'topic',
    'topic',
    'content/topics/gaza-link.mdx',
    `
---
title: "The Gaza link: why attacks on US forces began in October 2023"
summary: "After 7 October 2023, Iran-aligned Iraqi groups began attacking US forces, citing US support for Israel."
order: 5
asOf: "2024-04-23"
cites: [wiki-october-7-attacks, wi-iri-profile]
related:
  events: [hamas-attack-2023, attacks-on-us-forces-begin-2023]
  terms: [islamic-resistance-in-iraq]
  places: []
---

Write the topic in Markdown. Keep figures that change "as of" the date above, and cite every fact.
`,
  ),
  example(
    'event',
    'event',
    'content/timeline.yaml',
    `
- id: iraq-invasion-2003
  date: "2003-03-20"            # or "2023-10" (a month), "2007" (a year), "2003/2007" (a range)
  title: "US-led invasion of Iraq begins"
  summary: "Forces led by the United States and the United Kingdom opened a war against Saddam Hussein's government."
  topics: [invasion-and-withdrawal]
  places: [baghdad]
  cites: [ap-iraq-invasion-timeline]
`,
  ),
  example(
    'event-partial',
    'event',
    'content/timeline.yaml',
    `
- id: kataib-hezbollah-founding
  date: "2003/2007"
  title: "Kata'ib Hezbollah emerges"
  summary: "Kata'ib Hezbollah took shape during the US occupation of Iraq and became known for attacks on US troops from 2007."
  certainty: partial
  caveat: "Nobody agrees on exactly when the group was founded: some accounts say 2003, others 2006-2007."
  topics: [armed-groups]
  cites: [state-kh-fto-2009]
`,
  ),
  example(
    'term',
    'term',
    'content/glossary.yaml',
    `
- id: kataib-hezbollah
  term: "Kata'ib Hezbollah"
  aliases: ["Kataib Hezbollah", "KH"]
  definition: "An Iraqi Shiite armed group closely tied to Iran's Revolutionary Guards. The US designated it a Foreign Terrorist Organization in 2009."
  arabic: "كتائب حزب الله"
  transliteration: "Kata'ib Hizb Allah"
  topic: armed-groups
  cites: [state-kh-fto-2009]
`,
  ),
  example(
    'quiz',
    'quiz',
    'content/quizzes/l1-the-two-attacks.yaml',
    `
id: l1-the-two-attacks
title: "Checkpoint: the two attacks"
questions:
  - id: l1-newest-first
    type: truefalse
    level: understanding
    objective: l1-who-what-where
    prompt: "In Report A, the attack described first (in paragraph 2) is also the attack that happened first."
    answer: false
    explanation: "The drone (paragraph 2) came after the Sunday rockets (paragraph 3), which is why paragraph 3 starts with “That followed”."
    evidence: { source: report-a, paragraph: 3 }
`,
  ),
];

/** One example of every question type, as an entry under `questions:` in a quiz file. */
export const questionExamples: GuideExample[] = [
  example(
    'single',
    'question',
    'content/quizzes/<quiz>.yaml',
    `
- id: l1-what-hit-ain-al-asad
  type: single
  level: recall
  objective: l1-who-what-where
  prompt: "According to Report A, what was launched at Ain al-Asad air base?"
  options:
    - id: drone
      text: "At least one armed drone"
      correct: true
    - id: rockets
      text: "Five rockets"
      feedback: "Paragraph 3 says the rockets were fired at a base in Rumalyn, Syria, not at Ain al-Asad."
    - id: warplanes
      text: "Bombs dropped by warplanes"
  explanation: "Paragraph 2 says that at least one armed drone was launched at Ain al-Asad, in Anbar province."
  evidence: { source: report-a, paragraph: 2 }
`,
  ),
  example(
    'truefalse',
    'question',
    'content/quizzes/<quiz>.yaml',
    `
- id: l1-newest-first
  type: truefalse
  level: understanding
  objective: l1-who-what-where
  prompt: "In Report A, the attack described first (in paragraph 2) is also the attack that happened first."
  answer: false
  feedback:
    "true": "Paragraph 3 begins “That followed”: the rockets came before the drone."
    "false": "Right. The report leads with the newest attack, then goes back in time."
  explanation: "News reports usually lead with the newest development."
  evidence: { source: report-a, paragraph: 3 }
`,
  ),
  example(
    'multiple',
    'question',
    'content/quizzes/<quiz>.yaml',
    `
- id: l1-sources-of-report-a
  type: multiple
  level: recall
  objective: l1-who-says-so
  prompt: "Paragraph 1 of Report A says who told the reporters about the two attacks. Tick everyone it names."
  options:
    - { id: iraqi-security, text: "Iraqi security sources", correct: true }
    - { id: us-officials, text: "US officials", correct: true }
    - id: iri
      text: "The Islamic Resistance in Iraq"
      feedback: "The group appears in paragraph 6, as the group that claimed earlier attacks."
  explanation: "Paragraph 1 says “Iraqi security sources and US officials” told the reporters."
  evidence: { source: report-a, paragraph: 1 }
`,
  ),
  example(
    'ordering',
    'question',
    'content/quizzes/<quiz>.yaml',
    `
- id: l1-order-the-weekend
  type: ordering
  level: understanding
  objective: l1-who-what-where
  prompt: "Put these in time order, earliest first."
  items:                       # write them in the right order; students see them shuffled
    - { id: explosion, text: "A deadly explosion hits a military base in Iraq" }
    - { id: rockets, text: "Rockets are fired towards US forces at Rumalyn, Syria" }
    - { id: drone, text: "An armed drone is launched at Ain al-Asad air base, Iraq" }
  explanation: "The explosion came first (Saturday), then the rockets (Sunday 21 April), then the drone (Monday 22 April)."
  evidence: { event: rumalyn-rocket-attack-2024 }
`,
  ),
  example(
    'matching',
    'question',
    'content/quizzes/<quiz>.yaml',
    `
- id: l1-places-where
  type: matching
  level: recall
  objective: l1-place-on-map
  prompt: "Match each place to where it is."
  left:
    - { id: ain-al-asad, text: "Ain al-Asad" }
    - { id: rumalyn, text: "Rumalyn" }
  right:
    - { id: anbar, text: "Anbar province, western Iraq" }
    - { id: hasakah, text: "Hasakah province, north-eastern Syria" }
  pairs: { ain-al-asad: anbar, rumalyn: hasakah }
  explanation: "Ain al-Asad is an air base in Anbar, in western Iraq. Rumalyn is a town in Hasakah, in Syria's far north-east."
  evidence: { place: rmeilan }
`,
  ),
  example(
    'numeric',
    'question',
    'content/quizzes/<quiz>.yaml',
    `
- id: l1-rockets-at-rumalyn
  type: numeric
  level: recall
  objective: l1-who-what-where
  prompt: "At least how many rockets were fired towards US forces at Rumalyn on Sunday 21 April, according to Report A?"
  answer: 5
  tolerance: 0                 # how far off an answer may be and still count
  unit: "rockets"
  explanation: "Paragraph 3 says five rockets."
  evidence: { source: report-a, paragraph: 3 }
`,
  ),
  example(
    'text',
    'question',
    'content/quizzes/<quiz>.yaml',
    `
- id: l1-name-drone-base
  type: text
  level: recall
  objective: l1-place-on-map
  prompt: "Name the air base in Iraq's Anbar province where at least one armed drone was launched."
  accept: ["Ain al-Asad", "Ain al-Asad air base", "Ayn al-Asad", "Al-Asad"]
  explanation: "Paragraph 2 names Ain al-Asad air base. Report B spells it Al-Asad Air Base."
  evidence: { source: report-a, paragraph: 2 }
`,
  ),
  example(
    'evidence',
    'question',
    'content/quizzes/<quiz>.yaml',
    `
- id: l1-evidence-no-casualties
  type: evidence
  level: recall
  objective: l1-who-what-where
  prompt: "Which paragraph of Report A supports this claim?"
  claim: "Nobody was reported hurt in the drone attacks."
  source: report-a
  paragraphs: [4]              # every paragraph that supports it; picking any one is right
  feedback:
    "5": "Paragraph 5 mentions a death, but at a different base and in an explosion."
  explanation: "Paragraph 4 says there were “no reports of casualties or significant damage”."
  evidence: { source: report-a, paragraph: 4 }
`,
  ),
  example(
    'attribution',
    'question',
    'content/quizzes/<quiz>.yaml',
    `
- id: l3-attr-pressure
  type: attribution
  level: understanding
  objective: l3-escalation-pause
  prompt: "Which report says this?"
  statement: "The attacks stopped under pressure from Iraqi authorities and Iran."
  answer: a                    # a, b, both or neither
  feedback:
    b: "Report B links the stop to US air raids (paragraph 7)."
  explanation: "Report A, paragraph 8, says the attacks “stopped in late January under pressure from Iraqi authorities and Iran”."
  evidence: { source: report-a, paragraph: 8 }
`,
  ),
];
