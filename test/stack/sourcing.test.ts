import { describe, expect, it } from 'vitest';
import { sourceCandidates, staticSourcePath } from '../../src/stack/sourcing.js';
import { cli } from '../helpers/cli.js';
import { project } from '../config/helpers.js';

describe('a source argument, as ShellCheck reads it', () => {
  it('drops one leading dynamic part followed by /, and the quotes', () => {
    expect(staticSourcePath('./lib.sh')).toBe('./lib.sh');
    expect(staticSourcePath('"lib/common.sh"')).toBe('lib/common.sh');
    expect(staticSourcePath('"$DIR/lib.sh"')).toBe('lib.sh');
    expect(staticSourcePath('"$DIR"/lib.sh')).toBe('lib.sh');
    expect(staticSourcePath('"${BASH_SOURCE%/*}/../lib/x.sh"')).toBe('../lib/x.sh');
    expect(staticSourcePath('"$(dirname "$(realpath "$0")")/utils.sh"')).toBe('utils.sh');
    expect(staticSourcePath('/etc/profile')).toBe('/etc/profile');
  });

  it('is unknown when more than one part is dynamic', () => {
    expect(staticSourcePath('"$A/$B/lib.sh"')).toBeUndefined();
    expect(staticSourcePath('"$CONF"')).toBeUndefined();
    expect(staticSourcePath('~/.bashrc')).toBeUndefined();
  });

  it('is looked for in source-path folders (last written first, SCRIPTDIR the script’s folder), then where the run started, then beside the script', () => {
    expect(sourceCandidates('lib.sh', '/r/bin/run.sh', '/r', ['SCRIPTDIR/../lib', 'vendor'])).toEqual(['/r/vendor/lib.sh', '/r/lib/lib.sh', '/r/lib.sh', '/r/bin/lib.sh']);
    // an absolute path is rooted in each source-path folder
    expect(sourceCandidates('/etc/app.sh', '/r/bin/run.sh', '/r', ['SCRIPTDIR'])).toEqual(['/r/bin/etc/app.sh', '/etc/app.sh']);
    // a `# shellcheck source=SCRIPTDIR/…` directive is relative to the script
    expect(sourceCandidates('SCRIPTDIR/../test-common.sh', '/r/ci/basic/test.sh', '/r', ['vendor'])).toEqual(['/r/ci/test-common.sh']);
  });
});

describe('.shellcheckrc source-path= finds sourced files as ShellCheck does', () => {
  // Two scripts without a shebang named common.sh; run.sh sources the one source-path leads to.
  const files = {
    'bin/run.sh': '#!/bin/sh\nset -eu\n. "$ROOT/common.sh"\nhello\n',
    'lib/common.sh': 'mkdir -p /tmp/app\nhello() { echo hi; }\n',
    'tools/common.sh': 'rm -f /tmp/app/lock\n',
  };
  const noShebang = async (extra: Record<string, string>) => {
    const run = await cli(['--format', 'json', '.'], project({ ...files, ...extra }));
    const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { ruleId: string }[] }[] };
    return report.files.filter((f) => f.diagnostics.some((d) => d.ruleId === 'shell/shebang')).map((f) => f.path);
  };

  it('without it, an argument found nowhere is matched by file name: both libraries count as sourced', async () => {
    expect(await noShebang({})).toEqual([]);
  });

  it('with SCRIPTDIR/../lib, lib/common.sh is the sourced one, and tools/common.sh a program without a shebang', async () => {
    expect(await noShebang({ '.shellcheckrc': 'source-path=SCRIPTDIR/../lib\n' })).toEqual(['tools/common.sh']);
    // a folder relative to where the run starts
    expect(await noShebang({ '.shellcheckrc': 'source-path=tools\n' })).toEqual(['lib/common.sh']);
  });

  it('a # shellcheck source= directive names the file', async () => {
    const withDirective = { 'bin/run.sh': '#!/bin/sh\nset -eu\n# shellcheck source=tools/common.sh\n. "$(locate)"\nhello\n' };
    expect(await noShebang(withDirective)).toEqual(['lib/common.sh']);
  });
});
