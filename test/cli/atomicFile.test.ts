// AtomicFile (src/node/atomicFile.ts): output goes to a temporary file beside the target and is renamed
// over it only when complete; an abort leaves the target exactly as it was and no temporary file behind.
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { AtomicFile, writeFileAtomic } from '../../src/node/atomicFile.js';
import { InputError } from '../../src/node/lineReader.js';
import { tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
const only = (dir: string): string[] => readdirSync(dir).sort();

describe('AtomicFile', () => {
  it('commit writes exactly what was written, in order, whatever the chunk sizes (flushes in 64 KiB blocks)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 50 }), fc.constant('x'.repeat(70_000))), { maxLength: 8 }), async (chunks) => {
        const target = join(tmp.dir, `out-${++n}.txt`);
        const f = await AtomicFile.create(target);
        for (const c of chunks) await f.write(c);
        expect(readdirSync(tmp.dir)).not.toContain(`out-${n}.txt`); // nothing at the target before commit
        await f.commit();
        expect(readFileSync(target, 'utf8')).toBe(chunks.join(''));
        expect(only(tmp.dir).filter((x) => x.endsWith('.tmp'))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('abort leaves an existing target untouched and removes the temporary file', async () => {
    const target = join(tmp.dir, 'keep.txt');
    writeFileSync(target, 'original\n');
    const f = await AtomicFile.create(target);
    await f.write('y'.repeat(200_000)); // some of it already flushed to the temporary file
    expect(only(tmp.dir).filter((x) => x.endsWith('.tmp'))).toHaveLength(1);
    await f.abort();
    await f.abort(); // twice is fine
    expect(readFileSync(target, 'utf8')).toBe('original\n');
    expect(only(tmp.dir).filter((x) => x.endsWith('.tmp'))).toEqual([]);
    await expect(f.write('z')).rejects.toThrow(/already aborted/);
  });

  it('replacing a file keeps its permissions', async () => {
    const target = join(tmp.dir, 'mode.txt');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    await writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(statSync(target).mode & 0o777).toBe(0o640);
  });

  it('refuses a directory as the target and a missing directory, before writing anything', async () => {
    await expect(AtomicFile.create(tmp.dir)).rejects.toThrow(new InputError(`cannot write ${tmp.dir}: is a directory`));
    const missing = join(tmp.dir, 'nope', 'x.txt');
    await expect(AtomicFile.create(missing)).rejects.toThrow(new InputError(`cannot write ${missing}: no such file or directory`));
  });
});
