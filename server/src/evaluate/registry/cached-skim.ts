// Whether a cached registry module may deploy anything the analysis needs, skimmed from its text
// (arm/skim.ts) without reading it: most AVM modules a networking template calls (identities, role
// assignments, log workspaces) declare no needed type, and are then never read nor evaluated unless
// something reads their outputs. Answers are remembered per module file and text, since every call
// of a module asks on every analysis.
import { declaresNothingNeeded } from '../arm/skim';
import type { NeedsType } from '../declaration';

const answers = new Map<string, { text: string; needed: boolean }>();
const maxRemembered = 200;

/** Whether the compiled module `text` at `uri` may declare a resource `needsType` accepts. */
export function cachedModuleMayDeclareNeeded(uri: string, text: string, needsType: NeedsType): boolean {
  const known = answers.get(uri);
  if (known && known.text === text) return known.needed;
  const needed = !declaresNothingNeeded(text, needsType);
  if (answers.size >= maxRemembered) answers.clear();
  answers.set(uri, { text, needed });
  return needed;
}
