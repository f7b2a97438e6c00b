// Colours and fonts of the drawing, read from the VS Code theme (the `--vscode-*` variables the
// workbench sets on the page, and the body class vscode-light / vscode-dark / vscode-high-contrast),
// read again whenever the theme changes (paint.ts turns them into each element's colours).
// Invariant: every colour is plain `#rrggbb` (the icons' SVG text takes nothing else).

/** Gap between a node's border and its icon. */
export const iconInset = 8;

export interface Theme {
  background: string;
  foreground: string;
  muted: string;
  vnet: string;
  subnet: string;
  endpoint: string;
  zone: string;
  target: string;
  other: string;
  link: string;
  broken: string;
  error: string;
  warning: string;
  info: string;
  fontFamily: string;
  fontSize: number;
  highContrast: boolean;
}

const probe = document.createElement('canvas').getContext('2d');

/** Any CSS colour as `#rrggbb` (alpha dropped), or the fallback when the text is not a colour. */
export function toHex(value: string, fallback: string): string {
  if (!probe || value.trim() === '') return fallback;
  probe.fillStyle = '#010203';
  probe.fillStyle = value.trim();
  const result = String(probe.fillStyle);
  if (result === '#010203' && value.trim().toLowerCase() !== '#010203') return fallback;
  const rgba = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(result);
  if (!rgba) return result;
  return `#${rgba
    .slice(1, 4)
    .map((part) => Number(part).toString(16).padStart(2, '0'))
    .join('')}`;
}

export function readTheme(): Theme {
  const styles = getComputedStyle(document.documentElement);
  const bodyStyles = getComputedStyle(document.body);
  const css = (name: string) => styles.getPropertyValue(name).trim() || bodyStyles.getPropertyValue(name).trim();
  const classes = document.body.classList;
  const light = classes.contains('vscode-light') || classes.contains('vscode-high-contrast-light');
  const highContrast = classes.contains('vscode-high-contrast') || classes.contains('vscode-high-contrast-light');
  const color = (names: string[], dark: string, lightFallback: string) => {
    for (const name of names) {
      const value = css(name);
      if (value) return toHex(value, light ? lightFallback : dark);
    }
    return light ? lightFallback : dark;
  };
  const fontSize = Number.parseFloat(css('--vscode-font-size')) || 13;
  return {
    background: color(['--vscode-editor-background'], '#1e1e1e', '#ffffff'),
    foreground: color(['--vscode-editor-foreground', '--vscode-foreground'], '#cccccc', '#333333'),
    muted: color(['--vscode-descriptionForeground', '--vscode-disabledForeground'], '#9d9d9d', '#717171'),
    vnet: color(['--vscode-charts-blue'], '#3794ff', '#1a85ff'),
    subnet: color(['--vscode-charts-green'], '#89d185', '#388a34'),
    endpoint: color(['--vscode-charts-purple'], '#b180d7', '#652d90'),
    zone: color(['--vscode-charts-orange'], '#d18616', '#d18616'),
    target: color(['--vscode-charts-yellow'], '#cca700', '#bf8803'),
    other: color(['--vscode-charts-foreground', '--vscode-foreground'], '#cccccc', '#616161'),
    link: color(['--vscode-textLink-foreground'], '#3794ff', '#006ab1'),
    broken: color(['--vscode-errorForeground', '--vscode-charts-red'], '#f48771', '#a1260d'),
    error: color(['--vscode-editorError-foreground'], '#f14c4c', '#e51400'),
    warning: color(['--vscode-editorWarning-foreground'], '#cca700', '#bf8803'),
    info: color(['--vscode-editorInfo-foreground'], '#3794ff', '#1a85ff'),
    fontFamily: css('--vscode-font-family') || 'system-ui, sans-serif',
    fontSize,
    highContrast,
  };
}

/** Smallest label size on screen, in pixels: the view never zooms out further (issue 18). */
export const minLabelPixels = 11;

/** The font of node labels, drawn and measured. */
export function labelFont(theme: Theme): { family: string; size: number; lineHeight: number } {
  const size = Math.max(minLabelPixels, Math.round(theme.fontSize * 0.9));
  return { family: theme.fontFamily, size, lineHeight: Math.round(size * 1.3) };
}

/** Edge labels: a pixel smaller than node labels, never below the readable minimum. */
export function edgeFontSize(theme: Theme): number {
  return Math.max(minLabelPixels, labelFont(theme).size - 1);
}

/** The lowest zoom at which every label is still `minLabelPixels` on screen. */
export function readableZoom(theme: Theme): number {
  return minLabelPixels / Math.min(labelFont(theme).size, edgeFontSize(theme));
}

/** Each node kind with its colour in the theme (its border and its icon's stroke). */
export function kindColours(theme: Theme): [string, string][] {
  return [
    ['vnet', theme.vnet],
    ['subnet', theme.subnet],
    ['privateEndpoint', theme.endpoint],
    ['dnsZone', theme.zone],
    ['target', theme.target],
    ['zoneGroup', theme.zone],
    ['nsg', theme.other],
    ['routeTable', theme.other],
    ['privateLinkService', theme.endpoint],
    ['vnetGateway', theme.vnet],
    ['external', theme.muted],
    ['registryModule', theme.muted],
  ];
}

/** A node kind's colour in the theme; kinds without one are drawn in `other`. */
export function kindColour(theme: Theme, kind: string): string {
  return kindColours(theme).find(([candidate]) => candidate === kind)?.[1] ?? theme.other;
}
