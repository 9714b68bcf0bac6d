// The course's own name and words are in content/course.yaml (read with getCourse() in course.ts); this file holds
// only what every course shares.

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

/** The address used when the course file gives none: it links only to the instructor's own computer. */
export const LOCAL_SITE = 'http://localhost:4321';

/** True for the placeholder address, which links only to the instructor's own computer. */
export const isLocalSite = (url: string | URL): boolean => {
  const { hostname } = new URL(String(url));
  return hostname === 'localhost' || hostname === '127.0.0.1';
};

/** The first line of an export or worksheet built without a site address. */
export const UNSET_SITE_NOTICE =
  "NOT FOR PUBLICATION: built without the course's site address, so its links lead to localhost. Set site: in content/course.yaml (or COURSE_SITE_URL) and build again.";
