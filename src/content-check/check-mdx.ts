/**
 * The bodies of lessons and topics, read with the same MDX parser the build uses (satteri, through @astrojs/mdx), so
 * that what would stop the build stops the check first: an unclosed tag, a component the page does not provide,
 * a {…} that MDX would run as code. Internal links are checked too: a link to a page or paragraph that does not
 * exist would be published broken.
 */
import { mdxToMdast } from 'satteri';
import { closest, type KnownIds } from './links';
import type { LoadedContent, MdxBody } from './load';
import type { Problem } from './problem';
import { seeGuide } from './guide';

/** Components each kind of page hands its MDX body (src/pages/lessons/[id].astro, src/pages/background/[id].astro). */
const componentsFor: Record<MdxBody['kind'], readonly string[]> = { lessons: ['Quiz'], topics: [] };

interface Node {
  type: string;
  name?: string | null;
  url?: string;
  value?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  children?: Node[];
}

export function checkBodies(content: LoadedContent, known: KnownIds): Problem[] {
  const paragraphs = new Map(content.sources.map((s) => [s.id, s.data.paragraphs.length]));
  return content.bodies.flatMap((body) => checkBody(body, known, paragraphs));
}

function checkBody(body: MdxBody, known: KnownIds, paragraphs: ReadonlyMap<string, number>): Problem[] {
  const item = `${body.kind === 'lessons' ? 'lesson' : 'topic'} "${body.id}"`;
  const at = (line: number | undefined) => (line ?? 1) + body.bodyLine - 1;
  let tree: Node;
  try {
    tree = mdxToMdast(body.text) as Node;
  } catch (error) {
    return [parseProblem(body, item, error)];
  }
  const problems: Problem[] = [];
  const visit = (node: Node) => {
    const line = at(node.position?.start.line);
    const problem = (message: string, fix: string) => problems.push({ file: body.file, line, item, message, fix });
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const allowed = componentsFor[body.kind];
      if (/^[A-Z]/.test(node.name) && !allowed.includes(node.name)) {
        problem(
          `<${node.name}> is not something this page can show`,
          allowed.length > 0
            ? `use only ${allowed.map((n) => `<${n} … />`).join(', ')} here, or write the text in Markdown ${seeGuide(body.file)}`
            : `write it in Markdown; a ${body.kind === 'topics' ? 'topic' : 'lesson'} page has no components ${seeGuide(body.file)}`,
        );
      }
      if (node.name === 'a') {
        const href = node.attributes?.find((a) => a.name === 'href')?.value;
        if (typeof href === 'string') problems.push(...checkLink(body, item, line, href, known, paragraphs));
      }
    }
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      // {/* a comment */} is the one expression that is harmless in content.
      if (!/^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value ?? '')) {
        problem(
          `{${shorten(node.value ?? '')}} is read by MDX as code to run, and would stop the build`,
          'to show braces as text write \\{ and \\}; to leave a comment write {/* like this */}',
        );
      }
    }
    if (node.type === 'mdxjsEsm') {
      problem(
        'an import or export line is code, which content files do not use',
        `remove the line; <Quiz id="…" /> needs no import ${seeGuide(body.file)}`,
      );
    }
    if (node.type === 'link' && node.url) problems.push(...checkLink(body, item, line, node.url, known, paragraphs));
    node.children?.forEach(visit);
  };
  visit(tree);
  return problems;
}

/** The parser's complaint ("3:1: Expected a closing tag for `<Quiz>` (3:1) (mdx-jsx:…)") as a problem. */
function parseProblem(body: MdxBody, item: string, error: unknown): Problem {
  const text = error instanceof Error ? error.message : String(error);
  const where = /^(\d+):(\d+):\s*/.exec(text);
  const line = (where ? Number(where[1]) : 1) + body.bodyLine - 1;
  const said = text
    .replace(/^(\d+):(\d+):\s*/, '')
    .replace(/\s*\(\d+:\d+\)/, '')
    .replace(/\s*\([a-z-]+:[a-z-]+\)\s*$/, '');
  const unclosed = /Expected a closing tag for `<(\w+)>`/.exec(said);
  if (unclosed) {
    return {
      file: body.file,
      line,
      item,
      message: `the <${unclosed[1]}> tag on this line is never closed`,
      fix: `end the tag with " />", e.g. <${unclosed[1]} id="…" /> (note the slash) ${seeGuide(body.file)}`,
    };
  }
  return {
    file: body.file,
    line,
    item,
    message: `MDX cannot read this line: ${said}`,
    fix: 'in MDX, < and { start a tag or code: close every tag (<Quiz id="…" />), and write \\< or \\{ for the characters themselves',
  };
}

