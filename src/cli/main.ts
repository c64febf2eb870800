// The nlg-metrics command-line program (being written: see the CLI issue). For now it prints usage.
const USAGE = `usage: nlg-metrics score --hyp FILE --ref FILE [--ref FILE ...] [--metrics ...] [--format table|json|markdown]
       nlg-metrics pairs --in FILE.jsonl [--out FILE.jsonl] [--strategy all|best-vs-rest|best-vs-worst|adjacent]
       nlg-metrics merge FILE.json [FILE.json ...]`;
process.stdout.write(USAGE + '\n');
