// Every resource type the project declares with `@azure/bicep-types`, and the `types.json` text the build
// writes from them (`node --import tsx scripts/write-types.ts` → server/src/facts/generated/types.json).
// Invariants: the generated file is exactly `resourceTypesJsonText()` (facts-generated.test.ts); every
// declared type, version, path and enum matches the official data (facts-bicep-types.test.ts).
import { networkResourceDecls } from './resource-types-network';
import { paasResourceDecls } from './resource-types-paas';
import { typesJsonText, type ResourceDecl } from './type-builder';

export const resourceTypeDecls: readonly ResourceDecl[] = [...networkResourceDecls, ...paasResourceDecls];

/** The `types.json` content for all declarations. */
export function resourceTypesJsonText(): string {
  return typesJsonText(resourceTypeDecls);
}
