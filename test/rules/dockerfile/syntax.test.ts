import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/syntax';

describe(RULE, () => {
  it('reports unknown instructions, duplicate stage names and bad COPY --from references', async () => {
    const found = await findings(RULE, ['dockerfile/syntax/bad/Dockerfile']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/syntax/bad/Dockerfile:3:1-3:6 dockerfile/syntax unknown instruction "FROOM"',
      'dockerfile/syntax/bad/Dockerfile:4:21-4:26 dockerfile/syntax stage name "build" is already used by stage 0',
      'dockerfile/syntax/bad/Dockerfile:5:13-5:18 dockerfile/syntax --from=biuld names no stage of this Dockerfile, so "biuld" would be pulled as an image',
      'dockerfile/syntax/bad/Dockerfile:6:13-6:14 dockerfile/syntax --from=5 does not name an earlier stage (this is stage 1)',
      'dockerfile/syntax/bad/Dockerfile:7:13-7:18 dockerfile/syntax --from=later names a stage defined later in the file',
    ]);
  });

  it('reports instructions before FROM, reserved stage names, bad ONBUILD triggers, COPY of several files to a file, ports out of range', async () => {
    const found = await findings(RULE, ['dockerfile/syntax/bad/order.Dockerfile']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/syntax/bad/order.Dockerfile:1:1-1:6 dockerfile/syntax LABEL comes before the first FROM; only ARG may',
      'dockerfile/syntax/bad/order.Dockerfile:2:21-2:28 dockerfile/syntax "scratch" is a reserved word and cannot name a stage',
      'dockerfile/syntax/bad/order.Dockerfile:3:9-3:16 dockerfile/syntax ONBUILD is not allowed as an ONBUILD trigger',
      'dockerfile/syntax/bad/order.Dockerfile:4:9-4:13 dockerfile/syntax FROM is not allowed as an ONBUILD trigger',
      'dockerfile/syntax/bad/order.Dockerfile:5:18-5:23 dockerfile/syntax COPY with 2 sources needs a destination directory ending in "/"',
      'dockerfile/syntax/bad/order.Dockerfile:6:11-6:16 dockerfile/syntax port 70000 is outside the valid range 0-65535',
      'dockerfile/syntax/bad/order.Dockerfile:6:17-6:31 dockerfile/syntax port 8000-99999 is outside the valid range 0-65535',
    ]);
  });

  it('accepts ARG before FROM, stage names, indexes, image references, ONBUILD RUN, directory destinations and valid ports', async () => {
    expect(await findings(RULE, ['dockerfile/syntax/good'])).toEqual([]);
  });

  it('answers to the hadolint and BuildKit codes it stands in for', async () => {
    const found = await findings(RULE, ['dockerfile/syntax/bad/order.Dockerfile'], {
      cliRules: ['DL3061: off', 'DL3063: off'],
    });
    // a code switches the whole rule: the codes name this rule, not single checks
    expect(found).toEqual([]);
  });
});
