// PLACEHOLDER (being written): replaced by the real tokenizer before any release.
export function unicodeTokens(text: string, stemmer: boolean): string[] {
  throw new Error('unicodeTokens: not implemented yet (' + text.length + String(stemmer) + ')');
}
