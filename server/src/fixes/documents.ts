// The files a fix reads, parsed once per fix run: Bicep trees and jsonc trees of the texts the
// findings were computed on, with each file's style. Invariant: everything comes from FixSource
// (the analysed texts), never from disk, so edits always fit the text the findings point into; what
// fix planning asks of the model beyond its entities, it asks the rules' predicates (`queries`).
import type { Node as JsonNode } from 'jsonc-parser';
import type { Cloud } from '../facts';
import type { ModelQueries } from '../model';
import { readJsonTree } from '../syntax/arm';
import { parseBicep, type SourceFile } from '../syntax/bicep';
import { styleOf, type Style } from './layout';
import type { FixSource } from './types';

export class FixDocuments {
  private readonly bicep = new Map<string, SourceFile | undefined>();
  private readonly json = new Map<string, JsonNode | undefined>();
  private readonly styles = new Map<string, Style>();

  constructor(
    private readonly source: FixSource,
    readonly queries: ModelQueries,
  ) {}

  get cloud(): Cloud {
    return this.source.cloud;
  }

  uris(): readonly string[] {
    return this.source.uris();
  }

  text(uri: string): string | undefined {
    return this.source.text(uri);
  }

  style(uri: string): Style {
    let style = this.styles.get(uri);
    if (!style) this.styles.set(uri, (style = styleOf(this.text(uri) ?? '')));
    return style;
  }

  /** The Bicep tree of a `.bicep` or `.bicepparam` file; undefined when the parse has errors. */
  bicepTree(uri: string): SourceFile | undefined {
    if (!this.bicep.has(uri)) {
      const text = this.text(uri);
      const parameterFile = /\.bicepparam$/i.test(uri);
      const parsed = text === undefined ? undefined : parseBicep(text, { parameterFile });
      // A fix must leave a file free of syntax errors; one that has them is left alone.
      this.bicep.set(uri, parsed && parsed.errors.length === 0 ? parsed.tree : undefined);
    }
    return this.bicep.get(uri);
  }

  /** The jsonc tree of a JSON file (comments and trailing commas allowed); undefined on errors. */
  jsonTree(uri: string): JsonNode | undefined {
    if (!this.json.has(uri)) {
      const text = this.text(uri);
      // The tree ARM reading sees (a byte order mark is skipped, every offset kept), so edits land where the
      // analysis saw them.
      const tree = text === undefined ? undefined : readJsonTree(text);
      this.json.set(uri, tree !== undefined && tree.errors.length === 0 ? tree.root : undefined);
    }
    return this.json.get(uri);
  }
}
