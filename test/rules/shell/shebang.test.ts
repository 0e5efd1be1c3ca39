import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'shell/shebang';
const SH = 'the script runs under #!/bin/sh (dash on Debian and Ubuntu); write POSIX sh or change the shebang to bash';

describe(RULE, () => {
  it('reports a .sh script that runs commands without a shebang, with a suggested #! line', async () => {
    const [d, ...rest] = await findings(RULE, ['shell/shebang/bad/no-shebang.sh']);
    expect(rest).toEqual([]);
    expect(`${brief(d!)} ${d!.message}`).toBe(
      'shell/shebang/bad/no-shebang.sh:1:1-1:40 shell/shebang no-shebang.sh has no shebang, so it runs under whatever shell starts it; begin it with "#!/bin/sh"',
    );
    expect(d!.fix).toBeUndefined();
    expect(d!.suggestions![0]!.edits).toEqual([{ start: 0, end: 0, text: '#!/bin/sh\n' }]);
  });

  it('reports a #! line that is not first, and options after /usr/bin/env', async () => {
    const found = await findings(RULE, ['shell/shebang/bad/late-shebang.sh', 'shell/shebang/bad/env-options.sh']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'shell/shebang/bad/env-options.sh:1:1-1:23 shell/shebang "bash -e" reaches env as one argument on Linux, so the script does not start; use "#!/usr/bin/env -S bash -e" or set the options inside the script',
      'shell/shebang/bad/late-shebang.sh:2:1-2:10 shell/shebang the #! line is not the first line of the file, so the kernel ignores it; move it to the very start',
    ]);
  });

  it('reports every bash-only construct under #!/bin/sh at its place', async () => {
    const found = await findings(RULE, ['shell/shebang/bad/bashisms.sh']);
    expect(found.map((d) => `${brief(d)} ${d.message.replace(SH, '…')}`)).toEqual([
      'shell/shebang/bad/bashisms.sh:4:1-4:22 shell/shebang arrays: bash-only syntax, but …',
      'shell/shebang/bad/bashisms.sh:5:4-5:30 shell/shebang `[[ ]]`: bash-only syntax, but …',
      'shell/shebang/bad/bashisms.sh:6:19-6:33 shell/shebang arrays: bash-only syntax, but …',
      'shell/shebang/bad/bashisms.sh:8:1-8:9 shell/shebang the `function` keyword (POSIX sh has `name() { …; }`): bash-only syntax, but …',
      'shell/shebang/bad/bashisms.sh:9:1-9:7 shell/shebang `source` (POSIX sh has `.`): bash-only syntax, but …',
      'shell/shebang/bad/bashisms.sh:10:8-10:10 shell/shebang `==` in `[ ]` (POSIX sh has `=`): bash-only syntax, but …',
      'shell/shebang/bad/bashisms.sh:11:7-11:25 shell/shebang pattern substitution `${var//a/b}`: bash-only syntax, but …',
      'shell/shebang/bad/bashisms.sh:12:6-12:19 shell/shebang process substitution `<(…)`: bash-only syntax, but …',
      'shell/shebang/bad/bashisms.sh:12:20-12:33 shell/shebang process substitution `<(…)`: bash-only syntax, but …',
      'shell/shebang/bad/bashisms.sh:12:34-12:46 shell/shebang `&>` redirection (POSIX sh has `>file 2>&1`): bash-only syntax, but …',
      'shell/shebang/bad/bashisms.sh:13:15-13:26 shell/shebang here-strings `<<<`: bash-only syntax, but …',
      'shell/shebang/bad/bashisms.sh:14:10-14:30 shell/shebang brace expansion `{a,b}`: bash-only syntax, but …',
    ]);
  });

  it('reports bash-only syntax inside a multi-line RUN under the default /bin/sh, at its line and column', async () => {
    const found = await findings(RULE, ['shell/shebang/bad/Dockerfile']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'shell/shebang/bad/Dockerfile:3:8-3:39 shell/shebang `[[ ]]`: bash-only syntax, but RUN runs it with /bin/sh -c (dash on Debian and Ubuntu images); write POSIX sh or set SHELL ["/bin/bash", "-c"]',
      'shell/shebang/bad/Dockerfile:6:5-6:11 shell/shebang `source` (POSIX sh has `.`): bash-only syntax, but RUN runs it with /bin/sh -c (dash on Debian and Ubuntu images); write POSIX sh or set SHELL ["/bin/bash", "-c"]',
    ]);
  });

  it('accepts libraries, sourced files, directives, POSIX code, bash scripts, alpine and SHELL bash RUNs', async () => {
    expect(await findings(RULE, ['shell/shebang/good'])).toEqual([]);
  });
});
