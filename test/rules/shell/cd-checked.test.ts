import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixAll, lintText } from './relint.js';

const RULE = 'shell/cd-checked';
const FILE = 'shell/cd-checked/bad/build.sh';

describe(RULE, () => {
  it('reports an unchecked cd in a script without set -e', async () => {
    const found = await findings(RULE, [FILE]);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${FILE}:3:1-3:3 ${RULE} if "cd" fails, the script carries on in the wrong directory; add "|| exit"`,
      `${FILE}:5:2-5:4 ${RULE} if "cd" fails, the script carries on in the wrong directory; add "|| exit"`,
      `${FILE}:7:3-7:5 ${RULE} if "cd" fails, the script carries on in the wrong directory; add "|| return"`,
      `${FILE}:10:1-10:3 ${RULE} if "cd" fails, the script carries on in the wrong directory; add "|| exit"`,
    ]);
    expect(found.every((d) => d.fix?.safety === 'unsafe')).toBe(true);
  });

  it('appends || exit (|| return in a function) after the redirects, and the result is clean', async () => {
    const { text } = await fixAll(RULE, FILE);
    expect(text.split('\n').slice(2, 10)).toEqual([
      'cd /srv/app || exit',
      'git pull --ff-only',
      '(cd frontend || exit; npm ci)',
      'deploy() {',
      '  cd "$1" || return',
      '  ./deploy.sh',
      '}',
      'cd build 2>/dev/null || exit; make',
    ]);
    expect((await lintText(FILE, text)).filter((d) => d.ruleId === RULE)).toEqual([]);
  });

  it('accepts checked cds, cd in conditions and && chains, and scripts under set -e', async () => {
    expect(await findings(RULE, ['shell/cd-checked/good'])).toEqual([]);
  });
});
