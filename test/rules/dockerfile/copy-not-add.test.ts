import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixWithRule } from './fix-loop.js';

const RULE = 'dockerfile/copy-not-add';
const BAD = 'dockerfile/copy-not-add/bad/Dockerfile';

describe(RULE, () => {
  it('reports ADD of local files at the keyword, ONBUILD included', async () => {
    const found = await findings(RULE, ['dockerfile/copy-not-add/bad']);
    expect(found.map(brief)).toEqual([`${BAD}:2:1-2:4 ${RULE}`, `${BAD}:3:1-3:4 ${RULE}`, `${BAD}:4:9-4:12 ${RULE}`]);
    expect(found[0]!.message).toBe('ADD of local "app.py" does nothing COPY would not; COPY says so plainly, while ADD also fetches URLs and unpacks archives');
  });

  it('offers an unsafe fix (ADD unpacks a local tar whatever its name) that replaces the keyword with COPY in the same case', async () => {
    expect((await findings(RULE, [BAD])).map((d) => d.fix?.safety)).toEqual(['unsafe', 'unsafe', 'unsafe']);
    expect((await fixWithRule(RULE, BAD)).remaining).toHaveLength(3);
    const { text, remaining } = await fixWithRule(RULE, BAD, { unsafe: true });
    expect(text).toBe(
      ['FROM alpine:3.20', 'COPY app.py /app/', 'copy --chown=1000:1000 config/ settings.toml /etc/app/', 'ONBUILD COPY . /src', ''].join('\n'),
    );
    expect(remaining).toEqual([]);
  });

  it('accepts archives, URLs, Git sources, --checksum and sources from variables', async () => {
    expect(await findings(RULE, ['dockerfile/copy-not-add/good'])).toEqual([]);
  });
});
