// The server's model, looked up the ways the graph builder asks: entities by id and kind, references
// from an entity by kind, and the findings that belong to each entity.
import type { ModelEntityJson, ModelReferenceJson, TopologyFindingJson, TopologyJson } from '@vnet-lens/protocol';
import type { Declared } from './graph-types';
import { lastSegment, sameFile, worstLevel } from './names';

export class ModelLookups {
  /** The first entity of each id (an id declared twice is drawn from its first declaration). */
  readonly entityById = new Map<string, ModelEntityJson>();
  private readonly refsFrom = new Map<string, ModelReferenceJson[]>();
  private readonly findingsByEntity: Map<ModelEntityJson, TopologyFindingJson[]>;
  /** Findings that matched no entity. */
  readonly unplaced: TopologyFindingJson[];

  constructor(readonly model: TopologyJson) {
    for (const entity of model.entities) if (!this.entityById.has(entity.id)) this.entityById.set(entity.id, entity);
    for (const ref of model.references) {
      const from = this.refsFrom.get(ref.from);
      if (from) from.push(ref);
      else this.refsFrom.set(ref.from, [ref]);
    }
    ({ byEntity: this.findingsByEntity, unplaced: this.unplaced } = assignFindings(model));
  }

  byKind(kind: string): ModelEntityJson[] {
    return this.model.entities.filter((entity) => entity.kind === kind);
  }

  refs(entity: ModelEntityJson, kind: string): ModelReferenceJson[] {
    return (this.refsFrom.get(entity.id) ?? []).filter((ref) => ref.kind === kind);
  }

  /** The entities `entity` refers to by `kind` (undefined for a reference that did not resolve). */
  resolved(entity: ModelEntityJson, kind: string): (ModelEntityJson | undefined)[] {
    return this.refs(entity, kind).map((ref) => (ref.to === null ? undefined : this.entityById.get(ref.to)));
  }

  findingsOf(...entities: (ModelEntityJson | undefined)[]): TopologyFindingJson[] {
    return entities.flatMap((entity) => (entity ? (this.findingsByEntity.get(entity) ?? []) : []));
  }

  /** What a drawn element says of its declaration: name, place, its findings (and `extra`) and their worst level. */
  declared(entity: ModelEntityJson, extra: TopologyFindingJson[] = []): Declared {
    const findings = [...this.findingsOf(entity), ...extra];
    return { name: entity.name, file: entity.file, line: entity.line, findings, level: worstLevel(findings) };
  }
}

/** Findings per entity: by `entityId`, else the declaration in the same file nearest at or above the line. */
function assignFindings(model: TopologyJson): {
  byEntity: Map<ModelEntityJson, TopologyFindingJson[]>;
  unplaced: TopologyFindingJson[];
} {
  const byEntity = new Map<ModelEntityJson, TopologyFindingJson[]>();
  const unplaced: TopologyFindingJson[] = [];
  const entityById = new Map<string, ModelEntityJson>();
  for (const entity of model.entities) if (!entityById.has(entity.id)) entityById.set(entity.id, entity);
  for (const finding of model.findings ?? []) {
    let owner = finding.entityId === undefined ? undefined : entityById.get(finding.entityId);
    if (!owner) {
      // Inline children share their parent's declaration line (a VNet's `subnets`): among the
      // declarations on the nearest line, the child the message names first wins ("Subnet 'snet-pls'
      // in VNet 'vnet-spoke'"), else the first declaration (the parent).
      let nearest: ModelEntityJson[] = [];
      for (const entity of model.entities) {
        if (entity.line > finding.line || !sameFile(entity.file, finding.file)) continue;
        if (nearest.length === 0 || entity.line > nearest[0].line) nearest = [entity];
        else if (entity.line === nearest[0].line) nearest.push(entity);
      }
      const mention = (entity: ModelEntityJson) => finding.message.indexOf(`'${lastSegment(entity.name)}'`);
      const named = nearest
        .slice(1)
        .filter((entity) => mention(entity) >= 0)
        .sort((a, b) => mention(a) - mention(b));
      owner = named[0] ?? nearest[0];
    }
    if (owner) byEntity.set(owner, [...(byEntity.get(owner) ?? []), finding]);
    else unplaced.push(finding);
  }
  return { byEntity, unplaced };
}
