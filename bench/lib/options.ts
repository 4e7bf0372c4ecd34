// Command-line options of bench/run.ts.

export interface Options {
  json: boolean;
  quick: boolean;
  only?: Set<number>;
}

export function parseOptions(argv: string[]): Options {
  const o: Options = { json: false, quick: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') o.json = true;
    else if (a === '--quick') o.quick = true;
    else if (a === '--only' || a.startsWith('--only=')) {
      const v = a === '--only' ? argv[++i] : a.slice('--only='.length);
      const nums = (v ?? '').split(',').map(Number);
      if (nums.some((n) => !Number.isInteger(n) || n < 1 || n > 6)) throw new Error(`--only takes scenario numbers 1-6, got ${v}`);
      o.only = new Set(nums);
    } else throw new Error(`unknown option ${a} (use --json, --only 1,2, --quick)`);
  }
  return o;
}
