// Output that cannot lie: text that came from a user's files (names, paths, messages quoting them)
// may hold terminal controls (ESC, BEL, CR, LF, the C1 set) or bidirectional overrides that
// reorder what a reader sees. Invariant: every CLI output escapes them, readably and losslessly.

// C0 controls, DEL, C1 controls, and the bidi marks, embeddings, overrides and isolates (Unicode
// UAX #9): all can make printed text differ from what is there.
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same minus C0, which JSON.stringify escapes in strings and uses raw only as layout. */
const unsafeInJson = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function hex(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** For text output: each unsafe character as a visible escape (`\x1b`, `\n`, `\u202e`). */
export function escapeControls(text: string, options: { keepTabs?: boolean } = {}): string {
  return text.replace(unsafe, (char) => (options.keepTabs && char === '\t' ? char : (named[char] ?? hex(char))));
}

/**
 * For JSON text (JSON, SARIF, baselines): JSON.stringify escapes C0 but leaves DEL, C1 and bidi
 * characters raw; `\uXXXX` escapes keep the parsed value identical.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(unsafeInJson, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
