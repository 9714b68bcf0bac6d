/**
 * The search page's behaviour. Loads Pagefind's browser API (built into /pagefind/ by integration.ts) the
 * first time it is needed, searches for ?q= and as the student types, and renders results with DOM calls and
 * text nodes only: excerpts go through excerptRuns, never innerHTML.
 */
import { excerptRuns } from './excerpt';
import type { PagefindApi, PagefindResultData } from './pagefind-api';
import { normaliseQuery, queryFromSearch, resultHref, resultsMessage } from './results';

/** Pause after the last key press before searching, so each word is searched once. */
const TYPING_PAUSE_MS = 250;
/** Result pages loaded and shown; the whole course has fewer indexed pages than this. */
const MAX_RESULTS = 25;
/** Sections (headings, glossary terms, timeline events, paragraphs) shown under a result. */
const MAX_SECTIONS = 3;

export function startSearch(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-search-form]');
  const input = root.querySelector<HTMLInputElement>('[data-search-input]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-search-results]');
  if (!form || !input || !status || !list) throw new Error('search page: form, input, status or results list missing');

  let api: Promise<PagefindApi> | null = null;
  // Each search gets a number; a result that arrives after a newer search started is dropped.
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const loadApi = (): Promise<PagefindApi> => {
    api ??= import(/* @vite-ignore */ `${import.meta.env.BASE_URL}pagefind/pagefind.js`).then(
      async (module: PagefindApi) => {
        await module.options({ excerptLength: 24 });
        await module.init();
        return module;
      },
    );
    return api;
  };

  const say = (message: string) => {
    // The same text twice is not announced again; a no-break space makes it a change.
    status.textContent = status.textContent === message ? `${message}\u00a0` : message;
  };

  const show = (results: PagefindResultData[]) => {
    list.replaceChildren(...results.flatMap((result) => renderResult(result) ?? []));
    list.hidden = list.childElementCount === 0;
  };

  const run = async (raw: string) => {
    clearTimeout(timer);
    const query = normaliseQuery(raw);
    const id = ++latest;
    rememberQuery(query);
    if (query === '') {
      show([]);
      status.textContent = '';
      return;
    }
    try {
      const pagefind = await loadApi();
      const found = await pagefind.search(query);
      const data = await Promise.all(found.results.slice(0, MAX_RESULTS).map((result) => result.data()));
      if (id !== latest) return;
      show(data);
      say(resultsMessage(found.results.length, query));
    } catch (error) {
      if (id !== latest) return;
      api = null;
      show([]);
      say(
        import.meta.env.DEV
          ? 'Search works on the built site: run npm run build && npm run preview.'
          : 'Search could not load. Check your connection and reload the page.',
      );
      console.warn('search failed to load or run', error);
    }
  };

  input.addEventListener('focus', () => void loadApi().catch(() => undefined), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const typed = normaliseQuery(input.value);
    if (typed !== '')
      void loadApi().then(
        (pagefind) => pagefind.preload(typed),
        () => undefined,
      );
    timer = setTimeout(() => void run(input.value), TYPING_PAUSE_MS);
  });
  // With this script running, the form searches in place; without it, it is a plain GET to this page.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(input.value);
  });
  // Escape, in the box or on a result, clears the search and puts the cursor back in the box.
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || (input.value === '' && list.hidden)) return;
    event.preventDefault();
    input.value = '';
    void run('');
    input.focus();
  });

  const initial = queryFromSearch(location.search);
  if (initial !== '') {
    input.value = initial;
    void run(initial);
  }
}

/** Keeps ?q= in the address in step with the box, so reloading, going back or sharing shows the same results. */
function rememberQuery(query: string): void {
  const url = new URL(location.href);
  if (query === '') url.searchParams.delete('q');
  else url.searchParams.set('q', query);
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}

function renderResult(result: PagefindResultData): HTMLLIElement | null {
  const href = resultHref(result.url);
  if (!href) return null;
  const item = element('li', 'search-result');
  const heading = element('h2', 'search-result-title');
  const link = element('a');
  link.href = href;
  link.textContent = result.meta.title || href;
  heading.append(link);
  item.append(heading, excerptParagraph(result.excerpt));

  // Sections are the headings and titled elements (terms, events, paragraphs) with an id; the page's own
  // <h1> would only repeat the result's title.
  const sections = result.sub_results
    .filter(
      (sub) =>
        sub.anchor && resultHref(sub.url) && sub.title && sub.title !== link.textContent && sub.anchor.element !== 'h1',
    )
    .slice(0, MAX_SECTIONS);
  if (sections.length > 0) {
    const sublist = element('ul', 'search-sections');
    sublist.setAttribute('aria-label', `Matches in ${link.textContent}`);
    for (const sub of sections) {
      const subItem = element('li');
      const subLink = element('a');
      subLink.href = resultHref(sub.url)!;
      subLink.textContent = sub.title;
      subItem.append(subLink, excerptParagraph(sub.excerpt));
      sublist.append(subItem);
    }
    item.append(sublist);
  }
  return item;
}

function excerptParagraph(excerpt: string): HTMLParagraphElement {
  const paragraph = element('p', 'search-excerpt');
  for (const run of excerptRuns(excerpt)) {
    if (run.mark) {
      const mark = element('mark');
      mark.textContent = run.text;
      paragraph.append(mark);
    } else {
      paragraph.append(document.createTextNode(run.text));
    }
  }
  return paragraph;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}
