// The language server: maps LSP onto the engine. It indexes the workspace folders, overlays open
// documents, re-analyses after changes (debounced, stale runs dropped), pushes diagnostics for
// every file whose findings change, plumbs code actions and answers `vnetLens/model`.
// Invariant: with convert.ts, the only module that knows LSP.
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeWorkspace, isCandidateFileName, modelJson, unseenModulesJson, workspaceModel, Workspace, type Finding, type Notice, type PrivateDnsSettings } from '../engine';
import { configFileName, effectivePrivateDns, readConfig, type WorkspaceConfig } from '../engine/config';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { modelRequestMethod, statusNotificationMethod, type ModelJson, type ModelRequestParams } from '../protocol';
import { toolName, toolVersion } from '../version';
import { asBaselined, Baselines } from './baselines';
import { completionHandler, completionTriggerCharacters } from './completion';
import { noticeDiagnostic, toDiagnostic } from './convert';
import { userCacheRoot } from '../evaluate/registry/cache-location';
import { accessHost, FileAccess } from './file-access';
import { listenChecked } from './checked-documents';
import { FixActions } from './fix-actions';
import { guard } from './guard';
import { hoverHandler } from './hover';
import { defaultSettings, readSettings, type ServerSettings } from './settings';
import { readWorkspaceFile, scanFolder } from './workspace-files';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.vnetLens`;
const debounceMs = 150;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => connection.console.log(message);
  let settings: ServerSettings = defaultSettings;
  let canPullConfiguration = false;
  let folders: string[] = [];
  // Referenced files (modules, imports, parameter files' templates) are read only if analysable, and
  // outside the workspace folders only with vnetLens.allowFilesOutsideWorkspace (file-access.ts).
  const access = new FileAccess();
  // Bicep's restore cache holds the compiled registry modules the templates name (FACTS §16): it is
  // read too (only analysable regular files under the limit), whatever the workspace folders.
  const cacheRoot = userCacheRoot();
  if (cacheRoot !== undefined) access.addRoot(cacheRoot);
  const host = accessHost(access, (uri) => documents.get(uri)?.getText(), log);
  const workspace = new Workspace(host);
  const published = new Map<string, string>();
  let run = 0;
  let timer: NodeJS.Timeout | undefined;
  // vnetlens.json per workspace folder; VS Code settings override its rule levels.
  const configs = new Map<string, WorkspaceConfig>();
  // The last analysis's findings with the texts they point into, for code actions.
  const fixActions = new FixActions(fixAllKind);
  // The baselines vnetlens.json files name: their findings show as hints.
  const baselines = new Baselines((uri) => access.read(uri).text, log);

  function loadConfig(uri: string, text: string | undefined): void {
    if (text === undefined) {
      configs.delete(uri);
      baselines.setConfig(uri, undefined);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const { config, errors } = readConfig(text);
    configs.set(uri, config);
    baselines.setConfig(uri, config.baseline);
    const document = TextDocument.create(uri, 'json', 0, text);
    void connection.sendDiagnostics({
      uri,
      diagnostics: errors.map((error) => ({
        range: { start: document.positionAt(error.start), end: document.positionAt(error.end) },
        severity: DiagnosticSeverity.Warning, source: toolName, message: error.message,
      })),
    });
  }

  function effective(): { cloud: ServerSettings['cloud']; rules: ServerSettings['rules']; privateDns?: PrivateDnsSettings } {
    const fromFiles = [...configs.values()];
    const rules = Object.assign({}, ...fromFiles.map((config) => config.rules), settings.rules);
    // As for the cloud, a workspace's vnetlens.json says how its landing zone works; the user's setting applies otherwise.
    const privateDns = effectivePrivateDns(...fromFiles.map((config) => config.privateDns), settings.privateDns);
    return { cloud: fromFiles.find((config) => config.cloud)?.cloud ?? settings.cloud, rules, ...(privateDns ? { privateDns } : {}) };
  }

  const isConfigFile = (uri: string) => uri.endsWith(`/${configFileName}`) && folders.some((folder) => uri === `${folder.replace(/\/$/, '')}/${configFileName}`);

  let foldersChange = false;

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    foldersChange = params.capabilities.workspace?.workspaceFolders === true;
    folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    access.setFolders(folders);
    return {
      serverInfo: { name: toolName, version: toolVersion },
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind] },
        completionProvider: { triggerCharacters: completionTriggerCharacters },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
    };
  });

  const configUriOf = (folder: string) => `${folder.replace(/\/$/, '')}/${configFileName}`;

  function loadFolderConfigs(added: readonly string[]): void {
    for (const folder of added) {
      const configText = access.read(configUriOf(folder)).text;
      // One folder's bad file costs its own settings, never the others' or the index.
      if (configText !== undefined) void guard(undefined, log, `reading ${configUriOf(folder)}`, () => loadConfig(configUriOf(folder), configText), undefined);
    }
  }

  connection.onInitialized(async () => {
    settings = await pullSettings();
    access.setAllowOutside(settings.allowFilesOutsideWorkspace);
    loadFolderConfigs(folders);
    // A folder added or removed later moves the workspace boundary: index, configs and reads follow.
    if (foldersChange) connection.workspace.onDidChangeWorkspaceFolders((event) => changeFolders(event.added.map((f) => f.uri), event.removed.map((f) => f.uri)));
    workspace.setCloud(effective().cloud);
    syncIndex();
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{bicep,bicepparam,json,jsonc}' }],
    }).catch(() => undefined);
    schedule();
  });

  connection.onDidChangeConfiguration(async (change) => {
    settings = canPullConfiguration ? await pullSettings() : readSettings(change.settings?.vnetLens);
    // Files refused (or read) under the old value are asked for again.
    if (access.setAllowOutside(settings.allowFilesOutsideWorkspace)) forgetOutsideReads();
    refresh();
  });

  /** The boundary of what may be read moved: files read (or refused) through the host are asked for again. */
  function forgetOutsideReads(): void {
    workspace.forgetOutsideFiles();
    host.forgetLogged();
  }

  /** After settings, configs or folders changed: the cloud, the index and a new analysis follow. */
  function refresh(): void {
    workspace.setCloud(effective().cloud);
    syncIndex();
    schedule();
  }

  function changeFolders(added: readonly string[], removed: readonly string[]): void {
    const inside = (uri: string, folder: string) => uri.startsWith(`${folder.replace(/\/$/, '')}/`);
    folders = [...folders.filter((folder) => !removed.includes(folder)), ...added.filter((folder) => !folders.includes(folder))];
    access.setFolders(folders);
    for (const folder of removed) {
      if (configs.has(configUriOf(folder))) loadConfig(configUriOf(folder), undefined);
      for (const uri of workspace.uris()) if (!documents.get(uri) && inside(uri, folder)) workspace.removeFile(uri);
    }
    loadFolderConfigs(added);
    // What was outside may be inside now (or the reverse).
    forgetOutsideReads();
    refresh();
  }

  /**
   * The index follows vnetLens.analysisScope: the whole folders, or only the open documents (the
   * files they pull in are read on demand through the host, and forgotten when they change).
   */
  function syncIndex(): void {
    if (settings.analysisScope === 'file') {
      for (const uri of workspace.uris()) if (!documents.get(uri)) workspace.removeFile(uri);
      return;
    }
    for (const folder of folders) {
      for (const uri of scanFolder(folder)) {
        if (documents.get(uri)) continue;
        const text = readWorkspaceFile(uri);
        if (text !== undefined) workspace.setFile(uri, text);
      }
    }
  }

  connection.onDidChangeWatchedFiles((change) => {
    for (const event of change.changes) {
      if (baselines.isBaselineFile(event.uri)) baselines.forget(event.uri);
      if (isConfigFile(event.uri)) {
        loadConfig(event.uri, event.type === FileChangeType.Deleted ? undefined : access.read(event.uri).text);
        workspace.setCloud(effective().cloud);
        continue;
      }
      if (documents.get(event.uri)) continue; // the editor's text wins over the disk
      // Scope 'file' indexes open documents only: forget the cached copy, it is read again when needed.
      if (event.type === FileChangeType.Deleted || settings.analysisScope === 'file') workspace.removeFile(event.uri);
      else {
        const text = access.read(event.uri).text;
        if (text === undefined) workspace.removeFile(event.uri);
        else workspace.setFile(event.uri, text);
      }
    }
    schedule();
  });

  async function pullSettings(): Promise<ServerSettings> {
    if (!canPullConfiguration) return settings;
    return guard(undefined, log, 'reading settings', async () =>
      readSettings(await connection.workspace.getConfiguration('vnetLens')), defaultSettings);
  }

  // Every change makes the running analysis stale at once: it stops at its next look (the workspace
  // hands the event loop back between deployments), not when the next analysis starts.
  function schedule(): void {
    run++;
    clearTimeout(timer);
    timer = setTimeout(() => void analyse(), debounceMs);
  }

  async function analyse(): Promise<void> {
    const mine = run;
    const isCancelled = () => run !== mine;
    void connection.sendNotification(statusNotificationMethod, { state: 'analysing', files: workspace.uris().length, findings: 0 });
    const analysedTexts = fixActions.snapshot(workspace);
    const result = await guard(undefined, log, 'analysis', () => analyzeWorkspace(workspace, documents.all().map((d) => d.uri),
      { cloud: effective().cloud, ruleLevels: effective().rules, ...(effective().privateDns ? { privateDns: effective().privateDns } : {}), isCancelled }), undefined);
    if (!result || isCancelled()) return;
    fixActions.record(result.findings, analysedTexts, workspace, effective().cloud);
    const byUri = new Map<string, { findings: Finding[]; notices: Notice[] }>();
    const of = (uri: string) => {
      let entry = byUri.get(uri);
      if (!entry) byUri.set(uri, (entry = { findings: [], notices: [] }));
      return entry;
    };
    for (const finding of result.findings) of(finding.uri).findings.push(finding);
    for (const notice of result.notices) of(notice.uri).notices.push(notice);
    for (const document of documents.all()) of(document.uri);
    for (const uri of published.keys()) of(uri);
    for (const [uri, { findings, notices }] of byUri) publish(uri, findings, notices);
    void connection.sendNotification(statusNotificationMethod, { state: 'idle', files: workspace.uris().length, findings: result.findings.length });
  }

  function publish(uri: string, findings: Finding[], notices: Notice[]): void {
    const open = documents.get(uri);
    const text = open?.getText() ?? workspace.file(uri)?.text;
    if (text === undefined) {
      // A file no longer read (e.g. outside the workspace after the setting was turned off) loses its diagnostics.
      if (findings.length === 0 && notices.length === 0 && published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const document = open ?? TextDocument.create(uri, 'plaintext', 0, text);
    const diagnostics = [
      ...notices.map((notice) => noticeDiagnostic(document, notice)),
      ...findings.map((finding) => {
        const diagnostic = toDiagnostic(document, finding, (other) => {
          const otherText = documents.get(other)?.getText() ?? workspace.file(other)?.text;
          return otherText === undefined ? undefined : TextDocument.create(other, 'plaintext', 0, otherText);
        });
        return baselines.has(finding) ? asBaselined(diagnostic) : diagnostic;
      }),
    ];
    const signature = JSON.stringify(diagnostics);
    // Open documents always get an answer (the client waits for one); others only on change.
    if (!open && published.get(uri) === signature) return;
    if (diagnostics.length === 0) published.delete(uri);
    else published.set(uri, signature);
    void connection.sendDiagnostics({ uri, ...(open ? { version: open.version } : {}), diagnostics });
  }

  // Fires on open too. An unchanged text still gets an answer: the client waits for diagnostics.
  documents.onDidChangeContent((event) => {
    if (isConfigFile(event.document.uri)) {
      loadConfig(event.document.uri, event.document.getText());
      workspace.setCloud(effective().cloud);
    } else {
      workspace.setFile(event.document.uri, event.document.getText());
    }
    schedule();
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    // A closed file stays indexed only if it belongs to the folders; one outside is read again
    // through the host if something references it.
    const text = settings.analysisScope === 'workspace' && access.isInside(uri) ? access.read(uri).text : undefined;
    if (text === undefined || !isCandidateFileName(uri)) workspace.removeFile(uri);
    else workspace.setFile(uri, text);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    published.delete(uri);
    schedule();
  });

  connection.onCodeAction((params, token) => guard(token, log, 'code actions', (): CodeAction[] =>
    fixActions.codeActions(params, (uri) => documents.get(uri)?.getText() ?? workspace.file(uri)?.text), []));

  // Completion and hover for private networking (server/src/assist), on the same workspace and cloud.
  const assist = { workspace, documents, cloud: () => effective().cloud, log };
  connection.onCompletion(completionHandler(assist));
  connection.onHover(hoverHandler(assist));

  connection.onRequest(modelRequestMethod, (params: ModelRequestParams | undefined, token) =>
    guard(token, log, 'model request', async (): Promise<ModelJson> =>
      ({ ...modelJson(workspace, await workspaceModel(workspace, params?.uri)), ...await unseenModulesJson(workspace, params?.uri) }), { entities: [], references: [] }));

  listenChecked(documents, connection, log);
  connection.listen();
}
