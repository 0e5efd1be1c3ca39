import { it } from 'vitest';
import { run } from '../../../src/engine/run.js';
import builtins from '../../../rules/index.js';
import { performance } from 'node:perf_hooks';
it('perf', async () => {
  const ids = builtins.rules.map((r) => r.meta.id).filter((id) => id.startsWith('compose/'));
  for (const id of (process.env.ONLY ?? '').split(',').filter(Boolean).length ? process.env.ONLY!.split(',') : ids) {
    const t = performance.now();
    const r = await run({ cwd: '/tmp/big', patterns: ['.'], noConfigLookup: true, cliRules: [...ids.filter((x) => x !== id && x !== 'compose/syntax').map((x) => `${x}: off`), `${id}: warning`] });
    const ms = performance.now() - t;
    console.log(id, Math.round(ms), r.diagnostics.length);
  }
}, 3_000_000);
