import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixWithRule } from './fix-loop.js';

const RULE = 'dockerfile/legacy-key-value';

describe(RULE, () => {
  it('reports ENV and LABEL in the legacy key value form', async () => {
    const found = await findings(RULE, ['dockerfile/legacy-key-value/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/legacy-key-value/bad/Dockerfile:2:5-2:13 dockerfile/legacy-key-value "ENV PG_MAJOR …" uses the legacy space-separated form; write ENV PG_MAJOR=…, which is unambiguous and allows several pairs',
      'dockerfile/legacy-key-value/bad/Dockerfile:3:5-3:11 dockerfile/legacy-key-value "ENV MY_VAR …" uses the legacy space-separated form; write ENV MY_VAR=…, which is unambiguous and allows several pairs',
      'dockerfile/legacy-key-value/bad/Dockerfile:4:7-4:18 dockerfile/legacy-key-value "LABEL description …" uses the legacy space-separated form; write LABEL description=…, which is unambiguous and allows several pairs',
      'dockerfile/legacy-key-value/bad/Dockerfile:5:5-5:9 dockerfile/legacy-key-value "ENV DEPS …" uses the legacy space-separated form; write ENV DEPS=…, which is unambiguous and allows several pairs',
    ]);
  });

  it('accepts key=value and ARG with several names', async () => {
    expect(await findings(RULE, ['dockerfile/legacy-key-value/good'])).toEqual([]);
  });

  it('rewrites to key=value, quoting values with spaces; multi-line values are left for a person', async () => {
    const { text, remaining } = await fixWithRule(RULE, 'dockerfile/legacy-key-value/bad/Dockerfile');
    expect(text.split('\n').slice(0, 5)).toEqual([
      'FROM alpine:3.20',
      'ENV PG_MAJOR=16',
      'ENV MY_VAR="some value"',
      'LABEL description="a quoted value"',
      'ENV DEPS \\',
    ]);
    expect(remaining.map(brief)).toEqual(['Dockerfile:5:5-5:9 dockerfile/legacy-key-value']);
  });
});
