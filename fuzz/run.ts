/**
 * `npm run fuzz`: every fuzz target of `fuzz/cases.ts` on 100,000 random and adversarial inputs (by default)
 * against the BUILT package, then each metric once on the 1 MB adversarial texts. For use before a release;
 * the test suite runs the same targets on a small sample. Started by `fuzz/run.mjs`, which bundles this file.
 *
 *   npm run fuzz                      # 100,000 inputs per target, a fresh seed (printed)
 *   npm run fuzz -- --runs 5000       # fewer
 *   npm run fuzz -- --seed 42         # replay a run
 *   npm run fuzz -- --only chrF       # targets whose name contains "chrF"
 */
import { FUZZ_TARGETS, fuzzAll, LARGE_INPUTS, type Api, type FuzzReport } from './cases.js';

interface Args {
  runs: number;
  seed: number;
  only: string | undefined;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { runs: 100_000, seed: Date.now() % 2 ** 31, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = argv[i + 1];
    if (a === '--runs' || a === '--seed') {
      const n = Number(value);
      if (value === undefined || !Number.isSafeInteger(n) || (a === '--runs' && n < 1)) throw new Error(`fuzz: ${a} needs an integer${a === '--runs' ? ' >= 1' : ''}, got ${String(value)}`);
      if (a === '--runs') args.runs = n;
      else args.seed = n;
      i++;
    } else if (a === '--only') {
      if (value === undefined) throw new Error('fuzz: --only needs a part of a target name');
      args.only = value;
      i++;
    } else throw new Error(`fuzz: unknown argument ${String(a)} (known: --runs N, --seed N, --only NAME)`);
  }
  return args;
}

const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

/** Runs the fuzz targets on the package at `packageUrl`; returns the process exit code. */
export async function main(argv: readonly string[], packageUrl: string): Promise<number> {
  const args = parseArgs(argv);
  const api = (await import(packageUrl)) as Api;
  const targets = FUZZ_TARGETS.filter((t) => args.only === undefined || t.name.includes(args.only));
  if (targets.length === 0) throw new Error(`fuzz: no target name contains ${JSON.stringify(args.only)}`);
  console.log(`nlg-metrics ${api.VERSION} (${packageUrl})`);
  console.log(`fuzz: ${targets.length} targets × ${args.runs.toLocaleString('en-US')} inputs, seed ${args.seed} (replay: npm run fuzz -- --seed ${args.seed})\n`);
  const t0 = performance.now();
  const reports = fuzzAll(api, args.runs, args.seed, args.only, (r: FuzzReport) => {
    console.log(`${r.failure === undefined ? 'ok  ' : 'FAIL'} ${r.name.padEnd(52)} ${r.runs.toLocaleString('en-US').padStart(9)} inputs  ${fmt(r.ms).padStart(7)}`);
    if (r.failure !== undefined) console.log(`\n${r.failure}\n`);
  });
  let failed = reports.filter((r) => r.failure !== undefined).length;

  if (args.only === undefined) {
    console.log('\nlarge inputs (each of 5 adversarial texts of 1 MB against a short text, both ways):');
    for (const c of LARGE_INPUTS) {
      const t = performance.now();
      let error: unknown;
      let slowest = 0;
      try {
        slowest = c.check(api);
      } catch (e) {
        error = e;
      }
      const ms = performance.now() - t;
      console.log(`${error === undefined ? 'ok  ' : 'FAIL'} ${c.name.padEnd(52)} ${fmt(ms).padStart(9)} in all, slowest call ${fmt(slowest)}`);
      if (error !== undefined) {
        failed++;
        console.log(`\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      }
    }
  }
  const total = reports.reduce((s, r) => s + r.runs, 0);
  console.log(`\n${failed === 0 ? 'passed' : `${failed} FAILED`}: ${total.toLocaleString('en-US')} inputs in ${fmt(performance.now() - t0)} (seed ${args.seed})`);
  return failed === 0 ? 0 : 1;
}
