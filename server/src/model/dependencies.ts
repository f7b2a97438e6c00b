// "Is A deployed before B?" over the order evaluation records (evaluate/order.ts): B waits for what it
// depends on, what those depend on, and what the module calls or nested deployments around B wait for;
// a module call B waits for covers everything inside it. Bicep's implied dependencies (symbolic
// references, parents) count; in ARM `dependsOn` and the nesting of a child in its parent's
// `resources` do, `resourceId()` does not, and a `reference()` or `list*()` call (an implicit
// dependency on a resource the model does not name) makes the resource's order unknown.
// Invariant: `true` only when a chain of recorded dependencies proves it; an order that cannot be
// read (an unknown `dependsOn` entry) makes the answer unknown, and so does one inside a registry
// module's interface model, unless the resource asked about is outside that module (evaluate/order.ts
// `opaque`): then only what the module call waits for can order it first.
import type { ResourceDecl } from '../evaluate/declaration';
import type { ArmOrderFrame, OrderFrame, OrderNode } from '../evaluate/order';
import { isArray, type Tri } from '../evaluate/value';
import { idKey } from './identity';
import { keptOn } from '../evaluate/remembered';

/** Whether `first` is certainly deployed before `later` starts. */
export function orderedBefore(first: ResourceDecl, later: ResourceDecl): Tri {
  if (!first.order || !later.order) return 'unknown';
  const targets = new Map<OrderFrame, Set<string>>();
  for (let node: OrderNode | undefined = first.order; node; node = node.frame.caller) addTo(targets, node);
  const visited = new Map<OrderFrame, Set<string>>();
  const expandedCallers = new Set<OrderNode>();
  const queue: OrderNode[] = [];
  let unknown = false;

  const visit = (node: OrderNode) => {
    if (has(visited, node)) return;
    addTo(visited, node);
    queue.push(node);
  };
  /** Queues what `node` waits for, and what each call around it waits for. */
  const expand = (node: OrderNode) => {
    const before = predecessors(node);
    // What is known of a node's predecessors is walked even when not all are known: a path found is certain.
    if (!before.complete && (!node.frame.opaque || targets.has(node.frame))) unknown = true;
    for (const name of before.names) visit({ frame: node.frame, name });
    const caller = node.frame.caller;
    if (caller && !expandedCallers.has(caller)) {
      expandedCallers.add(caller);
      expand(caller);
    }
  };

  expand(later.order);
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (has(targets, node)) return true;
    expand(node);
  }
  return unknown ? 'unknown' : false;
}

function addTo(map: Map<OrderFrame, Set<string>>, node: OrderNode): void {
  let names = map.get(node.frame);
  if (!names) map.set(node.frame, (names = new Set()));
  names.add(node.name);
}

function has(map: Map<OrderFrame, Set<string>>, node: OrderNode): boolean {
  return map.get(node.frame)?.has(node.name) === true;
}

/** The nodes `node` waits for that are known, and whether they are all it waits for. */
interface Predecessors {
  names: readonly string[];
  complete: boolean;
}

const noneKnown: Predecessors = { names: [], complete: false };
const none: Predecessors = { names: [], complete: true };

function predecessors(node: OrderNode): Predecessors {
  if (node.frame.language === 'bicep') {
    const names = node.frame.after(node.name);
    return names === undefined ? noneKnown : { names, complete: true };
  }
  // A node with no entry (a resource the template did not evaluate) waits for nothing recorded.
  return armGraph(node.frame).get(node.name) ?? none;
}

const graphKey = Symbol('armGraph');

const armGraph = (frame: ArmOrderFrame): Map<string, Predecessors> => keptOn(frame, graphKey, buildArmGraph);

/**
 * Each ARM node's direct predecessors: its `dependsOn` entries matched by symbolic name, copy loop
 * name, resource name, `type/name` or id (ARM accepts each), and its parent in a `resources` array.
 */
function buildArmGraph(frame: ArmOrderFrame): Map<string, Predecessors> {
  const byKey = new Map<string, Set<string>>();
  const index = (key: string | undefined, name: string) => {
    if (key === undefined) return;
    let names = byKey.get(key);
    if (!names) byKey.set(key, (names = new Set()));
    names.add(name);
  };
  for (const entry of frame.entries) {
    if (entry.symbol) index(`symbol:${entry.symbol.toLowerCase()}`, entry.name);
    if (entry.copyName) index(`copy:${entry.copyName}`, entry.name);
    const name = idKey(entry.fullName);
    if (name !== undefined) {
      index(`name:${name}`, entry.name);
      index(`name:${entry.type.toLowerCase()}/${name}`, entry.name);
    }
    index(idKey(entry.id) && `id:${idKey(entry.id)}`, entry.name);
  }
  const graph = new Map<string, Predecessors>();
  for (const entry of frame.entries) {
    const earlier = graph.get(entry.name);
    const found = new Set(earlier?.names ?? []);
    let known = isArray(entry.dependsOn) && !entry.implicitDependencies();
    for (const item of isArray(entry.dependsOn) ? entry.dependsOn : []) {
      const key = idKey(item);
      const matches =
        key === undefined
          ? undefined
          : (byKey.get(`id:${key}`) ??
            byKey.get(`name:${key}`) ??
            (typeof item === 'string' ? (byKey.get(`symbol:${key}`) ?? byKey.get(`copy:${key}`)) : undefined));
      // A written name that matches nothing is outside this template; a computed one may be anything.
      if (matches) for (const name of matches) found.add(name);
      else if (typeof item !== 'string') known = false;
    }
    if (entry.parent) found.add(entry.parent);
    found.delete(entry.name);
    // A computed entry that matches nothing may be anything: the others found are still waited for.
    graph.set(entry.name, { names: [...found], complete: known && earlier?.complete !== false });
  }
  return graph;
}
