import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/wget-progress';
const ON = ['dockerfile/wget-progress: info'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['dockerfile/wget-progress/bad'])).toEqual([]);
  });

  it('reports wget without a progress or quiet option', async () => {
    const found = await findings(RULE, ['dockerfile/wget-progress/bad'], { cliRules: ON });
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/wget-progress/bad/Dockerfile:2:5-2:9 dockerfile/wget-progress wget without --progress=dot:giga (or -q / -nv) prints a line per few kilobytes and can bloat the build log to megabytes',
      'dockerfile/wget-progress/bad/Dockerfile:3:13-3:17 dockerfile/wget-progress wget without --progress=dot:giga (or -q / -nv) prints a line per few kilobytes and can bloat the build log to megabytes',
    ]);
  });

  it('accepts --progress, -q, -nv, -o and BusyBox-based stages', async () => {
    expect(await findings(RULE, ['dockerfile/wget-progress/good'], { cliRules: ON })).toEqual([]);
  });
});
