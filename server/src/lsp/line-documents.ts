// Texts as TextDocuments for turning offsets into positions, kept from one publication to the next:
// a TextDocument computes its line offsets on first use, so one made afresh for every file with
// findings (and every file a related location points into) on every keystroke rescanned each whole
// text each time (issue 16: in a corpus-sized workspace that was most of the main thread's work).
// Invariant: a document answers for exactly the text it was made from (the text is its key).
import { TextDocument } from 'vscode-languageserver-textdocument';

export class LineDocuments {
  private kept = new Map<string, TextDocument>();
  private used = new Map<string, TextDocument>();

  /** A document of `text` at `uri`: the one kept while the text is the same, else a new one. */
  of(uri: string, text: string): TextDocument {
    const used = this.used.get(uri);
    if (used?.getText() === text) return used;
    const kept = this.kept.get(uri);
    const document = kept?.getText() === text ? kept : TextDocument.create(uri, 'plaintext', 0, text);
    this.used.set(uri, document);
    return document;
  }

  /** Ends a publication: documents it did not ask for are let go (the texts of files no longer involved). */
  endRound(): void {
    this.kept = this.used;
    this.used = new Map();
  }
}
