import type { EvidenceRef } from '../schemas/question';
import { eventHref, placeHref, reportHref, termHref, topicHref } from '../lib/urls';
import type { ExportCourse } from './types';

export interface EvidenceLink {
  /** e.g. "Report A, paragraph 2" or "Background: The Gaza link" */
  label: string;
  /** On this site, for links on its own pages. */
  href: string;
  /** Absolute, so it still works once the question lives in an LMS or on paper. */
  url: string;
}

/** Where a question's evidence is, in words and as an absolute link to the course site. */
export function evidenceLink(
  ref: EvidenceRef,
  course: Pick<ExportCourse, 'siteUrl' | 'sources' | 'names'>,
): EvidenceLink {
  const { names } = course;
  const link = (label: string, href: string): EvidenceLink => ({ label, href, url: absoluteUrl(course.siteUrl, href) });
  const sourceLabel = (id: string) => course.sources.find((s) => s.id === id)?.label ?? id;
  if ('source' in ref)
    return link(`${sourceLabel(ref.source)}, paragraph ${ref.paragraph}`, reportHref(ref.source, ref.paragraph));
  if ('topic' in ref) return link(`Background: ${names.topic[ref.topic] ?? ref.topic}`, topicHref(ref.topic));
  if ('term' in ref) return link(`Glossary: ${names.term[ref.term] ?? ref.term}`, termHref(ref.term));
  if ('event' in ref) return link(`Timeline: ${names.event[ref.event] ?? ref.event}`, eventHref(ref.event));
  if ('place' in ref) return link(`Map: ${names.place[ref.place] ?? ref.place}`, placeHref(ref.place));
  const source = names.note[ref.note];
  return source
    ? link(`A note on ${sourceLabel(source)}`, `${reportHref(source)}#note-${ref.note}`)
    : link(`Note ${ref.note}`, '/reports/');
}

/** A site path made absolute on the published origin. */
export function absoluteUrl(siteUrl: string, href: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${href}`;
}
