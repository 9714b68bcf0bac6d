/** A URL a stylesheet points to, and the kind of rule that holds it. */
export interface CssReference {
  rule: 'import' | 'font-face' | 'url';
  url: string;
}

/**
 * What a stylesheet would make the browser fetch: `@import`s, the first source of each `@font-face` (the
 * browser downloads one format per face) and every other `url()`. Data URLs are left out: they cost no request.
 */
export function cssReferences(css: string): CssReference[] {
  const refs: CssReference[] = [];
  let rest = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const unquote = (value: string) =>
    value
      .trim()
      .replace(/^(["'])([\s\S]*)\1$/, '$2')
      .trim();
  const urlPattern = /url\(\s*("[^"]*"|'[^']*'|[^)]*)\s*\)/gi;

  for (const match of rest.matchAll(/@import\s+(?:url\(\s*("[^"]*"|'[^']*'|[^)]*)\s*\)|("[^"]*"|'[^']*'))/gi)) {
    refs.push({ rule: 'import', url: unquote(match[1] ?? match[2] ?? '') });
  }
  rest = rest.replace(/@import[^;]*;?/gi, '');

  rest = rest.replace(/@font-face\s*\{([^}]*)\}/gi, (_block, body: string) => {
    const first = body.matchAll(urlPattern).next();
    if (!first.done) refs.push({ rule: 'font-face', url: unquote(first.value[1] ?? '') });
    return '';
  });

  for (const match of rest.matchAll(urlPattern)) refs.push({ rule: 'url', url: unquote(match[1] ?? '') });
  return refs.filter((ref) => ref.url !== '' && !/^data:/i.test(ref.url));
}
