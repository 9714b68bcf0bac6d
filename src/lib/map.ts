import { geoBounds, geoConicConformal, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * The region map, drawn once at build time so the page ships an SVG and no script.
 * Pure: give it the Natural Earth topology and the places, get back path strings and positions.
 */

export interface MapPlaceInput {
  id: string;
  shortName: string;
  lon: number;
  lat: number;
}

export type LabelSide = 'e' | 'w' | 'n' | 's' | 'ne' | 'nw' | 'se' | 'sw';

export interface MapPlace {
  id: string;
  x: number;
  y: number;
  label: { x: number; y: number; anchor: 'start' | 'middle' | 'end'; side: LabelSide };
}

export interface CountryShape {
  name: string;
  d: string;
  /** The countries the reports are about, drawn stronger. */
  focus: boolean;
}

export interface RegionMap {
  width: number;
  height: number;
  /** Font sizes in the map's own units, for the page to set on its labels (the collision boxes assume them). */
  placeFont: number;
  countryFont: number;
  countries: CountryShape[];
  countryLabels: { name: string; x: number; y: number }[];
  places: MapPlace[];
}

export interface MapOptions {
  width?: number;
  /** [west, south, east, north] in degrees: the area the view is fitted to. */
  bounds?: readonly [number, number, number, number];
  /** Countries shaded as the course's focus (Natural Earth names). */
  focus?: readonly string[];
  /** Where each country's name sits, chosen by the instructor to fall in open land; unlisted countries get no name. */
  labels?: Readonly<Record<string, readonly [number, number]>>;
  /** Preferred label side for a place, tried before the others. */
  labelHints?: Readonly<Record<string, LabelSide>>;
  /** Label sizes in map units. A map drawn narrow (for phones) needs larger ones to stay readable when shown small. */
  placeFont?: number;
  countryFont?: number;
  /** Only these countries are named (default: all that have a label point and fall in view). */
  countryNames?: readonly string[];
}

export const PLACE_FONT = 14;
export const COUNTRY_FONT = 12;
const MARKER_RADIUS = 6;

/** Degrees of margin around the places when the course gives no area to show. */
const FIT_MARGIN = 3;

/** The area around every place, when the course file names none. */
function boundsAround(places: readonly MapPlaceInput[]): [number, number, number, number] {
  if (places.length === 0) return [-20, -40, 60, 60];
  const lons = places.map((p) => p.lon);
  const lats = places.map((p) => p.lat);
  return [
    Math.min(...lons) - FIT_MARGIN,
    Math.min(...lats) - FIT_MARGIN,
    Math.max(...lons) + FIT_MARGIN,
    Math.max(...lats) + FIT_MARGIN,
  ];
}

/**
 * The phone frame: drawn 360 units wide with 15-unit labels, so that shown 288 px wide (a 320 px screen) the labels
 * are still 12 px. Its area and which countries it names (the small ones would cover the places) are the course's:
 * map.phone in content/course.yaml.
 */
export const PHONE_MAP: MapOptions = {
  width: 360,
  placeFont: 15,
  countryFont: 15,
};

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function drawRegionMap(
  topology: Topology,
  places: readonly MapPlaceInput[],
  options: MapOptions = {},
): RegionMap {
  const width = options.width ?? 800;
  const [west, south, east, north] = options.bounds ?? boundsAround(places);
  const focus = new Set(options.focus ?? []);
  const labels = options.labels ?? {};
  const placeFont = options.placeFont ?? PLACE_FONT;
  const countryFont = options.countryFont ?? COUNTRY_FONT;
  const named = options.countryNames ? new Set(options.countryNames) : undefined;
  const frame: GeoJSON.Feature<GeoJSON.MultiPoint> = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [west, south],
        [east, south],
        [west, north],
        [east, north],
        [(west + east) / 2, south],
        [(west + east) / 2, north],
      ],
    },
  };
  const midLat = (south + north) / 2;
  const projection = geoConicConformal()
    .parallels([south + (north - south) / 4, north - (north - south) / 4])
    .rotate([-(west + east) / 2, 0])
    .center([0, midLat])
    .fitWidth(width, frame);
  const [[, top], [, bottom]] = geoPath(projection).bounds(frame);
  const height = Math.round(bottom - top);
  projection.translate([projection.translate()[0], projection.translate()[1] - top]);
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
  const path = geoPath(projection).digits(1);

  const collection = feature(topology, topology.objects.countries as GeometryCollection<{ name: string }>);
  const countries: CountryShape[] = [];
  for (const country of collection.features) {
    // Skip countries far from the view: projecting the whole world through a conic is wasteful and
    // distorts badly far from its parallels.
    const [[cw, cs], [ce, cn]] = geoBounds(country);
    if (cw > east + 5 || ce < west - 5 || cs > north + 5 || cn < south - 5) continue;
    const d = path(country);
    if (!d) continue;
    const name = country.properties?.name ?? String(country.id);
    countries.push({ name, d, focus: focus.has(name) });
  }
  countries.sort((a, b) => a.name.localeCompare(b.name, 'en'));

  const project = (lon: number, lat: number) => {
    const point = projection([lon, lat]);
    if (!point) throw new Error(`cannot project ${lon}, ${lat}`);
    return { x: round1(point[0]), y: round1(point[1]) };
  };

  const countryLabels = countries
    .filter((c) => Object.hasOwn(labels, c.name) && (!named || named.has(c.name)))
    .map((c) => ({ name: c.name, ...project(labels[c.name][0], labels[c.name][1]) }))
    .filter((l) => l.x > 0 && l.x < width && l.y > 0 && l.y < height);

  const projected = places.map((p) => ({ ...p, ...project(p.lon, p.lat) }));
  const obstacles: Box[] = [
    ...countryLabels.map((l) => textBox(l.x, l.y, 'middle', l.name.length * countryFont * 0.78, countryFont)),
    ...projected.map((p) => ({
      x0: p.x - MARKER_RADIUS,
      y0: p.y - MARKER_RADIUS,
      x1: p.x + MARKER_RADIUS,
      y1: p.y + MARKER_RADIUS,
    })),
  ];
  const view: Box = { x0: 2, y0: 2, x1: width - 2, y1: height - 2 };

  const placed: MapPlace[] = projected.map((p) => {
    const label = placeLabel(p, options.labelHints?.[p.id], obstacles, view, placeFont);
    obstacles.push(label.box);
    return { id: p.id, x: p.x, y: p.y, label: label.position };
  });

  return { width, height, placeFont, countryFont, countries, countryLabels, places: placed };
}

