// Deployment order as evaluation records it (issue 17): every declaration names its node in the
// frame of the template evaluation that declared it, and a frame knows which of its nodes each node
// is deployed after. The model answers "is A deployed before B" from these (model/dependencies.ts).
// Invariants: a frame is one evaluation of one template (a Bicep file or an ARM template, through
// one chain of module calls or nested deployments); a callee frame names the caller's node (the
// module call or nested deployment) it runs in, so what the call waits for, its content waits for.
import type { Value } from './value';

/** A declaration, or a module call / nested deployment, inside its frame. */
export interface OrderNode {
  readonly frame: OrderFrame;
  /** Bicep: the symbol path (`vnet`, `vnet::peering`); ARM: the symbolic name or `@offset` of the resource. */
  readonly name: string;
}

export type OrderFrame = BicepOrderFrame | ArmOrderFrame;

interface FrameBase {
  /** The module call or nested deployment this template runs in; undefined for an entry. */
  readonly caller: OrderNode | undefined;
  /**
   * A registry module's interface model: what its resources wait for inside the module is not known, but
   * it is inside the module (a module's resources cannot wait for the caller's: the call does). Such an
   * unknown hides no order to a resource outside the module.
   */
  readonly opaque?: true;
}

/**
 * Bicep orders what the source implies: a symbolic reference (direct, through variables, or a
 * `dependsOn` entry) and a parent make a dependency (Bicep emits `dependsOn` for each).
 */
export interface BicepOrderFrame extends FrameBase {
  readonly language: 'bicep';
  /** The nodes of this frame `name` is deployed after, directly; undefined when the source cannot say. */
  after(name: string): readonly string[] | undefined;
}

/** One evaluated resource instance (or nested deployment) of an ARM template, as `dependsOn` matches it. */
export interface ArmOrderEntry {
  readonly name: string;
  readonly fullName: Value;
  readonly type: string;
  readonly id: Value;
  readonly symbol: string | undefined;
  /** The `copy` loop's name, lower-cased. */
  readonly copyName: string | undefined;
  /** The evaluated `dependsOn` entries (`resourceId()` orders nothing; `reference()` makes the order unknown). */
  readonly dependsOn: readonly Value[] | Value;
  /** The resource's text calls `reference()` or `list*()`: ARM then orders it after what they name. */
  readonly implicitDependencies: () => boolean;
  /** The node of the resource whose `resources` array holds this one. */
  readonly parent: string | undefined;
}

export interface ArmOrderFrame extends FrameBase {
  readonly language: 'arm';
  readonly entries: ArmOrderEntry[];
}

/** The frame of the resources an interface model declares for the registry module call `caller`. */
export function interfaceModelFrame(caller: OrderNode): BicepOrderFrame {
  return { language: 'bicep', caller, opaque: true, after: () => undefined };
}

export function armOrderFrame(caller: OrderNode | undefined): ArmOrderFrame {
  return { language: 'arm', caller, entries: [] };
}
