// The kinds' icons (icons.ts) as SVG symbols for the drawing's <defs>: each node draws its kind's
// with a <use>, so no image loads and the first frame already shows them.
// Invariant: the symbols are parsed from the fixed icon text, never from user data.
import { kindIcon, shapes } from './icons';

const svgNs = 'http://www.w3.org/2000/svg';

/** The id of a kind's icon symbol in the drawing. */
export function iconId(kind: string): string {
  return `icon-${kind in shapes ? kind : 'generic'}`;
}

/** One symbol per kind (and the generic box), stroked in each kind's colour. */
export function iconSymbols(colours: readonly [string, string][], fallback: string): SVGSymbolElement[] {
  const parser = new DOMParser();
  const colourOf = new Map(colours);
  return [...Object.keys(shapes), 'generic'].map((kind) => {
    const symbol = document.createElementNS(svgNs, 'symbol');
    symbol.id = iconId(kind);
    symbol.setAttribute('viewBox', '0 0 16 16');
    // Parsed from the fixed icon text, then adopted into the page.
    const source = kindIcon(kind, colourOf.get(kind) ?? fallback);
    const text = decodeURIComponent(source.slice(source.indexOf(',') + 1));
    const parsed = parser.parseFromString(text, 'image/svg+xml').documentElement;
    const group = document.createElementNS(svgNs, 'g');
    for (const name of ['fill', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin'])
      group.setAttribute(name, parsed.getAttribute(name) ?? '');
    group.append(...[...parsed.children].map((child) => document.importNode(child, true)));
    symbol.append(group);
    return symbol;
  });
}
