// What the server is configured with: the user's `vnetLens.*` settings (pulled from the client when
// it offers them) and each workspace folder's vnetlens.json, with its problems as diagnostics on it.
// Invariant: VS Code settings override a vnetlens.json's rule levels; a bad vnetlens.json costs its
// own settings only, never the others' or the index.
import { DiagnosticSeverity, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PrivateDnsSettings } from '../engine';
import { configFileName, effectivePrivateDns, readConfig, type WorkspaceConfig } from '../engine/config';
import { toolName } from '../version';
import type { Baselines } from './baselines';
import { guard, type Logger } from './guard';
import { defaultSettings, readSettings, type ServerSettings } from './settings';

/** What an analysis is run with, from the settings and every folder's vnetlens.json. */
export interface EffectiveConfiguration {
  cloud: ServerSettings['cloud'];
  rules: ServerSettings['rules'];
  privateDns?: PrivateDnsSettings;
}

export const configUriOf = (folder: string) => `${folder.replace(/\/$/, '')}/${configFileName}`;

export class Configuration {
  settings: ServerSettings = defaultSettings;
  canPull = false;
  /** vnetlens.json per workspace folder. */
  private readonly configs = new Map<string, WorkspaceConfig>();

  constructor(
    private readonly connection: Connection,
    private readonly baselines: Baselines,
    private readonly log: Logger,
  ) {}

  /** Reads (or, with no text, forgets) the vnetlens.json at `uri` and publishes its problems. */
  loadConfig(uri: string, text: string | undefined): void {
    if (text === undefined) {
      this.configs.delete(uri);
      this.baselines.setConfig(uri, undefined);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const { config, errors } = readConfig(text);
    this.configs.set(uri, config);
    this.baselines.setConfig(uri, config.baseline);
    const document = TextDocument.create(uri, 'json', 0, text);
    void this.connection.sendDiagnostics({
      uri,
      diagnostics: errors.map((error) => ({
        range: { start: document.positionAt(error.start), end: document.positionAt(error.end) },
        severity: DiagnosticSeverity.Warning,
        source: toolName,
        message: error.message,
      })),
    });
  }

  hasConfig(uri: string): boolean {
    return this.configs.has(uri);
  }

  /** Reads the vnetlens.json of each folder, each in its own failure boundary. */
  loadFolderConfigs(added: readonly string[], read: (uri: string) => string | undefined): void {
    for (const folder of added) {
      const uri = configUriOf(folder);
      const configText = read(uri);
      // One folder's bad file costs its own settings, never the others' or the index.
      if (configText !== undefined)
        void guard(undefined, this.log, `reading ${uri}`, () => this.loadConfig(uri, configText), undefined);
    }
  }

  effective(): EffectiveConfiguration {
    const fromFiles = [...this.configs.values()];
    const rules = Object.assign({}, ...fromFiles.map((config) => config.rules), this.settings.rules);
    // As for the cloud, a workspace's vnetlens.json says how its landing zone works; the user's setting applies otherwise.
    const privateDns = effectivePrivateDns(...fromFiles.map((config) => config.privateDns), this.settings.privateDns);
    return {
      cloud: fromFiles.find((config) => config.cloud)?.cloud ?? this.settings.cloud,
      rules,
      ...(privateDns ? { privateDns } : {}),
    };
  }

  /** The settings the client holds now (the current ones when it cannot be asked). */
  async pullSettings(): Promise<ServerSettings> {
    if (!this.canPull) return this.settings;
    return guard(
      undefined,
      this.log,
      'reading settings',
      async () => readSettings(await this.connection.workspace.getConfiguration('vnetLens')),
      defaultSettings,
    );
  }

  /** After didChangeConfiguration: pulled, or read from the notification when the client cannot be asked. */
  async changed(raw: unknown): Promise<void> {
    this.settings = this.canPull ? await this.pullSettings() : readSettings(raw);
  }
}

/** Whether `uri` is the vnetlens.json at the root of one of the folders. */
export function isConfigFile(uri: string, folders: readonly string[]): boolean {
  return uri.endsWith(`/${configFileName}`) && folders.some((folder) => uri === configUriOf(folder));
}
