// Messages between the extension client, the language server and the topology webview, as plain
// data. Invariant: this module imports nothing, so the client and the webview can share it.

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
}

/** Notification from the server when it starts or finishes analysing, for the status bar. */
export const statusNotificationMethod = 'vnetLens/status';

export interface StatusParams {
  state: 'analysing' | 'idle';
  files: number;
  findings: number;
}

export const commandIds = {
  showTopology: 'vnetLens.showTopology',
  fixAllInFile: 'vnetLens.fixAllInFile',
  restartServer: 'vnetLens.restartServer',
  showOutput: 'vnetLens.showOutput',
} as const;

export const clouds = ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'] as const;
export type Cloud = (typeof clouds)[number];
