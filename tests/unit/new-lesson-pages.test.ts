// `npm run new-lesson` on real web pages: six page copies of different layouts (tests/fixtures/articles/), each with
// the furniture its kind of site puts around an article. Each must come out as the article alone: headline, credit
// and date found where the page has them, every paragraph the report's own, and every line dropped named.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { newLesson, type NewLessonIo } from '../../scripts/lib/new-lesson';
import { checkContentFolder, formatProblems, isError } from '../../src/content-check';
import { splitArticleWithReport } from '../../src/lib/furniture';

const projectRoot = join(import.meta.dirname, '../..');
const page = (name: string) => join(projectRoot, 'tests/fixtures/articles', name);

interface Expected {
  kicker?: string;
  title: string;
  credit?: string;
  date?: string;
  /** The first words of every paragraph kept, in order. */
  paragraphs: string[];
  /** Lines that must have been dropped, each with a reason. */
  removed: string[];
}

const pages: Record<string, Expected> = {
  // The layout from issue 13: breadcrumb, share buttons, credit line at the top, dateline, reading time, photo
  // caption, an ad, tags, a follow prompt and a back-to-top button.
  'news-site.txt': {
    title: 'Fire destroys warehouse on Port Ellery quay',
    credit: 'Reporting by Ana Ruiz and the Herald newsroom',
    date: '2024-04-23',
    paragraphs: ['A fire destroyed a warehouse', 'Crews arrived at 2 am', 'Nobody was hurt', 'The cause of the fire'],
    removed: [
      'Home > News > Local',
      'Share on X (Twitter)',
      'Copy link',
      'April 23, 2024',
      'Reading time: 3 min',
      'Firefighters at the quay on Tuesday morning. (Photo: Harbour Herald)',
      'Advertisement',
      'Tags: fire, harbour, Port Ellery',
      'Follow us on Telegram',
      'Back to top button',
    ],
  },
  // A wire agency: byline and reading time above the headline, a dateline inside the first paragraph (kept: it is
  // the report's own words), a "Read more" link and the credit at the bottom.
  'wire-agency.txt': {
    title: 'Port Ellery blaze leaves quay road closed',
    credit: 'Reporting by Jane Smith; Editing by Tom Lee',
    date: '2025-03-14',
    paragraphs: ['PORT ELLERY, March 14 (Coast Wire) - The quay road', '"We expect to reopen it', 'One night guard'],
    removed: [
      'By Jane Smith',
      '3 min read',
      'Published: 14 March 2025 09:12 GMT',
      'Read more: Port Ellery harbour plans new fire station',
    ],
  },
  // A blog: site name and menu, "Posted on … by admin", categories and tags, share buttons, related posts, comments.
  'blog.txt': {
    kicker: 'Harbour Notes',
    title: 'The night the quay burned',
    date: '2025-03-14',
    paragraphs: ['I woke at three', 'By the time I reached', 'The firefighters worked', 'Nobody I spoke to'],
    removed: [
      'Skip to content',
      'Posted on 14/03/2025 by admin',
      'Categories: Local news',
      'Share this:',
      'WhatsApp',
      'Related posts',
      'The rope makers of Port Ellery',
      '2 comments',
      'Leave a comment',
    ],
  },
  // A newspaper: newsletter prompts, a byline with the writer's job, a photo credit, "Most read" and a copyright line.
  'newspaper.txt': {
    kicker: 'Local',
    title: 'Quay fire: what we know so far',
    credit: 'By Mark Byrne, Harbour Reporter',
    date: '2025-03-14',
    paragraphs: ['The fire broke out', 'The fire service sent', 'Harbour master Ellen Quinn', 'Ms Quinn said'],
    removed: [
      'Sign up to our morning newsletter',
      'Friday 14 March 2025',
      'Photo: Harbour Herald/John Byrne',
      'Get the best local stories in your inbox',
      'Story continues below advertisement',
      'Council approves new harbour wall',
      '© Harbour Herald 2025',
    ],
  },
  // A broadcaster: breadcrumb with ›, "Updated …", a row of share buttons, an image caption, related topics.
  'broadcaster.txt': {
    title: 'Warehouse fire closes Port Ellery quay road',
    date: '2025-03-15',
    paragraphs: ['The quay road in Port Ellery', 'Engineers are checking', '"It is a matter of safety first,"'],
    removed: [
      'Home › News › Local',
      'Updated 15 March 2025, 08:40 GMT',
      'X',
      'Image caption: The warehouse after the fire',
      'Port Ellery',
      'Harbour fire: guard taken to hospital',
      'Listen to this article',
    ],
  },
  // Almost nothing around it: a headline, two paragraphs and the agency's name.
  'minimal.txt': {
    title: 'Guard recovering after quay fire',
    credit: 'AFP',
    paragraphs: ['The night guard taken to hospital', 'He had been kept in overnight'],
    removed: ['(AFP)'],
  },
};

describe('six page copies of different layouts', () => {
  it('covers every page copy in tests/fixtures/articles/', () => {
    expect(readdirSync(join(projectRoot, 'tests/fixtures/articles')).sort()).toEqual(Object.keys(pages).sort());
  });

  it.each(Object.entries(pages))('%s: the article alone, its headline, credit and date', (name, expected) => {
    const text = readFileSync(page(name), 'utf8');
    const { parts, removed } = splitArticleWithReport(text);
    expect(parts.kicker).toBe(expected.kicker);
    expect(parts.title).toBe(expected.title);
    expect(parts.credit).toBe(expected.credit);
    expect(parts.date).toBe(expected.date);
    expect(parts.paragraphs).toHaveLength(expected.paragraphs.length);
    parts.paragraphs.forEach((paragraph, i) => expect(paragraph.startsWith(expected.paragraphs[i])).toBe(true));
    for (const line of expected.removed) expect(removed.map((r) => r.line)).toContain(line);
    for (const r of removed) expect(r.why.length).toBeGreaterThan(3);
    // Nothing lost: every line of the page is kept, used as a part, or listed as removed.
    const accounted = new Set([
      ...parts.paragraphs,
      parts.title,
      ...(parts.kicker ? [parts.kicker] : []),
      ...removed.map((r) => r.line),
    ]);
    for (const line of text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean))
      expect(accounted).toContain(line);
  });
});

