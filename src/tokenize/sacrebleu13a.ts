// PLACEHOLDER (being written): replaced by the real tokenizer before any release.
export function tokenize13a(text: string): string {
  throw new Error('tokenize13a: not implemented yet (' + text.length + ')');
}
