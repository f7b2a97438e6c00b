// Markdown for hovers. Invariant: text from the user's files (names, ids, prefixes, unknown values) only
// ever enters the markdown through `code`, so no name can add markup, links or HTML.

/** A code span holding `text` whatever it contains (backticks, line breaks, markup). */
export function code(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  if (flat === '') return '*(empty)*';
  let longest = 0;
  for (const run of flat.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Names as code spans, comma-separated, the first `limit` of them and a count of the rest. */
export function codeList(names: readonly string[], limit = 8): string {
  const shown = names.slice(0, limit).map(code).join(', ');
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}

/** A bullet line `- **Label:** text`. */
export function bullet(label: string, text: string): string {
  return `- **${label}:** ${text}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** ` · symbol \`x\`` when the declaration's symbolic name is not the name shown. */
export function symbolNote(entity: { decl: { symbol?: string }; path: string }, shown: string): string {
  const symbol = entity.decl.symbol?.replace(/^.*::/, '');
  return symbol && entity.path === '' && symbol !== shown ? ` · symbol ${code(symbol)}` : '';
}
