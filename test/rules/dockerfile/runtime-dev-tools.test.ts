import { describe, expect, it } from 'vitest';
import runtimeDevTools from '../../../rules/dockerfile/runtime-dev-tools.js';
import { RuleTester } from '../../../src/testing.js';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/runtime-dev-tools';

describe(RULE, () => {
  it('reports editors, debuggers and compilers the final stage of a multi-stage build installs, at each package', async () => {
    const found = await findings(RULE, ['dockerfile/runtime-dev-tools/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `dockerfile/runtime-dev-tools/bad/Dockerfile:9:45-9:48 ${RULE} the final stage installs vim, an editor, into the runtime image: it makes the image bigger and hands whoever breaks in a tool; build in an earlier stage and copy only the result`,
      `dockerfile/runtime-dev-tools/bad/Dockerfile:10:41-10:44 ${RULE} the final stage installs gdb, a debugger, into the runtime image: it makes the image bigger and hands whoever breaks in a tool; build in an earlier stage and copy only the result`,
      `dockerfile/runtime-dev-tools/bad/Dockerfile:10:45-10:51 ${RULE} the final stage installs strace, a debugger, into the runtime image: it makes the image bigger and hands whoever breaks in a tool; build in an earlier stage and copy only the result`,
      `dockerfile/runtime-dev-tools/bad/Dockerfile.python:6:48-6:63 ${RULE} the final stage installs build-essential, a compiler toolchain, into the runtime image: it makes the image bigger and hands whoever breaks in a tool; build in an earlier stage and copy only the result`,
    ]);
  });

  it('accepts tools in build stages, a virtual group removed again, a development stage built last and single-stage builds', async () => {
    expect(await findings(RULE, ['dockerfile/runtime-dev-tools/good'])).toEqual([]);
  });

  it('takes more packages from its options', async () => {
    const code = 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\n\nFROM debian:bookworm-slim\nRUN apt-get install -y --no-install-recommends curl\n';
    await new RuleTester(runtimeDevTools).run({
      valid: [{ filename: 'Dockerfile', code }],
      invalid: [{ filename: 'Dockerfile', code, options: { extra: ['curl'] }, errors: [{ line: 5, column: 48, message: /^the final stage installs curl, a development tool, into the runtime image/ }] }],
    });
  });
});
