import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixAll, lintText } from './relint.js';
import { RuleTester } from '../../../src/testing.js';
import quoteExpansions from '../../../rules/shell/quote-expansions.js';

const RULE = 'shell/quote-expansions';
const ON = ['shell/quote-expansions: warning'];
const SPLIT = 'is split into words and glob-expanded; double-quote it to pass the value as one argument';

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['shell/quote-expansions/bad/release.sh'])).toEqual([]);
  });

  it('reports unquoted expansions in arguments, redirects and [ ] tests', async () => {
    const found = await findings(RULE, ['shell/quote-expansions/bad/release.sh'], { cliRules: ON });
    expect(found.map((d) => `${brief(d)} ${d.message.replace(SPLIT, '…')}`)).toEqual([
      'shell/quote-expansions/bad/release.sh:4:4-4:11 shell/quote-expansions unquoted $target …',
      'shell/quote-expansions/bad/release.sh:5:23-5:32 shell/quote-expansions unquoted $DEST_DIR …',
      'shell/quote-expansions/bad/release.sh:6:28-6:33 shell/quote-expansions unquoted $host …',
      'shell/quote-expansions/bad/release.sh:7:32-7:41 shell/quote-expansions unquoted $LOG_FILE …',
      'shell/quote-expansions/bad/release.sh:8:20-8:24 shell/quote-expansions unquoted $PWD …',
      'shell/quote-expansions/bad/release.sh:9:6-9:10 shell/quote-expansions unquoted $TAG …',
      'shell/quote-expansions/bad/release.sh:10:7-10:17 shell/quote-expansions unquoted ${TMP_DIR} …',
      'shell/quote-expansions/bad/release.sh:11:17-11:19 shell/quote-expansions unquoted $@ splits every element again and glob-expands it; quote it ("$@") to pass the elements as they are',
    ]);
    expect(found.every((d) => d.fix?.safety === 'unsafe')).toBe(true);
  });

  it('quotes the whole word when that keeps its meaning, else only the expansion; the result is clean', async () => {
    const { text } = await fixAll(RULE, 'shell/quote-expansions/bad/release.sh', ON);
    expect(text.split('\n').slice(3, 11)).toEqual([
      'cp "$target" /srv/releases/',
      'tar -xzf "$target" -C "$DEST_DIR/current"',
      'for host in $HOSTS; do ssh "$host" "systemctl restart app"; done',
      'echo "released $(date +%F)" >> "$LOG_FILE"',
      'docker run --rm -v "$PWD:/src" alpine ls /src',
      '[ -n "$TAG" ] && echo "tag $TAG"',
      'rm -f "${TMP_DIR}"/*.lock',
      'exec app-server "$@"',
    ]);
    const again = await lintText('shell/quote-expansions/bad/release.sh', text, ON);
    expect(again.filter((d) => d.ruleId === RULE)).toEqual([]);
  });

  it('runs on RUN bodies: an ARG without default is reported at its line and column, a plain ENV is not', async () => {
    const found = await findings(RULE, ['shell/quote-expansions/bad/Dockerfile'], { cliRules: ON });
    expect(found.map(brief)).toEqual(['shell/quote-expansions/bad/Dockerfile:8:10-8:18 shell/quote-expansions']);
    const { text } = await fixAll(RULE, 'shell/quote-expansions/bad/Dockerfile', ON);
    expect(text.split('\n')[7]).toBe('    echo "$VERSION" > $APP_HOME/VERSION');
  });

  it('leaves alone what cannot split or splits on purpose', async () => {
    expect(await findings(RULE, ['shell/quote-expansions/good'], { cliRules: ON })).toEqual([]);
  });

  it('leaves alone variables that only ever hold integers: $?, $#, $$, $!, lengths and arithmetic, as ShellCheck does', async () => {
    const script = [
      '#!/bin/bash',
      'failure_count=0',
      'while true; do',
      '  celery --app=dojo status',
      '  BROKER_TEST=$?',
      '  [ $BROKER_TEST = 0 ] && break',
      '  failure_count=$((failure_count + 1))',
      '  ((tries++))',
      '  [ $failure_count -ge 10 ] && exit $BROKER_TEST',
      'done',
      'sleep 60 &',
      'PID=$!',
      'wait $PID',
      'COUNT="$#"',
      'LEN=${#1}',
      'echo $COUNT $LEN $tries',
      '',
    ].join('\n');
    await new RuleTester(quoteExpansions).run({
      valid: [{ filename: 'wait.sh', code: script }],
      invalid: [
        {
          filename: 'wait.sh',
          code: '#!/bin/bash\nRESULT=$?\nRESULT=$1\nexit $RESULT\n',
          errors: [{ line: 4, column: 6, endColumn: 13, message: /^unquoted \$RESULT is split into words/ }],
          output: '#!/bin/bash\nRESULT=$?\nRESULT=$1\nexit "$RESULT"\n',
        },
      ],
    });
  });

  it('in a RUN, knows an ENV set from an ARG default (ENV appuser=${appuser}) holds that default', async () => {
    const dockerfile = (arg: string) =>
      `FROM python:3.12-slim\n${arg}\nENV appuser=\${appuser} home=/home/\${appuser}\nRUN adduser --ingroup \${appuser} \${appuser} && mkdir -p $home\n`;
    await new RuleTester(quoteExpansions).run({
      valid: [{ filename: 'Dockerfile', code: dockerfile('ARG appuser=defectdojo') }],
      invalid: [
        {
          filename: 'Dockerfile',
          code: dockerfile('ARG appuser'),
          errors: [
            { line: 4, column: 23, endColumn: 33, message: /^unquoted \$\{appuser\} is split/ },
            { line: 4, column: 34, endColumn: 44, message: /^unquoted \$\{appuser\} is split/ },
            { line: 4, column: 57, endColumn: 62, message: /^unquoted \$home is split/ },
          ],
          output: 'FROM python:3.12-slim\nARG appuser\nENV appuser=${appuser} home=/home/${appuser}\nRUN adduser --ingroup "${appuser}" "${appuser}" && mkdir -p "$home"\n',
        },
      ],
    });
  });
});
