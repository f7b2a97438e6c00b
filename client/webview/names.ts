// Text helpers for the drawing: short forms of long names (names arrive as written, unknown parts as
// `${expression}`, already shortened by the server; ids and reasons can still hold long `{placeholders}`),
// and the findings of one element summed up.
// Invariant: returns plain strings; nothing here builds markup.
import type { TopologyFindingJson } from '@vnet-lens/protocol';

export type Level = TopologyFindingJson['level'];
const levelRank: Record<Level, number> = { info: 1, warning: 2, error: 3 };

/**
 * A name short enough for a node: each `{…}` placeholder longer than a few characters becomes
 * `{fn(…)}` (or `{…}`), and what is still too long is cut in the middle. The full name stays in the
 * outline and the tooltip.
 */
export function shortName(name: string, max = 40): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    if (name[i] !== '{') {
      out += name[i];
      continue;
    }
    const end = closingBrace(name, i);
    if (end < 0) {
      out += name.slice(i);
      break;
    }
    const inner = name.slice(i + 1, end);
    const call = /^([A-Za-z_][\w.]*)\(/.exec(inner);
    out += inner.length <= 16 ? `{${inner}}` : call ? `{${call[1]}(…)}` : '{…}';
    i = end;
  }
  if (out.length <= max) return out;
  const keep = max - 1;
  return `${out.slice(0, Math.ceil(keep / 2))}…${out.slice(out.length - Math.floor(keep / 2))}`;
}

function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The last segment of a resource id or type: `Microsoft.Storage/storageAccounts` → `storageAccounts`. */
export function lastSegment(text: string): string {
  const parts = text.split('/').filter((part) => part !== '');
  return parts.at(-1) ?? text;
}

/** The worst level among findings, or undefined when there are none. */
export function worstLevel(findings: readonly TopologyFindingJson[]): Level | undefined {
  let worst: Level | undefined;
  for (const finding of findings) if (!worst || levelRank[finding.level] > levelRank[worst]) worst = finding.level;
  return worst;
}

/** The tooltip text of findings: one line each, `level rule-id: message`. */
export function findingsText(findings: readonly TopologyFindingJson[]): string {
  return findings.map((finding) => `${finding.level} ${finding.ruleId}: ${finding.message}`).join('\n');
}

/** File names compare equal whether they come as `file:` URIs, encoded or not, or as paths. */
export function sameFile(a: string, b: string): boolean {
  return normaliseFile(a) === normaliseFile(b);
}

export function normaliseFile(file: string): string {
  let text = file;
  try {
    text = decodeURIComponent(file);
  } catch {
    // A stray % sign: compare the text as it is.
  }
  return text.replace(/^file:\/\//, '').replace(/^\/([A-Za-z]):/, (_, drive: string) => `${drive.toLowerCase()}:`);
}

/** The short file name shown in tooltips: the last path segment. */
export function fileName(file: string): string {
  return lastSegment(normaliseFile(file));
}
