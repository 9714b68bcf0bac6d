import { z } from 'astro/zod';
import { citesSchema, idSchema } from './common';

export const placeKinds = ['base', 'outpost', 'city', 'town'] as const;

/** One entry of content/places.yaml. */
export const placeSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  /** Label on the map. */
  shortName: z.string().min(1),
  country: z.string().min(1),
  kind: z.enum(placeKinds),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** True where the coordinates are for a nearby town, not the facility itself. */
  approximate: z.boolean().default(false),
  description: z.string().min(1),
  cites: citesSchema,
});
export type Place = z.infer<typeof placeSchema>;
