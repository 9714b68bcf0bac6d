import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cssReferences } from './css-references.ts';

// What one built page costs a visitor: the resources its HTML makes the browser fetch at load, and the
// JavaScript an Astro island fetches when it hydrates. Read from the HTML and the files in dist/ (no browser),
// so budgets are exact byte counts that do not depend on timing. Runs on Node 24 as plain TypeScript.

export interface Bytes {
  raw: number;
  gzip: number;
}

export type ResourceKind = 'css' | 'js' | 'image' | 'font' | 'other';

/** 'load': fetched while the page loads. 'hydration': fetched when an island wakes (may never happen). */
export type Phase = 'load' | 'hydration';

export interface Resource extends Bytes {
  /** Path for a local file ("/_astro/a.js"), the full URL for another origin, "inline" for an inline script. */
  url: string;
  kind: ResourceKind;
  phase: Phase;
  /** An inline <script>: its bytes already count in the HTML, and it costs no request. */
  inline: boolean;
  /** Served by the site itself (same origin as the page). */
  local: boolean;
  /** Local, but no such file in dist/: a broken reference. */
  missing: boolean;
  /** What referenced it, for messages: e.g. "link[rel=stylesheet]", "import in /_astro/a.js". */
  via: string;
}

export interface Island {
  componentUrl: string;
  rendererUrl: string | null;
  /** Astro's client directive: "load", "idle", "visible", "media" or "only". */
  client: string | null;
}

export interface PageWeight {
  path: string;
  html: Bytes;
  resources: Resource[];
  islands: Island[];
  /** Every inline <style> of the page, for checks on what its CSS points to. */
  inlineStyles: string[];
}

export interface PageTotals {
  /** The HTML itself plus each distinct resource fetched at load. */
  requests: number;
  html: Bytes;
  /** At load; CSS fetched through <link> and @import. */
  css: Bytes;
  /** At load, inline scripts included (their bytes are also in the HTML). */
  js: Bytes;
  images: Bytes;
  fonts: Bytes;
  other: Bytes;
  /** Everything on the wire at load, gzipped: HTML and every fetched resource (inline scripts counted once). */
  totalGzip: number;
  /** JavaScript fetched when the page's islands hydrate, not already fetched at load. */
  hydrationJs: Bytes;
}

const SITE = 'http://site.invalid';

const fileBytes = new Map<string, Bytes>();
/** Raw and gzip (level 9) size of a buffer or string. */
export function measureBytes(content: string | Buffer): Bytes {
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  return { raw: buffer.length, gzip: buffer.length === 0 ? 0 : gzipSync(buffer, { level: 9 }).length };
}
function measureFile(file: string): Bytes {
  let bytes = fileBytes.get(file);
  if (!bytes) {
    bytes = measureBytes(readFileSync(file));
    fileBytes.set(file, bytes);
  }
  return bytes;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };
/** Decodes the few entities that appear in attribute values. */
function decodeEntities(value: string): string {
  return value.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|quot|apos|lt|gt));/gi, (_m, dec, hex, name) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    return NAMED_ENTITIES[String(name).toLowerCase()] ?? '';
  });
}

export function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const match of source.matchAll(pattern)) {
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    attributes.set(match[1]!.toLowerCase(), decodeEntities(value));
  }
  return attributes;
}

interface Tag {
  name: string;
  attributes: Map<string, string>;
  /** Text content, for <script> and <style> only. */
  content: string;
}

/** Start tags of the elements that can make the browser fetch something, in document order. */
export function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  // Script and style bodies are taken whole first, so markup-like text inside them is never read as tags.
  const pattern =
    /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>|<(link|img|source|astro-island)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
  for (const match of withoutComments.matchAll(pattern)) {
    if (match[1]) {
      tags.push({ name: match[1].toLowerCase(), attributes: parseAttributes(match[2] ?? ''), content: match[3] ?? '' });
    } else {
      tags.push({ name: match[4]!.toLowerCase(), attributes: parseAttributes(match[5] ?? ''), content: '' });
    }
  }
  return tags;
}

/** The static imports (and re-exports) of an ES module; dynamic import() is not followed. */
export function staticImports(code: string): string[] {
  const specifiers: string[] = [];
  // Statement position only (start, or after whitespace, ";" or "}"), so "component-export" or a word inside
  // a string is not read as a statement.
  const pattern = /(?<![^\s;}])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+)["']/g;
  for (const match of code.matchAll(pattern)) specifiers.push(match[1]!);
  return specifiers;
}

/** The specifiers of an ES module's dynamic import()s with a fixed string, as the bundler writes them: what it may load
 * later, which the weights here do not count. */
