// The ARM JSON snippets (snippets/arm.json) for documents in the `arm-template` language of the
// Azure Resource Manager Tools extension. The manifest cannot contribute snippets to a language
// that may not exist (VS Code logs an error on every activation without ARM Tools), so they are
// offered as completions here; for `json` and `jsonc` the manifest contributes them.
import * as fs from 'node:fs';
import * as vscode from 'vscode';

interface SnippetDefinition {
  prefix: string;
  description?: string;
  body: string | string[];
}

export const armTemplateLanguage = 'arm-template';

/** Completion items for every snippet of the file, as VS Code's snippet contribution shows them. */
export function readArmSnippets(file: string): vscode.CompletionItem[] {
  const definitions = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, SnippetDefinition>;
  return Object.entries(definitions).map(([name, definition]) => {
    const item = new vscode.CompletionItem(definition.prefix, vscode.CompletionItemKind.Snippet);
    item.insertText = new vscode.SnippetString(
      Array.isArray(definition.body) ? definition.body.join('\n') : definition.body,
    );
    item.detail = name;
    if (definition.description) item.documentation = definition.description;
    return item;
  });
}

export function registerArmTemplateSnippets(snippetFile: string): vscode.Disposable {
  let items: vscode.CompletionItem[] | undefined;
  return vscode.languages.registerCompletionItemProvider(
    { language: armTemplateLanguage },
    {
      provideCompletionItems: () => (items ??= readArmSnippets(snippetFile)),
    },
  );
}
