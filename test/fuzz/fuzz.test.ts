import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../helpers/lint.js';
import { checkInput, loadCorpus, makeInput, type FuzzFailure } from './fuzz.js';
import { MUTATORS, Random } from './mutate.js';

const corpus = loadCorpus(path.join(SHARED, 'corpus'));

describe('the mutation fuzzer', () => {
  it('makes the same inputs from the same seed', () => {
    const a = makeInput(corpus, 3, 17);
    const b = makeInput(corpus, 3, 17);
    expect(b).toEqual(a);
    expect(makeInput(corpus, 4, 17).files).not.toEqual(a.files);
  });

  it('every mutator changes its input and keeps to bytes', () => {
    const r = new Random(1);
    const base = Buffer.from('#!/bin/sh\nset -eu\ncat <<EOF > /etc/app.conf\nkey: value\nEOF\necho "done: $1"\n');
    for (const m of MUTATORS) {
      const outs = Array.from({ length: 5 }, () => m.apply(base, r, () => base));
      expect(outs.some((o) => !o.equals(base)), m.name).toBe(true);
      for (const o of outs) expect(Buffer.isBuffer(o), m.name).toBe(true);
    }
  });

  // A fixed small budget in every test run; `npm run fuzz -- --count N --seed S` runs as long as asked.
  it('finds no crash, internal error or hang in 24 seeded inputs', async () => {
    const failures: FuzzFailure[] = [];
    for (let i = 0; i < 24; i++) failures.push(...(await checkInput(makeInput(corpus, 20261204, i), 10_000)));
    expect(failures).toEqual([]);
  }, 120_000);
});
