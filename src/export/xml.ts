/** Markup that is already XML: a child of this kind is inserted as is; any string child is escaped. */
export class Xml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export type XmlChild = Xml | string | number | null | undefined | false | readonly XmlChild[];

/** Characters XML 1.0 cannot hold at all, even escaped (C0 controls other than tab, newline, return). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function flatten(children: readonly XmlChild[]): (Xml | string)[] {
  return children.flatMap((child): (Xml | string)[] => {
    if (child === null || child === undefined || child === false) return [];
    if (Array.isArray(child)) return flatten(child);
    return [child instanceof Xml ? child : String(child)];
  });
}

/** `el('item', { ident: 'q1' }, el('material', {}, 'text'))`: an element, attribute values and text escaped. */
export function el(name: string, attrs: Record<string, string | number | undefined>, ...children: XmlChild[]): Xml {
  const attributes = Object.entries(attrs)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  const parts = flatten(children);
  if (parts.length === 0) return new Xml(`<${name}${attributes}/>`);
  // Elements go on their own lines so the files stay readable; text stays inline, exactly as given (no
  // indentation: it would change the text of any element below that holds a line break).
  const onlyElements = parts.every((part) => part instanceof Xml);
  const inner = parts.map((part) => (part instanceof Xml ? part.markup : escapeXml(part)));
  return new Xml(
    onlyElements
      ? `<${name}${attributes}>\n${inner.join('\n')}\n</${name}>`
      : `<${name}${attributes}>${inner.join('')}</${name}>`,
  );
}

export function xmlDocument(root: Xml): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root.markup}\n`;
}