/** Pages of the course (src/pages), with the fragment ids each one has. */
function checkLink(
  body: MdxBody,
  item: string,
  line: number,
  href: string,
  known: KnownIds,
  paragraphs: ReadonlyMap<string, number>,
): Problem[] {
  if (!href.startsWith('/') || href.startsWith('//')) return [];
  const [pathAndQuery, hash = ''] = href.split('#', 2);
  const path = pathAndQuery.split('?')[0].replace(/\/+$/, '') || '/';
  const parts = path.split('/').filter(Boolean);
  const problem = (message: string, fix: string): Problem[] => [{ file: body.file, line, item, message, fix }];
  const missing = (what: string, id: string, ids: Set<string>, folder: string) => {
    const guess = closest(id, ids);
    return problem(
      `links to ${href}, but there is no ${what} "${id}"`,
      `${guess ? `did you mean /${folder}/${guess}/? ` : ''}link to a ${what} that exists: ${[...ids].map((i) => `/${folder}/${i}/`).join(', ') || 'there are none yet'}`,
    );
  };
  const anchor = (prefix: string, ids: Set<string>, page: string, what: string) => {
    if (!hash) return [];
    const id = hash.startsWith(prefix) ? hash.slice(prefix.length) : undefined;
    if (id !== undefined && ids.has(id)) return [];
    const guess = id === undefined ? undefined : closest(id, ids);
    return problem(
      `links to ${href}, but ${page} has no "#${hash}"`,
      `${guess ? `did you mean #${prefix}${guess}? ` : ''}link to #${prefix}<${what} id>, with an id that exists`,
    );
  };
  const simple = new Set(['', 'reports', 'background', 'lessons', 'progress', 'review', 'search', 'instructors']);
  if (parts.length === 0 || (parts.length === 1 && simple.has(parts[0]))) return [];
  const [section, id] = parts;
  if (parts.length === 1) {
    if (section === 'glossary') return anchor('term-', known.terms, '/glossary/', 'term');
    if (section === 'timeline') return anchor('event-', known.events, '/timeline/', 'event');
    if (section === 'map') return anchor('place-', known.places, '/map/', 'place');
  }
  if (parts.length === 2) {
    if (section === 'reports') {
      if (!known.sources.has(id)) return missing('report', id, known.sources, 'reports');
      if (!hash) return [];
      const count = paragraphs.get(id);
      const n = /^p(\d+)$/.exec(hash)?.[1];
      if (count === undefined) return []; // a broken report is reported on its own
      if (n !== undefined && Number(n) >= 1 && Number(n) <= count) return [];
      return problem(
        `links to ${href}, but report "${id}" has ${count} paragraph${count === 1 ? '' : 's'}${n === undefined ? ` and no "#${hash}"` : ''}`,
        `link to a paragraph as #p1 to #p${count}: the numbers are beside each paragraph of /reports/${id}/`,
      );
    }
    if (section === 'background') return known.topics.has(id) ? [] : missing('topic', id, known.topics, 'background');
    if (section === 'lessons') return known.lessons.has(id) ? [] : missing('lesson', id, known.lessons, 'lessons');
  }
  if (section === 'instructors' || section === 'exports') return [];
  return problem(
    `links to ${href}, which is not a page of the course`,
    'link to a page that exists, such as /reports/<id>/#p3, /background/<id>/, /lessons/<id>/, /glossary/#term-<id>, /timeline/#event-<id> or /map/#place-<id>',
  );
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= 40 ? flat : `${flat.slice(0, 37)}…`;
}
