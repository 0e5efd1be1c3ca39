import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixWithRule } from './fix-loop.js';

const RULE = 'dockerfile/apk-no-cache';
const ON = ['dockerfile/apk-no-cache: warning'];
const BAD = 'dockerfile/apk-no-cache/bad/Dockerfile';

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['dockerfile/apk-no-cache/bad'])).toEqual([]);
  });

  it('reports apk add without --no-cache at its subcommand, in multi-line RUNs, ONBUILD and sh -c', async () => {
    const found = await findings(RULE, ['dockerfile/apk-no-cache/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual([
      `${BAD}:2:9-2:12 ${RULE}`,
      `${BAD}:4:12-4:15 ${RULE}`,
      `${BAD}:7:17-7:20 ${RULE}`,
      `${BAD}:8:16-8:19 ${RULE}`,
    ]);
    expect(found[0]!.message).toBe('apk add without --no-cache keeps the package index in /var/cache/apk, in the layer and in the image');
  });

  it('offers an unsafe fix (a flag changes what runs) that inserts --no-cache after add, and the fixed file passes', async () => {
    expect((await findings(RULE, [BAD], { cliRules: ON })).map((d) => d.fix?.safety)).toEqual(['unsafe', 'unsafe', 'unsafe', 'unsafe']);
    expect((await fixWithRule(RULE, BAD)).remaining).toHaveLength(4);
    const { text, remaining } = await fixWithRule(RULE, BAD, { unsafe: true });
    expect(text).toBe(
      [
        'FROM alpine:3.20',
        'RUN apk add --no-cache curl',
        'RUN apk update \\',
        '    && apk add --no-cache --virtual .build-deps \\',
        '        gcc \\',
        '    && apk del .build-deps',
        'ONBUILD RUN apk add --no-cache git',
        "RUN sh -c 'apk add --no-cache jq'",
        '',
      ].join('\n'),
    );
    expect(remaining).toEqual([]);
  });

  it('accepts --no-cache, a cache mount and removing /var/cache/apk afterwards', async () => {
    expect(await findings(RULE, ['dockerfile/apk-no-cache/good'], { cliRules: ON })).toEqual([]);
  });
});
