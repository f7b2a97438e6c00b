// Colours and fonts of the drawing, read from the VS Code theme (the `--vscode-*` variables the
// workbench sets on the page, and the body class vscode-light / vscode-dark / vscode-high-contrast),
// and the cytoscape stylesheet built from them. Read again whenever the theme changes.
// Invariant: every colour handed to cytoscape is plain `#rrggbb` (it cannot parse 8-digit hex).
import type { NodeSingular, StylesheetJson } from 'cytoscape';
import { iconSize, kindIcon } from './icons';

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

/** The font cytoscape and the text measure use for node labels. */
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

/** cytoscape draws `text-justify` but its types lack it. */
const justifyLeft: object = { 'text-justify': 'left' };

/** Each node kind with its colour in the theme (its border and its icon's stroke). */
function kindColours(theme: Theme): [string, string][] {
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

/** The icons the stylesheet of `theme` draws (data: URIs), to load before the first drawing. */
export function iconUrls(theme: Theme): string[] {
  return kindColours(theme).map(([kind, colour]) => kindIcon(kind, colour));
}

export function stylesheet(theme: Theme): StylesheetJson {
  const font = labelFont(theme);
  const border = theme.highContrast ? 2 : 1;
  const kinds = kindColours(theme);
  const edgeColours: [string, string][] = [
    ['peering', theme.vnet],
    ['vnetLink', theme.zone],
    ['zoneGroup', theme.zone],
    ['endpointTarget', theme.endpoint],
  ];
  return [
    {
      selector: 'node',
      style: {
        shape: 'round-rectangle',
        label: 'data(label)',
        'text-wrap': 'wrap',
        'text-valign': 'center',
        'font-family': font.family,
        'font-size': font.size,
        'line-height': 1.3,
        color: theme.foreground,
        'background-color': theme.background,
        'border-width': border,
        'border-color': theme.other,
        width: 'data(w)',
        height: 'data(h)',
        'text-max-width': '600px',
        // The icon sits at the left of a leaf (its label moves right to make room) and in the top-left
        // corner of a container.
        'background-width': iconSize,
        'background-height': iconSize,
        'background-position-x': iconInset,
        'background-position-y': iconInset,
        'background-clip': 'none',
        'background-image-containment': 'over',
        'text-margin-x': (iconSize + iconInset) / 2,
      },
    },
    ...kinds.map(([kind, colour]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { 'border-color': colour, 'background-image': kindIcon(kind, colour) },
    })),
    {
      selector: 'node[?container]',
      style: {
        'text-margin-x': 0,
        'background-position-x': 6,
        'background-position-y': 6,
        // Containers are plain nodes (nesting.ts), drawn beneath everything else as compound parents
        // were: beneath edges and leaves, and an outer one (added first) beneath an inner one.
        'z-compound-depth': 'bottom',
      },
    },
    // Containers carry the shift that starts their name at their left edge (container-boxes.ts).
    {
      selector: 'node[labelShift]',
      style: { 'text-margin-x': (node: NodeSingular) => Number(node.data('labelShift')), ...justifyLeft },
    },
    { selector: 'node[kind = "external"]', style: { 'border-style': 'dashed', color: theme.muted } },
    // Opaque: what the module deploys is not known, so the box is filled and its border doubled.
    {
      selector: 'node[kind = "registryModule"]',
      style: {
        'border-style': 'double',
        'border-width': border + 2,
        'background-color': theme.muted,
        'background-opacity': 0.18,
      },
    },
    {
      selector: 'node[?container]',
      style: {
        'text-valign': 'top',
        'text-margin-y': -4,
        'background-opacity': theme.highContrast ? 0 : 0.07,
        'border-width': border + 1,
      },
    },
    {
      selector: 'node[kind = "vnet"][?container]',
      style: { 'background-color': theme.vnet, 'font-weight': 'bold' },
    },
    { selector: 'node[kind = "subnet"][?container]', style: { 'background-color': theme.subnet } },
    // A finding marks a node with a halo in its level's colour; a container, whose halo would
    // fill everything inside it, gets a thick border instead.
    ...(['error', 'warning', 'info'] as const).map((level) => ({
      selector: `node[level = "${level}"]`,
      style: {
        'underlay-color': theme[level],
        'underlay-padding': 5,
        'underlay-opacity': 0.55,
        'border-color': theme[level],
        'border-width': border + 1,
      },
    })),
    {
      selector: 'node[level][?container]',
      style: { 'underlay-opacity': 0, 'border-width': border + 3, 'border-style': 'double' },
    },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        width: theme.highContrast ? 2 : 1.5,
        'line-color': theme.other,
        'target-arrow-color': theme.other,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        label: 'data(label)',
        'font-family': font.family,
        'font-size': edgeFontSize(theme),
        color: theme.muted,
        'text-background-color': theme.background,
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
      },
    },
    ...edgeColours.map(([kind, colour]) => ({
      selector: `edge[kind = "${kind}"]`,
      style: { 'line-color': colour, 'target-arrow-color': colour },
    })),
    { selector: 'edge[kind = "vnetLink"], edge[kind = "zoneGroup"]', style: { 'line-style': 'dotted' } },
    {
      selector: 'edge[state = "unknown"]',
      style: { 'line-style': 'dashed', 'line-color': theme.muted, 'target-arrow-color': theme.muted },
    },
    {
      selector: 'edge[state = "broken"]',
      style: {
        'line-style': 'dashed',
        'line-dash-pattern': [8, 5],
        'line-color': theme.broken,
        'target-arrow-color': theme.broken,
        color: theme.broken,
        width: 2.5,
      },
    },
    ...(['error', 'warning', 'info'] as const).map((level) => ({
      selector: `edge[level = "${level}"]`,
      style: { 'underlay-color': theme[level], 'underlay-padding': 3, 'underlay-opacity': 0.3 },
    })),
    { selector: ':selected', style: { 'overlay-color': theme.link, 'overlay-opacity': 0.15, 'overlay-padding': 4 } },
    // A name resolution's path (a VNet or target selected): its elements in the link colour, the rest faded.
    { selector: '.off-path', style: { opacity: 0.25 } },
    { selector: 'node.on-path', style: { 'border-color': theme.link, 'border-width': border + 2 } },
    {
      selector: 'edge.on-path',
      style: {
        'line-color': theme.link,
        'target-arrow-color': theme.link,
        'line-style': 'solid',
        width: 3.5,
        color: theme.foreground,
      },
    },
  ];
}
