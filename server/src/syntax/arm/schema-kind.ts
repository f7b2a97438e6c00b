// Recognises ARM deployment files by their `$schema`. Any schema version and every deployment scope
// (resource group, subscription, management group, tenant) counts; the host name is not checked,
// since sovereign clouds and older templates use other hosts with the same file names.

export type ArmFileKind = 'arm-template' | 'arm-parameters';

const templateSchema = /deploymentTemplate\.json#?$/i;
const parametersSchema = /deploymentParameters\.json#?$/i;

/** The kind of ARM file a `$schema` value names, or `undefined` for any other JSON. */
export function armKindOfSchema(schema: unknown): ArmFileKind | undefined {
  if (typeof schema !== 'string') return undefined;
  const trimmed = schema.trim();
  if (templateSchema.test(trimmed)) return 'arm-template';
  if (parametersSchema.test(trimmed)) return 'arm-parameters';
  return undefined;
}
