import { describe, it } from 'vitest';
import rule from '../../../rules/shell/unused-variable.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/unused-variable', () => {
  it('reports variables assigned and never read, at their last assignment', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'build.sh',
          code: '#!/bin/bash\nset -eu\nversion=1.2.3\nimage="app:latest"\nbuild() {\n  local tag=dev\n  docker build -t "$image" .\n}\nbuild\n',
          errors: [
            { line: 3, column: 1, endLine: 3, endColumn: 8, message: 'version is assigned but never read; remove it, or export it if a program the script starts needs it' },
            { line: 6, column: 9, endLine: 6, endColumn: 12, message: 'tag is assigned but never read; remove it, or export it if a program the script starts needs it' },
          ],
        },
      ],
    });
  });

  it('accepts reads in expansions, arithmetic and indexes, exports, appends, shell variables, command prefixes, and scripts that source or are sourced', async () => {
    await tester.run({
      valid: [
        {
          filename: 'build.sh',
          code: [
            '#!/bin/bash',
            'set -eu',
            'image="app:${1:-latest}"',
            'export REGISTRY=registry.example.com',
            'count=0',
            '(( count++ ))',
            'idx=1',
            'list=(a b c)',
            'echo "${list[idx]}" "$count"',
            'docker build -t "$REGISTRY/$image" .',
            'args=()',
            'args+=(--pull)',
            'IFS=,',
            'DEBIAN_FRONTEND=noninteractive apt-get update',
            '',
          ].join('\n'),
        },
        { filename: 'settings.sh', code: 'RETRIES=3\nTIMEOUT=10\n' },
        { filename: 'sources.sh', code: '#!/bin/sh\n# settings for the scripts that source this one\nname=app\n. ./lib.sh\n' },
      ],
    });
  });

  it('reports in a multi-line RUN, and stays quiet where names are computed', async () => {
    await tester.run({
      valid: [
        { filename: 'Dockerfile', code: 'FROM alpine\nRUN v=1.2; \\\n    wget "https://example.com/app-$v.tgz"\n' },
        { filename: 'run.sh', code: '#!/bin/bash\nx=1\neval "echo \\$x"\n' },
        { filename: 'run.sh', code: '#!/bin/bash\nset -a\nPORT=80\nexec ./server\n' },
        { filename: 'run.sh', code: '#!/bin/bash\nCONF_A=1\nfor v in "${!CONF_@}"; do echo "$v"; done\n' },
        { filename: 'run.sh', code: '#!/bin/sh\nNAME=x\nFILE=$NAME.$VER.tgz\necho "$FILE"\n' },
      ],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nRUN set -e; \\\n    version=1.2; \\\n    apk add curl\n',
          errors: [{ line: 3, column: 5, endLine: 3, endColumn: 12, message: 'version is assigned but never read; remove it, or export it if a program the script starts needs it' }],
        },
        { filename: 'run.sh', code: '#!/bin/sh\na=1\na=2\n', errors: [{ line: 3, column: 1 }] },
      ],
    });
  });

  it('reads through eval of data, and stays quiet about an eval that builds a name', async () => {
    await tester.run({
      valid: [
        { filename: 'run.sh', code: '#!/bin/sh\nv=1\nname=v\neval "value=\\$$name"\necho "$value"\n' },
        { filename: 'run.sh', code: '#!/bin/bash\nv=1\nname=v\neval "value=\\${$name}"\necho "$value"\n' },
        { filename: 'run.sh', code: "#!/bin/bash\nv=1\nname=v\neval 'value=$'\"$name\"\necho \"$value\"\n" },
      ],
      invalid: [
        {
          filename: 'apply-templates.sh',
          code: '#!/usr/bin/env bash\nversions="$(jq -r keys versions.json)"\neval "set -- $versions"\nfor version; do\n  major="$(jq -r .major versions.json)"\n  echo "$version"\ndone\n',
          errors: [{ line: 5, column: 3, endLine: 5, endColumn: 8, message: 'major is assigned but never read; remove it, or export it if a program the script starts needs it' }],
        },
      ],
    });
  });

  it('counts what the scripts of the run it sources, and those that source it, read', async () => {
    await tester.run({
      valid: [
        // lib.sh reads name
        { filename: 'main.sh', code: '#!/bin/sh\nname=app\n. ./lib.sh\n', files: { 'lib.sh': 'echo "deploying $name"\n' } },
        // main.sh, which sources this one, reads RETRIES
        { filename: 'settings.sh', code: '#!/bin/sh\nRETRIES=3\n', files: { 'main.sh': '#!/bin/sh\n. "$(dirname "$0")/settings.sh"\necho "$RETRIES"\n' } },
        // a sourced file the run does not hold may read anything
        { filename: 'main.sh', code: '#!/bin/sh\nname=app\n. /etc/app/hooks.sh\n' },
        { filename: 'main.sh', code: '#!/bin/bash\npsql=(docker_process_sql)\nfor f in /docker-entrypoint-initdb.d/*; do . "$f"; done\n' },
        { filename: 'Dockerfile', code: 'FROM debian\nRUN codename=x; . /etc/os-release; echo "$VERSION_CODENAME"\n' },
      ],
      invalid: [
        {
          filename: 'main.sh',
          code: '#!/bin/sh\nname=app\nport=80\n. ./lib.sh\n',
          files: { 'lib.sh': 'echo "deploying $name"\n' },
          errors: [{ line: 3, column: 1, message: /^port is assigned but never read/ }],
        },
        {
          filename: 'settings.sh',
          code: '#!/bin/sh\nRETRIES=3\nTIMEOUT=10\n',
          files: { 'main.sh': '#!/bin/sh\n. ./settings.sh\necho "$RETRIES"\n' },
          errors: [{ line: 3, column: 1, message: /^TIMEOUT is assigned but never read/ }],
        },
      ],
    });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN apk add --no-cache curl && \\\n    unused=1 && \\\n    echo ok\n',
          errors: [{ line: 3, column: 5, endLine: 3, endColumn: 11 }],
        },
      ],
    });
  });
});
