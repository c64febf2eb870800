// PLACEHOLDER (being written): replaced by the real tokenizer before any release.
export function tokenizeZh(text: string): string {
  throw new Error('tokenizeZh: not implemented yet (' + text.length + ')');
}
