// PLACEHOLDER (being written): replaced by the real tokenizer before any release.
export function tokenizeIntl(text: string): string {
  throw new Error('tokenizeIntl: not implemented yet (' + text.length + ')');
}
