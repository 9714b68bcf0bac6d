import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import world from 'world-atlas/countries-50m.json' with { type: 'json' };
import { drawRegionMap, labelBox, PHONE_MAP, type MapPlaceInput } from '../../src/lib/map';

const topology = world as unknown as Topology;

// Coordinates from /work/shared/facts.yaml.
const places: MapPlaceInput[] = [
  { id: 'ain-al-asad', shortName: 'Ain al-Asad', lat: 33.79, lon: 42.44 },
  { id: 'rmeilan', shortName: 'Rmeilan', lat: 37.0, lon: 41.95 },
  { id: 'zummar', shortName: 'Zummar', lat: 36.65, lon: 42.6 },
  { id: 'tower-22', shortName: 'Tower 22', lat: 33.31, lon: 38.7 },
  { id: 'kalsu', shortName: 'Kalsu', lat: 32.9, lon: 44.35 },
  { id: 'baghdad', shortName: 'Baghdad', lat: 33.31, lon: 44.36 },
  { id: 'erbil', shortName: 'Erbil', lat: 36.18, lon: 44.02 },
  { id: 'al-tanf', shortName: 'al-Tanf', lat: 33.51, lon: 38.62 },
  { id: 'isfahan', shortName: 'Isfahan', lat: 32.65, lon: 51.68 },
  { id: 'gaza-city', shortName: 'Gaza City', lat: 31.52, lon: 34.45 },
];

// As content/course.yaml sets them for this course: the map's options are the course's, not the code's.
const course = {
  focus: ['Iraq', 'Syria'],
  bounds: [33, 28, 53, 39],
  labels: {
    Iraq: [43.1, 31.9],
    Syria: [38.6, 35.1],
    Jordan: [36.6, 30.6],
    Iran: [49.3, 34.7],
    'Saudi Arabia': [42.5, 28.8],
    Turkey: [36.8, 38.5],
    Israel: [34.6, 30.2],
    Lebanon: [35.1, 34.45],
    Kuwait: [47.45, 29.05],
    Egypt: [33.6, 28.5],
  },
} as const;
const map = drawRegionMap(topology, places, course);
const at = (id: string) => map.places.find((p) => p.id === id)!;

describe('drawRegionMap', () => {
  it('fits the region into a landscape view box', () => {
    expect(map.width).toBe(800);
    expect(map.height).toBeGreaterThan(300);
    expect(map.height).toBeLessThan(map.width);
  });

  it('puts every place inside the view', () => {
    for (const p of map.places) {
      expect(p.x, p.id).toBeGreaterThan(0);
      expect(p.x, p.id).toBeLessThan(map.width);
      expect(p.y, p.id).toBeGreaterThan(0);
      expect(p.y, p.id).toBeLessThan(map.height);
    }
  });

  it('keeps places in their true relative positions', () => {
    expect(at('baghdad').x).toBeGreaterThan(at('ain-al-asad').x); // Baghdad is east of Ain al-Asad
    expect(at('erbil').y).toBeLessThan(at('baghdad').y); // Erbil is north of Baghdad
    expect(at('kalsu').y).toBeGreaterThan(at('baghdad').y); // Kalsu is south of Baghdad
    expect(at('isfahan').x).toBeGreaterThan(at('baghdad').x);
    expect(at('gaza-city').x).toBeLessThan(at('tower-22').x);
    expect(at('rmeilan').y).toBeLessThan(at('zummar').y);
  });

  it('draws the countries of the region, clipped and rounded, with Iraq and Syria in focus', () => {
    const names = map.countries.map((c) => c.name);
    for (const name of ['Iraq', 'Syria', 'Jordan', 'Iran', 'Saudi Arabia', 'Turkey', 'Israel', 'Lebanon', 'Kuwait']) {
      expect(names).toContain(name);
    }
    expect(names).not.toContain('Brazil');
    expect(
      map.countries
        .filter((c) => c.focus)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Iraq', 'Syria']);
    for (const c of map.countries) {
      expect(c.d).not.toMatch(/\d\.\d\d/); // one decimal at most
      for (const n of c.d.match(/-?\d+(\.\d+)?/g) ?? []) {
        expect(Number(n)).toBeGreaterThanOrEqual(-1);
        expect(Number(n)).toBeLessThanOrEqual(map.width + 1);
      }
    }
  });

  it('labels the main countries inside the view', () => {
    const labels = map.countryLabels.map((l) => l.name);
    expect(labels).toEqual(expect.arrayContaining(['Iraq', 'Syria', 'Jordan', 'Iran', 'Saudi Arabia', 'Turkey']));
    const iraq = map.countryLabels.find((l) => l.name === 'Iraq')!;
    const syria = map.countryLabels.find((l) => l.name === 'Syria')!;
    expect(syria.x).toBeLessThan(iraq.x);
  });

  it('places labels so no two place labels overlap and each stays in view', () => {
    const boxes = map.places.map((p) => labelBox(p, places.find((q) => q.id === p.id)!.shortName));
    for (const [i, a] of boxes.entries()) {
      expect(a.x0, places[i].id).toBeGreaterThanOrEqual(0);
      expect(a.x1, places[i].id).toBeLessThanOrEqual(map.width);
      for (const b of boxes.slice(i + 1)) {
        const overlaps = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
        expect(overlaps, `${places[i].id} label overlaps another`).toBe(false);
      }
    }
  });

  it('honours a label hint when that side is free', () => {
    const hinted = drawRegionMap(topology, places, { ...course, labelHints: { isfahan: 'n' } });
    expect(hinted.places.find((p) => p.id === 'isfahan')!.label.side).toBe('n');
  });

  it('is deterministic', () => {
    expect(JSON.stringify(drawRegionMap(topology, places, course))).toBe(JSON.stringify(map));
  });
});

describe('the phone map', () => {
  const phone = drawRegionMap(topology, places, PHONE_MAP);
  // Shown 288 px wide on a 320 px screen (16 px page padding each side).
  const shownAt = 288 / phone.width;

  it('keeps its labels at 12 px or more when shown on a 320 px screen', () => {
    expect(phone.placeFont * shownAt).toBeGreaterThanOrEqual(12);
    expect(phone.countryFont * shownAt).toBeGreaterThanOrEqual(12);
  });

  it('has every place and its label inside the view, no two place labels overlapping', () => {
    const boxes = phone.places.map((p) => labelBox(p, places.find((q) => q.id === p.id)!.shortName, phone.placeFont));
    for (const [i, p] of phone.places.entries()) {
      expect(p.x, p.id).toBeGreaterThan(0);
      expect(p.x, p.id).toBeLessThan(phone.width);
      expect(p.y, p.id).toBeGreaterThan(0);
      expect(p.y, p.id).toBeLessThan(phone.height);
      const a = boxes[i]!;
      expect(a.x0, p.id).toBeGreaterThanOrEqual(0);
      expect(a.x1, p.id).toBeLessThanOrEqual(phone.width);
      expect(a.y0, p.id).toBeGreaterThanOrEqual(0);
      expect(a.y1, p.id).toBeLessThanOrEqual(phone.height);
      for (const b of boxes.slice(i + 1)) {
        const overlaps = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
        expect(overlaps, `${p.id} label overlaps another`).toBe(false);
      }
    }
  });
});
