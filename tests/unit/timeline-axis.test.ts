import { describe, expect, it } from 'vitest';
import { drawTimelineAxis, type AxisInput } from '../../src/lib/timeline-axis';

const day = (iso: string) =>
  Date.UTC(
    ...(iso
      .split('-')
      .map(Number)
      .map((n, i) => (i === 1 ? n - 1 : n)) as [number, number, number]),
  ) / 86_400_000;
const ev = (id: string, iso: string, partial = false): AxisInput => ({ id, value: day(iso), partial });

const events = [
  ev('invasion', '2003-03-20'),
  ev('withdrawal', '2011-12-18'),
  ev('oct', '2023-10-17'),
  ev('tower', '2024-01-28'),
  ev('a', '2024-04-21'),
  ev('b', '2024-04-22', true),
  ev('c', '2024-04-22'),
];

describe('drawTimelineAxis', () => {
  it('keeps time order left to right and stays inside the width', () => {
    const axis = drawTimelineAxis(events, 2003);
    const xs = ['invasion', 'withdrawal', 'oct', 'tower', 'a'].map((id) => axis.marks.find((m) => m.id === id)!.x);
    expect([...xs].sort((p, q) => p - q)).toEqual(xs);
    for (const m of axis.marks) {
      expect(m.x).toBeGreaterThanOrEqual(0);
      expect(m.x).toBeLessThanOrEqual(axis.width);
      expect(m.y).toBeGreaterThan(0);
      expect(m.y).toBeLessThan(axis.baseline);
    }
  });

  it('stacks events too close to tell apart instead of drawing them on top of each other', () => {
    const axis = drawTimelineAxis(events, 2003);
    const [b, c] = ['b', 'c'].map((id) => axis.marks.find((m) => m.id === id)!);
    expect(b.x).toBe(c.x);
    expect(b.y).not.toBe(c.y);
    expect(axis.marks.find((m) => m.id === 'b')!.partial).toBe(true);
  });

  it('gives the stretched years more room per day than the compressed ones', () => {
    const plain = drawTimelineAxis(events, 2003);
    const zoomed = drawTimelineAxis(events, 2003, { zoomFrom: { year: 2023 } });
    const gap = (axis: typeof plain) =>
      axis.marks.find((m) => m.id === 'a')!.x - axis.marks.find((m) => m.id === 'tower')!.x;
    expect(gap(zoomed)).toBeGreaterThan(gap(plain) * 3);
    expect(zoomed.breakX).toBeGreaterThan(zoomed.marks.find((m) => m.id === 'withdrawal')!.x);
    expect(zoomed.breakX).toBeLessThan(zoomed.marks.find((m) => m.id === 'oct')!.x);
    // Month ticks only in the stretched part.
    expect(zoomed.ticks.filter((t) => !t.major).every((t) => t.x >= zoomed.breakX)).toBe(true);
    expect(zoomed.ticks.some((t) => t.label === 'Oct')).toBe(true);
  });

  it('names the month and year where the stretch starts, and each new year after it', () => {
    const axis = drawTimelineAxis(events, 2003, { zoomFrom: { year: 2023, month: 9 } });
    const labels = axis.ticks.filter((t) => t.x >= axis.breakX).map((t) => t.label);
    expect(labels[0]).toBe('Sep 2023');
    expect(labels).toContain('2024');
    expect(labels).toContain('Apr');
    expect(axis.ticks.filter((t) => t.x < axis.breakX).some((t) => t.label === '2011')).toBe(true);
  });

  it('labels years with no two labels closer than a label is wide', () => {
    const axis = drawTimelineAxis(events, 2003, { zoomFrom: { year: 2023 } });
    const labelled = axis.ticks
      .filter((t) => t.label)
      .map((t) => t.x)
      .sort((p, q) => p - q);
    expect(labelled.length).toBeGreaterThan(4);
    for (let i = 1; i < labelled.length; i++) expect(labelled[i] - labelled[i - 1]).toBeGreaterThanOrEqual(24);
  });
});
