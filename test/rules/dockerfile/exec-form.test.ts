import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixWithRule } from './fix-loop.js';

const RULE = 'dockerfile/exec-form';
const BAD = 'dockerfile/exec-form/bad/Dockerfile';

describe(RULE, () => {
  it('reports shell-form CMD and ENTRYPOINT at their arguments', async () => {
    const found = await findings(RULE, ['dockerfile/exec-form/bad']);
    expect(found.map(brief)).toEqual([`${BAD}:2:12-2:33 ${RULE}`, `${BAD}:3:5-3:30 ${RULE}`, `${BAD}:6:5-6:27 ${RULE}`, `${BAD}:9:5-9:43 ${RULE}`]);
    expect(found[0]!.message).toBe(
      'ENTRYPOINT in shell form runs under /bin/sh -c, which does not pass SIGTERM on to the program, so it cannot stop gracefully, and a shell-form ENTRYPOINT ignores CMD and the arguments of docker run',
    );
    // a command that needs the shell ($HOME, &&) gets no fix
    expect(found.map((d) => d.fix?.safety)).toEqual(['unsafe', 'unsafe', 'unsafe', undefined]);
  });

  it('writes the JSON form of commands the shell would only split into words', async () => {
    const { text, remaining } = await fixWithRule(RULE, BAD, { unsafe: true });
    expect(text.split('\n')).toEqual([
      'FROM python:3.12-slim AS app',
      'ENTRYPOINT ["gunicorn", "app:app"]',
      'CMD ["python", "app.py", "--port", "8000"]',
      '',
      'FROM nginx:1.27 AS web',
      'CMD ["nginx", "-g", "daemon off;"]',
      '',
      'FROM alpine:3.20',
      'CMD echo "home is $HOME" && sleep infinity',
      '',
    ]);
    expect(remaining.map(brief)).toEqual([`Dockerfile:9:5-9:43 ${RULE}`]);
  });

  it('accepts the exec form, and the shell form under an explicit SHELL', async () => {
    expect(await findings(RULE, ['dockerfile/exec-form/good'])).toEqual([]);
  });
});
