/**
 * The overview strip above the timeline: a time axis with one dot per event. Decorative (the list is
 * the content), drawn at build time. Most events crowd into the last months, so the axis is in two
 * linear parts: the years before `zoomFrom` share the left part, the rest is stretched over the right.
 * Events close in time stack upwards instead of hiding each other.
 */
export interface AxisInput {
  id: string;
  /** Day number, as from datePointValue(). */
  value: number;
  partial: boolean;
}
export interface AxisTick {
  x: number;
  label?: string;
  major: boolean;
}
export interface TimelineAxis {
  width: number;
  height: number;
  baseline: number;
  /** x where the stretched part starts, for drawing the break. */
  breakX: number;
  ticks: AxisTick[];
  marks: { id: string; x: number; y: number; partial: boolean }[];
}
export interface AxisOptions {
  width?: number;
  pad?: number;
  dot?: number;
  /** Where the stretched part starts (first day of that month). */
  zoomFrom?: { year: number; month?: number };
  /** Share of the width the stretched part takes. */
  zoomShare?: number;
}

const DAY = 86_400_000;
const dayOf = (year: number, month = 1) => Date.UTC(year, month - 1, 1) / DAY;
const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const round1 = (n: number) => Math.round(n * 10) / 10;

export function drawTimelineAxis(
  events: readonly AxisInput[],
  fromYear: number,
  { width = 800, pad = 24, dot = 3.5, zoomFrom, zoomShare = 0.45 }: AxisOptions = {},
): TimelineAxis {
  const from = dayOf(fromYear);
  const last = Math.max(from + 365, ...events.map((e) => e.value));
  // End the axis at the start of the month after the last event, so the newest dots are not at the edge.
  const lastDate = new Date(last * DAY);
  const to = dayOf(lastDate.getUTCFullYear(), lastDate.getUTCMonth() + 2);
  const zoomDay = zoomFrom && dayOf(zoomFrom.year, zoomFrom.month ?? 1);
  const zoom = zoomDay !== undefined && zoomDay > from && zoomDay < to ? zoomDay : undefined;
  const inner = width - 2 * pad;
  const breakX = zoom === undefined ? width - pad : pad + inner * (1 - zoomShare);
  const x = (value: number) => {
    const v = Math.min(Math.max(value, from), to);
    if (zoom === undefined) return round1(pad + ((v - from) / (to - from)) * inner);
    return v < zoom
      ? round1(pad + ((v - from) / (zoom - from)) * (breakX - pad))
      : round1(breakX + ((v - zoom) / (to - zoom)) * (width - pad - breakX));
  };

  const ticks: AxisTick[] = [];
  const endYear = new Date(to * DAY).getUTCFullYear();
  for (let year = fromYear; year <= endYear; year++) {
    const start = dayOf(year);
    if (start > to || (zoom !== undefined && start >= zoom)) continue;
    const every = zoom === undefined ? 3 : 4;
    const labelled = (year - fromYear) % every === 0;
    // Keep the compressed part's last label clear of the stretched part's first one.
    const crowded = zoom !== undefined && x(zoom) - x(start) < 40;
    ticks.push({ x: x(start), label: labelled && !crowded ? String(year) : undefined, major: true });
  }
  if (zoom !== undefined) {
    const first = new Date(zoom * DAY);
    const monthWidth = x(zoom + 30.4) - x(zoom);
    for (
      let y = first.getUTCFullYear(), m = first.getUTCMonth() + 1;
      dayOf(y, m) < to;
      m === 12 ? (y++, (m = 1)) : m++
    ) {
      const at = dayOf(y, m);
      const isFirst = at === zoom;
      const label = isFirst ? `${MONTH_ABBR[m - 1]} ${y}` : m === 1 ? String(y) : MONTH_ABBR[m - 1];
      const shown = isFirst || m === 1 || monthWidth >= 28 || (m - 1) % 3 === 0;
      ticks.push({ x: x(at), label: shown ? label : undefined, major: isFirst || m === 1 });
    }
  }

  // Greedy stacking: each row remembers where its last dot ended.
  const rowEnds: number[] = [];
  const placed = [...events]
    .sort((a, b) => a.value - b.value || a.id.localeCompare(b.id))
    .map((event) => {
      const at = x(event.value);
      let row = rowEnds.findIndex((end) => end + dot * 2 + 1 <= at);
      if (row === -1) row = rowEnds.push(-Infinity) - 1;
      rowEnds[row] = at;
      return { id: event.id, x: at, row, partial: event.partial };
    });
  const step = dot * 2 + 1.5;
  const baseline = round1(Math.max(1, rowEnds.length) * step + dot + 6);
  const marks = placed.map(({ row, ...m }) => ({ ...m, y: round1(baseline - dot - 3 - row * step) }));
  return { width, height: round1(baseline + 24), baseline, breakX: round1(breakX), ticks, marks };
}