export function dynamicImports(code: string): string[] {
  return [...code.matchAll(/(?<![\w$.])import\(\s*(["'`])([^"'`$]+)\1\s*\)/g)].map((match) => match[2]!);
}

/** What a page's island code may import() later, only when something needs it (not in hydrationJs): site paths. */
export function laterImports(distDir: string, weight: PageWeight): string[] {
  const urls = new Set<string>();
  for (const file of weight.resources.filter(
    (r) => r.kind === 'js' && r.phase === 'hydration' && r.local && !r.missing,
  ))
    for (const specifier of dynamicImports(readFileSync(join(resolve(distDir), file.url), 'utf8')))
      urls.add(new URL(specifier, new URL(file.url, SITE)).pathname);
  return [...urls];
}

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
const FETCHING_RELS: Readonly<Record<string, ResourceKind>> = {
  stylesheet: 'css',
  modulepreload: 'js',
  icon: 'image',
  'apple-touch-icon': 'image',
  manifest: 'other',
};
const PRELOAD_AS: Readonly<Record<string, ResourceKind>> = { style: 'css', script: 'js', image: 'image', font: 'font' };

export function measurePage(distDir: string, page: { path: string; file: string }): PageWeight {
  const root = resolve(distDir);
  const html = readFileSync(page.file, 'utf8');
  const pageUrl = new URL(page.path, SITE);
  const resources: Resource[] = [];
  const seen = new Set<string>();
  const islands: Island[] = [];
  const inlineStyles: string[] = [];

  const localFile = (url: URL): string | null => {
    let pathname = decodeURIComponent(url.pathname);
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = join(root, pathname);
    return file.startsWith(root + sep) ? file : null;
  };

  // Adds a resource once (by URL and phase order: load wins), then what it pulls in: CSS imports, fonts and
  // images for stylesheets, static imports for modules.
  const add = (href: string, base: URL, kind: ResourceKind, phase: Phase, via: string): void => {
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      return;
    }
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    url.hash = '';
    const local = url.origin === SITE;
    const key = local ? url.pathname + url.search : url.href;
    if (seen.has(key)) return;
    seen.add(key);
    const file = local ? localFile(url) : null;
    const missing = local && (file === null || !existsSync(file));
    const bytes = file && !missing ? measureFile(file) : { raw: 0, gzip: 0 };
    resources.push({ url: key, kind, phase, inline: false, local, missing, via, ...bytes });
    if (!file || missing) return;
    if (kind === 'css') followCss(readFileSync(file, 'utf8'), url, phase, key);
    if (kind === 'js') {
      for (const specifier of staticImports(readFileSync(file, 'utf8')))
        add(specifier, url, 'js', phase, `import in ${key}`);
    }
  };
  const followCss = (css: string, base: URL, phase: Phase, from: string): void => {
    for (const ref of cssReferences(css)) {
      const kind: ResourceKind = ref.rule === 'import' ? 'css' : ref.rule === 'font-face' ? 'font' : 'image';
      add(ref.url, base, kind, phase, `${ref.rule} in ${from}`);
    }
  };

  const deferred: Array<() => void> = [];
  let inlineCount = 0;
  for (const tag of scanTags(html)) {
    const a = tag.attributes;
    if (tag.name === 'script') {
      const type = (a.get('type') ?? '').toLowerCase();
      if (!JS_TYPES.has(type)) continue;
      const src = a.get('src');
      if (src) add(src, pageUrl, 'js', 'load', 'script[src]');
      else if (tag.content.trim()) {
        inlineCount += 1;
        resources.push({
          url: 'inline',
          kind: 'js',
          phase: 'load',
          inline: true,
          local: true,
          missing: false,
          via: `inline script #${inlineCount}`,
          ...measureBytes(tag.content),
        });
        // Only a module script can have static imports.
        if (type === 'module')
          for (const specifier of staticImports(tag.content))
            add(specifier, pageUrl, 'js', 'load', `import in inline script #${inlineCount}`);
      }
    } else if (tag.name === 'style') {
      inlineStyles.push(tag.content);
      followCss(tag.content, pageUrl, 'load', 'inline style');
    } else if (tag.name === 'link') {
      const href = a.get('href');
      if (!href) continue;
      for (const rel of (a.get('rel') ?? '').toLowerCase().split(/\s+/)) {
        const kind =
          rel === 'preload' || rel === 'prefetch'
            ? (PRELOAD_AS[(a.get('as') ?? '').toLowerCase()] ?? 'other')
            : FETCHING_RELS[rel];
        if (kind) add(href, pageUrl, kind, 'load', `link[rel=${rel}]`);
      }
    } else if (tag.name === 'img' || tag.name === 'source') {
      const src = a.get('src') ?? a.get('srcset')?.trim().split(/\s+/)[0];
      if (src) add(src, pageUrl, 'image', 'load', tag.name);
    } else if (tag.name === 'astro-island') {
      const componentUrl = a.get('component-url');
      if (!componentUrl) continue;
      const island: Island = {
        componentUrl,
        rendererUrl: a.get('renderer-url') ?? null,
        client: a.get('client') ?? null,
      };
      islands.push(island);
      // Hydration comes after everything the page loads, so a module already loaded is not counted twice.
      deferred.push(() => {
        const before = a.get('before-hydration-url');
        if (before) add(before, pageUrl, 'js', 'hydration', 'astro-island before-hydration-url');
        add(componentUrl, pageUrl, 'js', 'hydration', 'astro-island component-url');
        if (island.rendererUrl) add(island.rendererUrl, pageUrl, 'js', 'hydration', 'astro-island renderer-url');
      });
    }
  }
  for (const run of deferred) run();

  return { path: page.path, html: measureBytes(html), resources, islands, inlineStyles };
}

function sum(resources: Resource[]): Bytes {
  return resources.reduce((total, r) => ({ raw: total.raw + r.raw, gzip: total.gzip + r.gzip }), { raw: 0, gzip: 0 });
}

export function totals(weight: PageWeight): PageTotals {
  const load = weight.resources.filter((r) => r.phase === 'load');
  const fetched = load.filter((r) => !r.inline);
  const ofKind = (kind: ResourceKind) => sum(load.filter((r) => r.kind === kind));
  return {
    requests: 1 + fetched.length,
    html: weight.html,
    css: ofKind('css'),
    js: ofKind('js'),
    images: ofKind('image'),
    fonts: ofKind('font'),
    other: ofKind('other'),
    totalGzip: weight.html.gzip + sum(fetched).gzip,
    hydrationJs: sum(weight.resources.filter((r) => r.phase === 'hydration' && r.kind === 'js')),
  };
}
