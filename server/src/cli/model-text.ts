// `vnet-lens model --format text`: one line per entity with its name as written in the source, then
// the references between them by name. Resource ids (long, mostly evaluator placeholders) only with `--ids`.
import type { ModelJson } from '../protocol';

export function modelAsText(model: ModelJson, options: { ids: boolean }): string {
  const lines: string[] = [];
  const nameById = new Map<string, string>();
  for (const entity of model.entities) if (!nameById.has(entity.id)) nameById.set(entity.id, entity.name);
  for (const entity of model.entities) {
    lines.push(`${entity.file}:${entity.line}: ${entity.kind} ${entity.name}`);
    if (options.ids) lines.push(`  id ${entity.id}`);
  }
  if (model.references.length > 0) lines.push('', 'references:');
  for (const reference of model.references) {
    const from = options.ids ? reference.from : (nameById.get(reference.from) ?? reference.from);
    const to =
      reference.to === null
        ? `(unresolved: ${unresolvedText(reference.reason ?? '', options.ids)})`
        : options.ids
          ? reference.to
          : (nameById.get(reference.to) ?? reference.to);
    lines.push(`${reference.kind}: ${from} -> ${to}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** Without ids, an unresolved reference names only the last type and name of the id it holds. */
function unresolvedText(reason: string, ids: boolean): string {
  if (ids) return reason;
  const match = /^(unknown value|outside the analysed files:)\s*(.*)$/.exec(reason);
  if (!match) return reason;
  const tail = match[2]
    .split('/')
    .filter((part) => part !== '')
    .slice(-2)
    .join('/');
  return `${match[1].replace(/:$/, '')}${tail ? ` …/${tail}` : ''}`;
}
