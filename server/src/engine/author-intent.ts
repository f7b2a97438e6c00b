// What a template's author says in a comment about a declaration, where it settles whether a finding
// is wanted. Landing-zone templates often leave a private endpoint's zone group to an Azure Policy
// DeployIfNotExists assignment and say so beside the endpoint ("the DNS zone group for this is deployed
// via the DINE policy"); the template is then right as written (FACTS §15), and a missing-zone-group
// finding would contradict its author. Only the endpoint's own Bicep declaration and the lines just
// above it are read, so a note elsewhere in the file silences nothing.

/** Comments that name both the zone group and a policy that deploys it. */
const mentionsZoneGroup = /(dns\s*zone\s*groups?|privateDnsZoneGroups?|zone\s*groups?)/i;
const mentionsPolicy = /\b(DINE|DeployIfNotExists|deploy-if-not-exists|Azure Policy|policy|policies)\b/i;

/** A top-level Bicep statement starts at column 0 with one of these (or a decorator). */
const nextStatement = /\n(?:resource|module|output|var|param|type|func|import|metadata|targetScope|@)\b/g;

/** Lines above the declaration that may carry its comment (decorators and descriptions sit there too). */
const linesAbove = 4;

/**
 * Whether the author's comments on the Bicep declaration whose symbolic name starts at `anchor` say
 * that a policy deploys its DNS zone group.
 */
export function authorLeavesZoneGroupToPolicy(text: string, anchor: number): boolean {
  let start = text.lastIndexOf('\n', anchor);
  for (let line = 0; line < linesAbove && start > 0; line++) start = text.lastIndexOf('\n', start - 1);
  nextStatement.lastIndex = anchor;
  const end = nextStatement.exec(text)?.index ?? text.length;
  return commentsOf(text.slice(Math.max(0, start), end)).some(
    (comment) => mentionsZoneGroup.test(comment) && mentionsPolicy.test(comment),
  );
}

/** The `//` and `/* *\/` comments of a slice of Bicep (strings are skipped so '//' inside them is not one). */
function commentsOf(slice: string): string[] {
  const comments: string[] = [];
  let line: string[] = [];
  const flush = () => {
    if (line.length > 0) comments.push(line.join(' '));
    line = [];
  };
  for (const match of slice.matchAll(/'(?:\\.|[^'\\])*'|\/\/([^\n]*)|\/\*([\s\S]*?)\*\/|\n(?![ \t]*\/\/)/g)) {
    if (match[1] !== undefined) line.push(match[1]);
    else if (match[2] !== undefined) {
      flush();
      comments.push(match[2]);
    } else if (match[0].startsWith('\n')) flush();
  }
  flush();
  return comments;
}
