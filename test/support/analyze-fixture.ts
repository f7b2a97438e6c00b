// The whole analysis (every rule, default options) of a fixture's files, as the engine's callers run it:
// for tests that judge what the engine reports across rules, deployments and files.
import { analyzeDocuments } from '../../server/src/engine/analyze';
import { defaultAnalysisOptions, type Finding } from '../../server/src/engine/types';
import { fixtureHost, fixtureRoot, splitFixture } from './fixture';

/** Every finding of the analysis of `fixture` (STYLE §10: `//- /file` lines split it). */
export async function findingsOfFixture(fixture: string): Promise<Finding[]> {
  const files = splitFixture(fixture);
  const result = await analyzeDocuments(
    [...files].map(([uri, text]) => ({ uri, text })),
    fixtureHost(files),
    defaultAnalysisOptions,
  );
  return result.findings;
}

/** A finding as `rule-id file` (the file relative to the fixture's root). */
export const ruleAndFile = (finding: Finding) => `${finding.ruleId} ${finding.uri.replace(fixtureRoot, '')}`;
