// Icons of resource kinds, drawn inside the nodes: small SVG outlines in the kind's colour, as
// symbols in the drawing's <defs> (each node draws its kind's with a <use>, so no image loads), and
// as data: URIs (what the page's description reports).
// Invariant: the SVG text is fixed here; only the colour (a `#rrggbb` from theme.ts) is put into it.

/** Outline paths on a 16×16 grid, per node kind; a kind without one gets the generic box. */
export const shapes: Record<string, string> = {
  vnet: '<circle cx="3.5" cy="8" r="2"/><circle cx="12.5" cy="3.5" r="2"/><circle cx="12.5" cy="12.5" r="2"/><path d="M5.3 7l5.4-2.6M5.3 9l5.4 2.6"/>',
  subnet: '<rect x="2" y="2" width="12" height="12" rx="1.5"/><path d="M2 8h12M8 2v12"/>',
  privateEndpoint:
    '<rect x="3.5" y="7" width="9" height="7" rx="1.2"/><path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2M8 9.5v2"/>',
  dnsZone: '<circle cx="8" cy="8" r="6"/><path d="M2 8h12M8 2c3 3.2 3 8.8 0 12M8 2c-3 3.2-3 8.8 0 12"/>',
  target:
    '<ellipse cx="8" cy="4" rx="5" ry="2"/><path d="M3 4v8c0 1.1 2.2 2 5 2s5-.9 5-2V4M3 8c0 1.1 2.2 2 5 2s5-.9 5-2"/>',
  nsg: '<path d="M8 1.8l5.2 2v4.1c0 3-2.1 5.2-5.2 6.3-3.1-1.1-5.2-3.3-5.2-6.3V3.8z"/>',
  routeTable: '<path d="M2 5h11M10 2.5L13 5l-3 2.5M14 11H3M6 8.5L3 11l3 2.5"/>',
  privateLinkService:
    '<rect x="1.5" y="5.5" width="7" height="5" rx="2.5"/><rect x="7.5" y="5.5" width="7" height="5" rx="2.5"/>',
  vnetGateway: '<path d="M2.5 14V7L8 2.5 13.5 7v7M6 14v-4h4v4"/>',
  zoneGroup: '<path d="M3 4h10M3 8h10M3 12h10"/>',
  registryModule: '<path d="M8 1.8l5.6 3.1v6.2L8 14.2l-5.6-3.1V4.9z"/><path d="M2.4 4.9L8 8l5.6-3.1M8 8v6.2"/>',
  external: '<path d="M9 2.5h4.5V7M13.5 2.5L7.5 8.5M11.5 10v3.5h-9v-9H6"/>',
};
const generic = '<rect x="2.5" y="2.5" width="11" height="11" rx="2"/>';

/** Pixel size of an icon in the drawing. */
export const iconSize = 16;

/** The icon of a node kind as a data: URI, stroked in `colour`. */
export function kindIcon(kind: string, colour: string): string {
  const stroke = /^#[0-9a-f]{6}$/i.test(colour) ? colour : '#888888';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${iconSize}" height="${iconSize}" viewBox="0 0 16 16" fill="none" stroke="${stroke}" stroke-width="1.3" stroke-linecap="round" stroke-linejoin="round">${shapes[kind] ?? generic}</svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}
