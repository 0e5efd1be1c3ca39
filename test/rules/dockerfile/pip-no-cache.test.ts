import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixWithRule } from './fix-loop.js';

const RULE = 'dockerfile/pip-no-cache';
const BAD = 'dockerfile/pip-no-cache/bad/Dockerfile';

describe(RULE, () => {
  it('reports pip, python3 -m pip and pip3 installs (ONBUILD too) without --no-cache-dir', async () => {
    const found = await findings(RULE, ['dockerfile/pip-no-cache/bad']);
    expect(found.map(brief)).toEqual([`${BAD}:2:9-2:16 ${RULE}`, `${BAD}:3:20-3:27 ${RULE}`, `${BAD}:6:18-6:25 ${RULE}`]);
    expect(found[2]!.message).toBe("pip3 install without --no-cache-dir leaves the downloaded packages in pip's cache, in the layer and in the image");
  });

  it('offers an unsafe fix (a flag changes what runs) that inserts --no-cache-dir after install, and the fixed file passes', async () => {
    expect((await findings(RULE, [BAD])).map((d) => d.fix?.safety)).toEqual(['unsafe', 'unsafe', 'unsafe']);
    expect((await fixWithRule(RULE, BAD)).remaining).toHaveLength(3);
    const { text, remaining } = await fixWithRule(RULE, BAD, { unsafe: true });
    expect(text).toBe(
      [
        'FROM python:3.12-slim',
        'RUN pip install --no-cache-dir flask',
        'RUN python3 -m pip install --no-cache-dir \\',
        '      --user \\',
        '      -r requirements.txt',
        'ONBUILD RUN pip3 install --no-cache-dir gunicorn',
        '',
      ].join('\n'),
    );
    expect(remaining).toEqual([]);
  });

  it('accepts --no-cache-dir anywhere, PIP_NO_CACHE_DIR (ENV, prefix, export) and cache mounts', async () => {
    expect(await findings(RULE, ['dockerfile/pip-no-cache/good'])).toEqual([]);
  });
});
