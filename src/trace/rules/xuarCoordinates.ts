// A site placed by its coordinates (the bundle's `lat` and `lon`): inside the XUAR's outline.
// Supplier data from mapping tools and Open Supply Hub often carries a site's coordinates
// where its address is blank or vague; read only from the address fields, a gin at 39.47 N,
// 75.99 E (Kashgar) traced CLEAR. The outline is a map of China's (xuarBoundary.ts, points about
// 7 km apart), so the evidence says how near the edge the site may be.
import inside from 'point-in-polygon-hao';
import { XUAR_BOUNDARY } from '../../model/gazetteer/xuarBoundary';

/** The evidence that a point lies in the XUAR, or null when it does not (or is not a point). */
export function coordinatesInXuar(lat: number | null | undefined, lon: number | null | undefined): string | null {
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  // on the outline (0) counts as inside: the outline is not exact enough to rule either way
  const hit = XUAR_BOUNDARY.some((polygon) => inside([lon, lat], polygon) !== false);
  return hit
    ? `coordinates ${lat}, ${lon} lie inside the XUAR's outline (a map of China's province outlines, ` +
        `points about 7 km apart: a site within a few km of the region's edge may lie on either side)`
    : null;
}
