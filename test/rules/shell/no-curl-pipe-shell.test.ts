import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'shell/no-curl-pipe-shell';
const TAIL = 'runs whatever the server sends, unverified; download to a file, check its checksum or signature, then run it';

describe(RULE, () => {
  it('reports downloads piped or substituted into a shell or interpreter', async () => {
    const found = await findings(RULE, ['shell/no-curl-pipe-shell/bad/install.sh']);
    expect(found.map((d) => `${brief(d)} ${d.message.replace(TAIL, '…')}`)).toEqual([
      'shell/no-curl-pipe-shell/bad/install.sh:3:37-3:39 shell/no-curl-pipe-shell piping curl into sh …',
      'shell/no-curl-pipe-shell/bad/install.sh:4:51-4:65 shell/no-curl-pipe-shell piping wget into bash …',
      'shell/no-curl-pipe-shell/bad/install.sh:5:34-5:45 shell/no-curl-pipe-shell piping curl into sh …',
      'shell/no-curl-pipe-shell/bad/install.sh:6:1-6:50 shell/no-curl-pipe-shell feeding the output of curl into bash …',
      'shell/no-curl-pipe-shell/bad/install.sh:7:1-7:96 shell/no-curl-pipe-shell feeding the output of curl into sh …',
      'shell/no-curl-pipe-shell/bad/install.sh:8:43-8:52 shell/no-curl-pipe-shell piping curl into python3 …',
    ]);
    expect(found.every((d) => d.severity === 'error' && !d.fix)).toBe(true);
  });

  it('reports the shell on the continuation line of a multi-line RUN', async () => {
    const found = await findings(RULE, ['shell/no-curl-pipe-shell/bad/Dockerfile']);
    expect(found.map(brief)).toEqual(['shell/no-curl-pipe-shell/bad/Dockerfile:5:7-5:13 shell/no-curl-pipe-shell']);
  });

  it('accepts verified downloads, data pipes and shells that read a file or -c script', async () => {
    expect(await findings(RULE, ['shell/no-curl-pipe-shell/good'])).toEqual([]);
  });
});
