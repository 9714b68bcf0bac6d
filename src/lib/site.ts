/** Names the whole site uses, in one place. */
export const SITE_NAME = 'Behind the Headlines';
export const SITE_SUBTITLE = 'Attacks on US forces in Iraq and Syria, April 2024';

/** Main navigation, in order. `match` is the path prefix that marks an entry as the current section. */
export const NAV_ITEMS: readonly { href: string; label: string; match: string }[] = [
  { href: '/', label: 'Home', match: '/' },
  { href: '/reports/', label: 'Reports', match: '/reports' },
  { href: '/background/', label: 'Background', match: '/background' },
  { href: '/timeline/', label: 'Timeline', match: '/timeline' },
  { href: '/glossary/', label: 'Glossary', match: '/glossary' },
  { href: '/map/', label: 'Map', match: '/map' },
  { href: '/progress/', label: 'Progress', match: '/progress' },
  { href: '/review/', label: 'Review', match: '/review' },
];

/** Whether a nav entry is the page being shown or the section it belongs to. */
export function isCurrentSection(pathname: string, match: string): boolean {
  const path = pathname.replace(/\/+$/, '') || '/';
  return match === '/' ? path === '/' : path === match || path.startsWith(`${match}/`);
}
