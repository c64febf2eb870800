/**
 * Interns token strings to small integer ids, so every count downstream is keyed by numbers.
 * A token is data, never an object key: `__proto__` or `constructor` get ids like any other word.
 * @internal
 */
export class Vocabulary {
  private readonly index = new Map<string, number>();
  private readonly words: string[] = [];

  /** The id of `token`, assigned on first sight. */
  id(token: string): number {
    let id = this.index.get(token);
    if (id === undefined) {
      id = this.words.length;
      this.index.set(token, id);
      this.words.push(token);
    }
    return id;
  }

  /** The id of `token` if it was seen, else -1 (never assigns one). */
  find(token: string): number {
    const id = this.index.get(token);
    return id === undefined ? -1 : id;
  }

  /** The ids of `tokens`, in order. */
  ids(tokens: readonly string[]): Int32Array {
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) out[i] = this.id(tokens[i] as string);
    return out;
  }

  /** The token of an id given out by this vocabulary. */
  word(id: number): string {
    const w = this.words[id];
    if (w === undefined) throw new RangeError(`Vocabulary: unknown id ${id}`);
    return w;
  }

  get size(): number {
    return this.words.length;
  }
}