const SIDES: LabelSide[] = ['e', 'w', 'ne', 'se', 'nw', 'sw', 'n', 's'];
const GAP = MARKER_RADIUS + 4;

/** Tries each side of the marker and keeps the first label that collides with nothing, else the least bad. */
function placeLabel(
  p: { x: number; y: number; shortName: string },
  hint: LabelSide | undefined,
  obstacles: readonly Box[],
  view: Box,
  font: number,
) {
  const textWidth = p.shortName.length * font * 0.56;
  const order = hint ? [hint, ...SIDES.filter((s) => s !== hint)] : SIDES;
  let best: { position: MapPlace['label']; box: Box; cost: number } | undefined;
  for (const side of order) {
    const position = labelAt(p.x, p.y, side, font);
    const box = textBox(position.x, position.y, position.anchor, textWidth, font);
    const outside = box.x0 < view.x0 || box.x1 > view.x1 || box.y0 < view.y0 || box.y1 > view.y1;
    const cost = (outside ? 1e6 : 0) + obstacles.reduce((sum, o) => sum + overlapArea(box, o), 0);
    if (!best || cost < best.cost) best = { position, box, cost };
    if (cost === 0) break;
  }
  return best!;
}

function labelAt(x: number, y: number, side: LabelSide, font: number): MapPlace['label'] {
  const baseline = font * 0.35; // centres the text's x-height on the marker
  const diagonal = GAP * 0.75;
  switch (side) {
    case 'e':
      return { x: round1(x + GAP), y: round1(y + baseline), anchor: 'start', side };
    case 'w':
      return { x: round1(x - GAP), y: round1(y + baseline), anchor: 'end', side };
    case 'n':
      return { x, y: round1(y - GAP), anchor: 'middle', side };
    case 's':
      return { x, y: round1(y + GAP + font * 0.75), anchor: 'middle', side };
    case 'ne':
      return { x: round1(x + diagonal), y: round1(y - diagonal), anchor: 'start', side };
    case 'nw':
      return { x: round1(x - diagonal), y: round1(y - diagonal), anchor: 'end', side };
    case 'se':
      return { x: round1(x + diagonal), y: round1(y + diagonal + font * 0.7), anchor: 'start', side };
    case 'sw':
      return { x: round1(x - diagonal), y: round1(y + diagonal + font * 0.7), anchor: 'end', side };
  }
}

/** Approximate box of a line of text whose baseline is at y. */
function textBox(x: number, y: number, anchor: 'start' | 'middle' | 'end', w: number, size: number): Box {
  const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  return { x0, y0: y - size * 0.8, x1: x0 + w, y1: y + size * 0.25 };
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Exposed for tests: the box a placed label takes up. */
export function labelBox(place: MapPlace, text: string, font: number = PLACE_FONT): Box {
  return textBox(place.label.x, place.label.y, place.label.anchor, text.length * font * 0.56, font);
}
