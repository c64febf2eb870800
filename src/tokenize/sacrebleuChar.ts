// PLACEHOLDER (being written): replaced by the real tokenizer before any release.
export function tokenizeChar(text: string): string {
  throw new Error('tokenizeChar: not implemented yet (' + text.length + ')');
}
