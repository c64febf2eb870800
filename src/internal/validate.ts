/**
 * Argument checks shared by every public function: plain `if/throw`, messages that name the function,
 * the argument and what was expected. The core never loads zod; zod lives at the CLI and file boundaries.
 * @internal
 */

/** A short, safe description of a received value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'string') return value.length > 40 ? `a string of length ${value.length}` : JSON.stringify(value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'object') {
    const tag = Object.prototype.toString.call(value).slice(8, -1); // 'Map', 'Date', ... (any realm)
    return tag === 'Object' ? 'an object' : `a ${tag}`;
  }
  return `a ${typeof value}`;
}

export function typeError(fn: string, arg: string, expected: string, got: unknown): TypeError {
  return new TypeError(`${fn}: ${arg} must be ${expected}, got ${describe(got)}`);
}

export function rangeError(fn: string, arg: string, expected: string, got: unknown): RangeError {
  return new RangeError(`${fn}: ${arg} must be ${expected}, got ${describe(got)}`);
}

export function checkString(fn: string, arg: string, value: unknown): string {
  if (typeof value !== 'string') throw typeError(fn, arg, 'a string', value);
  return value;
}

/**
 * Accepts one string or a non-empty array of strings (one segment's references) and returns an array.
 * `allowEmpty` permits `[]` (callers that define "no reference" themselves).
 */
export function checkReferences(fn: string, arg: string, value: unknown, allowEmpty = false): readonly string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) throw typeError(fn, arg, 'a string or an array of strings', value);
  if (value.length === 0 && !allowEmpty) throw rangeError(fn, arg, 'a non-empty list of references', value);
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== 'string') throw typeError(fn, `${arg}[${i}]`, 'a string', value[i]);
  }
  return value as readonly string[];
}

/** Checks a corpus: an array of hypothesis strings and an equally long array of per-segment references. */
export function checkCorpus(
  fn: string,
  hypotheses: unknown,
  references: unknown,
  allowEmptyReferenceList = false,
): { hypotheses: readonly string[]; references: readonly (readonly string[])[] } {
  if (!Array.isArray(hypotheses)) throw typeError(fn, 'hypotheses', 'an array of strings', hypotheses);
  if (!Array.isArray(references)) throw typeError(fn, 'references', 'an array (one entry per hypothesis)', references);
  if (references.length !== hypotheses.length) {
    throw new RangeError(
      `${fn}: hypotheses and references must have the same length, got ${hypotheses.length} hypotheses and ${references.length} references`,
    );
  }
  const refs: (readonly string[])[] = new Array(references.length);
  for (let i = 0; i < hypotheses.length; i++) {
    if (typeof hypotheses[i] !== 'string') throw typeError(fn, `hypotheses[${i}]`, 'a string', hypotheses[i]);
    refs[i] = checkReferences(fn, `references[${i}]`, references[i], allowEmptyReferenceList);
  }
  return { hypotheses: hypotheses as readonly string[], references: refs };
}

/** Rejects a non-object options argument and option names outside `allowed`. Returns the options or `{}`. */
/**
 * True for an object literal (or `Object.create(null)`), from any realm; false for arrays, Maps, Dates and
 * other built-ins, whose options would otherwise be read as none.
 */
export function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Object]';
}

export function checkOptions<T extends object>(fn: string, options: unknown, allowed: readonly string[]): Partial<T> {
  if (options === undefined || options === null) return {};
  if (!isPlainObject(options)) throw typeError(fn, 'options', 'an object', options);
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new TypeError(`${fn}: unknown option ${JSON.stringify(key)} (known options: ${allowed.join(', ')})`);
    }
  }
  return options as Partial<T>;
}

export function checkBoolean(fn: string, arg: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw typeError(fn, arg, 'a boolean', value);
  return value;
}

export function checkInteger(fn: string, arg: string, value: unknown, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw typeError(fn, arg, 'an integer', value);
  if (value < min || value > max) throw rangeError(fn, arg, max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `between ${min} and ${max}`, value);
  return value;
}

export function checkNumber(fn: string, arg: string, value: unknown, fallback: number, min = -Infinity, minInclusive = true): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw typeError(fn, arg, 'a finite number', value);
  if (minInclusive ? value < min : value <= min) throw rangeError(fn, arg, `${minInclusive ? '>=' : '>'} ${min}`, value);
  return value;
}

export function checkEnum<T extends string>(fn: string, arg: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw rangeError(fn, arg, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, value);
  }
  return value as T;
}
