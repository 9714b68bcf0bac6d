import { describe, expect, test } from 'vitest';
import { cssReferences } from '../../scripts/lib/css-references.ts';
import { effectiveScriptSources, parseCsp, readCspMeta } from '../../scripts/lib/csp.ts';
import { pageKind } from '../../scripts/lib/page-kinds.ts';

describe('cssReferences', () => {
  test('finds @import (both forms), the first source of each @font-face and other url(); skips comments and data:', () => {
    const css = [
      '@import url("https://fonts.example.com/css?family=X");',
      "@import './local.css' screen;",
      '/* @import "commented.css"; url(/commented.png) */',
      '@font-face{font-family:A;src:url(https://cdn.example.com/a.woff2) format("woff2"),url(/a.woff) format("woff")}',
      ".x{background:url('/bg.png')}",
      '.y{mask:url(data:image/svg+xml;base64,AAAA)}',
    ].join('\n');
    expect(cssReferences(css)).toEqual([
      { rule: 'import', url: 'https://fonts.example.com/css?family=X' },
      { rule: 'import', url: './local.css' },
      { rule: 'font-face', url: 'https://cdn.example.com/a.woff2' },
      { rule: 'url', url: '/bg.png' },
    ]);
  });
});

describe('CSP', () => {
  test('reads the policy of a <meta http-equiv> whatever the case and quoting, or null without one', () => {
    const html = `<head><META HTTP-EQUIV="Content-Security-Policy" content="default-src &#39;self&#39;; script-src 'self' 'sha256-x='"></head>`;
    expect(readCspMeta(html)).toBe("default-src 'self'; script-src 'self' 'sha256-x='");
    expect(readCspMeta('<meta name="description" content="default-src">')).toBeNull();
  });

  test('parses directives (first one wins) and falls back to default-src for scripts', () => {
    const directives = parseCsp("default-src 'self';script-src 'self' 'unsafe-inline'; script-src 'none'");
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(effectiveScriptSources(directives)).toEqual(["'self'", "'unsafe-inline'"]);
    expect(effectiveScriptSources(parseCsp("default-src 'self'"))).toEqual(["'self'"]);
  });
});

describe('pageKind', () => {
  test('reads the kind of page from its URL path', () => {
    expect(pageKind('/')).toBe('home');
    expect(pageKind('/reports/report-a/')).toBe('reading');
    expect(pageKind('/reports/')).toBe('other');
    expect(pageKind('/lessons/what-happened/')).toBe('lesson');
    expect(pageKind('/instructors/worksheets/what-happened/')).toBe('instructor');
    expect(pageKind('/instructors/results/')).toBe('results');
    expect(pageKind('/instructors/')).toBe('instructor');
    expect(pageKind('/background/gaza-link/')).toBe('background');
    expect(pageKind('/topics/armed-groups/')).toBe('background');
    expect(pageKind('/timeline/')).toBe('timeline');
    expect(pageKind('/glossary/')).toBe('glossary');
    expect(pageKind('/map/')).toBe('map');
    expect(pageKind('/404.html')).toBe('not-found');
    expect(pageKind('/search/')).toBe('search');
  });
});
