/** The Content-Security-Policy a page sets in `<meta http-equiv>`, or null when it sets none. */
export function readCspMeta(html: string): string | null {
  for (const match of html.matchAll(/<meta\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi)) {
    const attributes = match[1] ?? '';
    if (!/http-equiv\s*=\s*["']?content-security-policy["'\s>]/i.test(attributes + ' ')) continue;
    const content = /content\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attributes);
    return (content?.[1] ?? content?.[2] ?? '')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  }
  return null;
}

/** Directive name → its source list, e.g. "script-src" → ["'self'", "'sha256-…'"]. Names are lower-cased. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    // The first occurrence of a directive wins; browsers ignore repeats.
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The sources that govern scripts: script-src, or default-src when script-src is absent. */
export function effectiveScriptSources(directives: Map<string, string[]>): string[] {
  return directives.get('script-src') ?? directives.get('default-src') ?? [];
}