describe('npm run new-lesson on a page copy, in a copy of the course', () => {
  let root = '';
  afterEach(() => {
    if (root) rmSync(root, { recursive: true });
    root = '';
  });

  async function run(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: NewLessonIo = {
      isTTY: false,
      ask: () => Promise.reject(new Error('no terminal')),
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    };
    const code = await newLesson(args, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  const freshCourse = () => {
    root = mkdtempSync(join(tmpdir(), 'new-lesson-page-'));
    cpSync(join(projectRoot, 'content'), join(root, 'content'), { recursive: true });
    return root;
  };

  it('prints what it removed and the paragraphs it kept, numbered, and reads the date from the page', async () => {
    freshCourse();
    const result = await run([page('news-site.txt'), '--dir', root, '--title', 'The quay fire']);
    expect(result.code, result.out + result.err).toBe(0);
    expect(result.out).toContain('headline: Fire destroys warehouse on Port Ellery quay');
    expect(result.out).toContain('date:     2024-04-23 (found in the article)');
    expect(result.out).toContain('Removed 12 lines of page furniture:');
    expect(result.out).toContain('  - Share on X (Twitter)   (share button)');
    expect(result.out).toMatch(/Kept 4 paragraphs.*\n {3}1\. A fire destroyed a warehouse/);
    expect(result.out).toMatch(/\n {3}4\. The cause of the fire is not yet known\./);
    const source = parse(readFileSync(join(root, 'content/sources/report-c.yaml'), 'utf8')) as Record<string, unknown>;
    expect(source).toMatchObject({
      title: 'Fire destroys warehouse on Port Ellery quay',
      credit: 'Reporting by Ana Ruiz and the Herald newsroom',
      published: '2024-04-23',
    });
    // The starter evidence question points at the article's first paragraph, not at a share button.
    const quiz = readFileSync(join(root, 'content/quizzes/report-c-checkpoint.yaml'), 'utf8');
    expect(quiz).toContain('evidence: { source: report-c, paragraph: 1 }');
    expect((source.paragraphs as string[])[0]).toMatch(/^A fire destroyed a warehouse/);
    const problems = checkContentFolder(root);
    expect(problems.filter(isError), formatProblems(problems)).toEqual([]);
  });

  it('places the lesson before the final review, which moves down one', async () => {
    freshCourse();
    const before = readFileSync(join(root, 'content/lessons/final-review.mdx'), 'utf8');
    const reviewOrder = Number(/^order: (\d+)$/m.exec(before)![1]);
    const result = await run([page('wire-agency.txt'), '--dir', root, '--title', 'The road', '--credit', 'x']);
    expect(result.code, result.out + result.err).toBe(0);
    expect(readFileSync(join(root, 'content/lessons/report-c.mdx'), 'utf8')).toMatch(
      new RegExp(`^order: ${reviewOrder}$`, 'm'),
    );
    expect(readFileSync(join(root, 'content/lessons/final-review.mdx'), 'utf8')).toMatch(
      new RegExp(`^order: ${reviewOrder + 1}$`, 'm'),
    );
    expect(result.out).toContain(
      `content/lessons/final-review.mdx: moved from lesson ${reviewOrder} to ${reviewOrder + 1}`,
    );
  });

  it('puts the lesson where --order says, with the id --id gives', async () => {
    freshCourse();
    const result = await run([
      page('minimal.txt'),
      '--dir',
      root,
      '--id',
      'guard',
      '--title',
      'The guard',
      '--label',
      'Update',
      '--date',
      '2025-03-16',
      '--order',
      '2',
    ]);
    expect(result.code, result.out + result.err).toBe(0);
    expect(readFileSync(join(root, 'content/lessons/guard.mdx'), 'utf8')).toMatch(/^order: 2$/m);
    const orders = readdirSync(join(root, 'content/lessons')).map((f) =>
      Number(/^order: (\d+)$/m.exec(readFileSync(join(root, 'content/lessons', f), 'utf8'))![1]),
    );
    expect(new Set(orders).size).toBe(orders.length);
    expect(checkContentFolder(root).filter(isError)).toEqual([]);
  });

  it('refuses the same article a second time, naming the report it already is', async () => {
    freshCourse();
    expect((await run([page('blog.txt'), '--dir', root, '--title', 'Blog', '--credit', 'A blogger'])).code).toBe(0);
    const files = readdirSync(join(root, 'content'), { recursive: true }).length;
    const again = await run([page('blog.txt'), '--dir', root, '--title', 'Blog again', '--credit', 'A blogger']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('this article is already in the course, as report "report-c"');
    expect(readdirSync(join(root, 'content'), { recursive: true }).length).toBe(files);
    // The course's own reports too: the seed of report B, copied again from its page.
    const seedB = join(projectRoot, 'tests/fixtures/messy-article.txt');
    const b = await run([seedB, '--dir', root, '--title', 'B again', '--date', '2024-04-23']);
    expect(b.err).toContain('as report "report-b"');
  });
});
