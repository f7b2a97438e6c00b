// Where a rule's documentation page lives: docs/rules/<id>.md beside the package (the VSIX ships
// it). Faces turn it into a link (LSP codeDescription, SARIF helpUri); rules never read it.
export function ruleDocPath(packageRoot: string, id: string): string {
  return `${packageRoot.replace(/[\\/]+$/, '')}/docs/rules/${id}.md`;
}
