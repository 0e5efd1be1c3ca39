import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixWithRule } from './fix-loop.js';

const RULE = 'dockerfile/pipefail';
const ON = ['dockerfile/pipefail: warning'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['dockerfile/pipefail/bad'])).toEqual([]);
  });

  it('reports the first unprotected pipeline of a RUN with advice for its shell', async () => {
    const found = await findings(RULE, ['dockerfile/pipefail/bad'], { cliRules: ON });
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `dockerfile/pipefail/bad/alpine/Dockerfile:2:5-2:53 ${RULE} the pipeline's status is that of its last command, so a failure of "wget" goes unnoticed; add "set -o pipefail" before it (or SHELL ["/bin/ash", "-o", "pipefail", "-c"])`,
      `dockerfile/pipefail/bad/alpine/Dockerfile:6:1-6:38 ${RULE} the pipeline's status is that of its last command, so a failure of "curl" goes unnoticed; add "set -o pipefail" at the top of the heredoc script`,
      `dockerfile/pipefail/bad/debian/Dockerfile:3:5-4:22 ${RULE} the pipeline's status is that of its last command, so a failure of "curl" goes unnoticed; /bin/sh (dash on Debian and Ubuntu) has no pipefail option, so put SHELL ["/bin/bash", "-o", "pipefail", "-c"] before this RUN`,
      `dockerfile/pipefail/bad/sh-heredoc/Dockerfile:4:1-4:35 ${RULE} the pipeline's status is that of its last command, so a failure of "dpkg" goes unnoticed; /bin/sh (dash on Debian and Ubuntu) has no pipefail option, so run the heredoc with #!/bin/bash and "set -o pipefail"`,
    ]);
    expect(found.map((d) => d.fix?.safety)).toEqual(['unsafe', 'unsafe', 'unsafe', undefined]);
  });

  it('on Debian, inserts a SHELL with pipefail above the RUN', async () => {
    const { text, remaining } = await fixWithRule(RULE, 'dockerfile/pipefail/bad/debian/Dockerfile', { unsafe: true });
    expect(text.split('\n').slice(1, 4)).toEqual([
      'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*',
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      'RUN curl -fsSL https://example.com/install.tar.gz \\',
    ]);
    expect(remaining).toEqual([]);
  });

  it('on Alpine and in a bash heredoc, sets pipefail in the script', async () => {
    const { text, remaining } = await fixWithRule(RULE, 'dockerfile/pipefail/bad/alpine/Dockerfile', { unsafe: true });
    expect(text).toBe(
      [
        'FROM alpine:3.20',
        'RUN set -o pipefail; wget -qO- https://example.com/x.tar.gz | tar -xz',
        'RUN <<EOF',
        '#!/bin/bash',
        'set -o pipefail',
        'set -e',
        'curl -fsSL https://example.com/a | sh',
        'EOF',
        '',
      ].join('\n'),
    );
    expect(remaining).toEqual([]);
  });

  it('accepts SHELL with pipefail (also inherited), set -o pipefail, harmless producers, checking consumers and non-POSIX shells', async () => {
    expect(await findings(RULE, ['dockerfile/pipefail/good'], { cliRules: ON })).toEqual([]);
  });
});
