// Readings of the compiled modules in Bicep's restore cache, shared by every workspace of the
// process: a cached module is immutable per reference (FACTS §16: a folder per tag or digest), and
// the same few modules are called from many deployments and folders, so each text is skimmed
// (arm/skim-resources.ts) and read once, not once per workspace or per analysis. Invariant: a
// reading belongs to the exact text it was made from (a changed file is read again); bounded by
// total text size, least recently used first out.
import { blankUnneededParts, loadArmTextForEvaluation, type LoadedArmFile } from '../arm';

const readings = new Map<string, LoadedArmFile>();
let heldChars = 0;
/** About 120 AVM modules (80 of them hold 11 M characters and take 90 MB read). */
const maxHeldChars = 16 * 1024 * 1024;

/** The module at `uri` read with only the resources `needsType` may need (all when it is absent). */
export function cachedModuleReading(
  uri: string,
  text: string,
  needsType?: (type: string, existing: boolean) => boolean,
): LoadedArmFile {
  const key = `${needsType ? 'needed' : 'all'} ${uri}`;
  const known = readings.get(key);
  if (known) {
    readings.delete(key);
    heldChars -= known.text.length;
  }
  // The reading keeps the skimmed text; the original is what the caller compares.
  const reading =
    known && originals.get(known) === text
      ? known
      : loadArmTextForEvaluation(uri, needsType ? blankUnneededParts(text, needsType) : text);
  originals.set(reading, text);
  readings.set(key, reading);
  heldChars += reading.text.length;
  for (const [oldKey, old] of readings) {
    if (heldChars <= maxHeldChars || readings.size <= 1) break;
    readings.delete(oldKey);
    heldChars -= old.text.length;
  }
  return reading;
}

const originals = new WeakMap<LoadedArmFile, string>();
