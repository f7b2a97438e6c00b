// Messages between the extension client, the language server and the topology webview, as plain
// data, and how the client starts the server. Invariant: this module imports nothing, so the client
// and the webview can share it.

/** Custom request: the network model of a file (with what it pulls in) or of the workspace. */
export const modelRequestMethod = 'vnetLens/model';

export interface ModelRequestParams {
  /** The document whose deployment set is wanted; absent means the whole workspace. */
  uri?: string;
}

export interface ModelEntityJson {
  kind: string;
  name: string;
  id: string;
  file: string;
  /** 1-based line of the declaration. */
  line: number;
  properties: Record<string, unknown>;
}

export interface ModelReferenceJson {
  kind: string;
  from: string;
  to: string | null;
  reason?: string;
}

export interface ModelJson {
  entities: ModelEntityJson[];
  references: ModelReferenceJson[];
  /** Registry module calls neither cached nor modelled: what they deploy is unseen (an opaque box). */
  unseenModules?: UnseenModuleJson[];
}

export interface UnseenModuleJson {
  /** The module reference as written (`br/public:avm/res/…:1.2.3`). */
  reference: string;
  file: string;
  /** 1-based line of the call. */
  line: number;
}

/** A finding as the topology view marks it on the node of the resource it concerns. */
export interface TopologyFindingJson {
  ruleId: string;
  level: 'error' | 'warning' | 'info';
  message: string;
  /** The entity's `id` when the finding is about one; otherwise the view matches by file and line. */
  entityId?: string;
  file: string;
  /** 1-based line. */
  line: number;
}

/**
 * How a private-link target's name resolves from one VNet that reaches it (the `resolve` explainer),
 * drawn as a path when the VNet or the target is selected. Ids are the model entities' `id`s.
 */
export interface TopologyResolutionJson {
  /** The target's id (a `target` entity's, or the id the endpoints' connections name). */
  target: string;
  targetName: string;
  /** The asking VNet's id. */
  from: string;
  fromName: string;
  answer: 'private' | 'public' | 'unknown';
  steps: TopologyResolutionStepJson[];
}

export interface TopologyResolutionStepJson {
  step: 'dns' | 'server' | 'zone' | 'link' | 'record' | 'answer';
  text: string;
  /** Ids of the entities the step goes through (VNets, zones, links, zone groups, endpoints). */
  entities: string[];
}

/** What the topology view draws: the model, the findings when the server sends them, and name resolutions. */
export interface TopologyJson extends ModelJson {
  findings?: TopologyFindingJson[];
  resolutions?: TopologyResolutionJson[];
}

export type TopologyScope = 'file' | 'workspace';
export type TopologyExportFormat = 'svg' | 'png';

/** Messages from the extension to the topology page. */
export type TopologyToPage =
  | { type: 'model'; model: TopologyJson; scope: TopologyScope; title: string; seq: number }
  | { type: 'error'; message: string; scope: TopologyScope }
  | { type: 'export'; format: TopologyExportFormat; requestId: number };

/** Messages from the topology page to the extension. */
export type TopologyFromPage =
  | { type: 'ready' }
  | { type: 'reveal'; file: string; line: number }
  | { type: 'scope'; scope: TopologyScope }
  | { type: 'rendered'; seq: number; nodes: number; edges: number; ms: number }
  /** An export the extension asked for (`requestId`), or one the user started (`requestId` absent: save dialog). */
  | { type: 'exported'; format: TopologyExportFormat; requestId?: number; data: string }
  | { type: 'exportFailed'; requestId?: number; message: string };

/** The argument `vnetLens.showTopology` accepts besides a file URI (the editor-title button passes one). */
export interface TopologyCommandOptions {
  scope?: TopologyScope;
  /** Write the drawing to this file (.svg or .png; relative paths are taken from the first workspace folder). */
  export?: string;
}

export interface TopologyCommandResult {
  scope: TopologyScope;
  nodes: number;
  edges: number;
  /** The absolute path written, when `export` was given. */
  exported?: string;
}

/** Notification from the server when it starts or finishes analysing, for the status bar. */
export const statusNotificationMethod = 'vnetLens/status';

export interface StatusParams {
  state: 'analysing' | 'idle';
  files: number;
  findings: number;
}

/**
 * Node's options for the language server's process on a machine with `cores` cores: the extension
 * starts the server with them, and the tests and benches start it the same way. Node gives V8 four
 * helper threads on any machine (concurrent compilation, parallel and concurrent garbage collection),
 * and they share the cores with the server's two busy threads, the LSP loop and the analysis worker.
 * Issue 16, on 2 cores, the server bench in 6 interleaved pairs: with one helper instead of four, a
 * keystroke's diagnostics came sooner (p95 32 against 40 ms, p50 16 against 21 ms; with the corpus
 * open, p95 27 against 36 ms), the corpus was indexed in 3.35 against 3.73 s with 12 MB less resident,
 * and the server used as much CPU per edit; with another process keeping a core busy, the keystroke
 * p95 read 65 against 87 ms (4 pairs). So the pool leaves a core to each of those two threads, keeps
 * at least one helper, and never has more than Node's four.
 */
export function serverNodeOptions(cores: number): string[] {
  return [`--v8-pool-size=${Math.min(4, Math.max(1, cores - 2))}`];
}

export const commandIds = {
  showTopology: 'vnetLens.showTopology',
  fixAllInFile: 'vnetLens.fixAllInFile',
  restartServer: 'vnetLens.restartServer',
  showOutput: 'vnetLens.showOutput',
} as const;
