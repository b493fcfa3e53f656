// Coordinates inside the XUAR's outline place a site there; a site across any of its borders,
// in China or abroad, does not: Horgos (China) and Khorgos (Kazakhstan) lie 2 km apart.
import { coordinatesInXuar } from '../../../../src/trace/rules/xuarCoordinates';
import { XUAR_BOUNDARY } from '../../../../src/model/gazetteer/xuarBoundary';

describe('coordinatesInXuar', () => {
  it.each([
    ['Urumqi', 43.83, 87.62],
    ['Kashgar', 39.47, 75.99],
    ['Hotan', 37.11, 79.93],
    ['Shanshan (the bundle format example)', 42.86, 90.21],
    ['Hami', 42.82, 93.51],
    ['Altay', 47.84, 88.14],
    ['Horgos, China', 44.21, 80.42],
    ['Tashkurgan', 37.77, 75.23],
    ['Ruoqiang', 39.02, 88.17],
    ['Xingxingxia, on the Gansu border', 41.8, 95.05],
  ])('%s lies inside', (_name, lat, lon) => {
    expect(coordinatesInXuar(lat, lon)).toMatch(/^coordinates .* lie inside the XUAR's outline/);
  });

  it.each([
    ['Dunhuang, Gansu', 40.14, 94.66],
    ['Liuyuan, Gansu', 41.11, 95.39],
    ['Mangnai, Qinghai', 38.25, 90.86],
    ['Golmud, Qinghai', 36.4, 94.9],
    ['Lhasa', 29.65, 91.1],
    ['Lanzhou', 36.06, 103.83],
    ['Khorgos, Kazakhstan', 44.22, 80.38],
    ['Zharkent, Kazakhstan', 44.16, 80.0],
    ['Almaty', 43.24, 76.89],
    ['Osh, Kyrgyzstan', 40.53, 72.8],
    ['Gilgit, Pakistan', 35.92, 74.31],
    ['Ulaanbaatar', 47.9, 106.9],
    ['Shanghai', 31.2, 121.5],
  ])('%s lies outside', (_name, lat, lon) => {
    expect(coordinatesInXuar(lat, lon)).toBeNull();
  });

  it('no point, no reading', () => {
    expect(coordinatesInXuar(null, 87.6)).toBeNull();
    expect(coordinatesInXuar(43.8, undefined)).toBeNull();
    expect(coordinatesInXuar(Number.NaN, 87.6)).toBeNull();
  });

  it("the outline spans the region's extent (73°40'–96°23' E, 34°25'–49°10' N) and closes", () => {
    const ring = XUAR_BOUNDARY[0][0];
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    expect(Math.min(...lons)).toBeCloseTo(73.5, 0);
    expect(Math.max(...lons)).toBeCloseTo(96.4, 0);
    expect(Math.min(...lats)).toBeCloseTo(34.3, 0);
    expect(Math.max(...lats)).toBeCloseTo(49.2, 0);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
  });
});
