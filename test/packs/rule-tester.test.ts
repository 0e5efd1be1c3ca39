import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { defineRule } from '../../rules/kit/index.js';
import { RuleTester, RuleTesterError } from '../../src/testing.js';
import acme from '../../fixtures/packs/acme/index.mjs';
import strictMode from '../../rules/shell/strict-mode.js';
import imagePinned from '../../rules/compose/image-pinned.js';

const [ownerLabel, restart, internalRegistry] = acme.rules;

describe('RuleTester', () => {
  it('tests a pack rule: valid cases, findings with positions, fixed output', async () => {
    await new RuleTester(restart!).run({
      valid: ['services:\n  web:\n    restart: unless-stopped\n'],
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  web:\n    restart: always # keep it up\n',
          errors: [{ line: 3, column: 14, endColumn: 20, message: 'service "web" restarts "always", even after an operator stopped it' }],
          output: 'services:\n  web:\n    restart: unless-stopped # keep it up\n',
        },
      ],
    });
  });

  it('tests a pack rule built on the kit, scoped to environments', async () => {
    const base = 'services:\n  api:\n    image: ${REGISTRY:-registry.acme.io}/api:1.4\n  cache:\n    image: redis:7.4\n';
    await new RuleTester(internalRegistry!).run({
      valid: [{ filename: 'compose.yaml', code: 'services:\n  api:\n    image: registry.acme.io/api:1.4\n' }],
      invalid: [
        { filename: 'compose.yaml', code: base, errors: [{ line: 5, column: 12, message: 'service "cache" runs redis:7.4 from Docker Hub, not from registry.acme.io' }] },
        {
          name: 'an override that pulls from elsewhere, in its environment only',
          filename: 'compose.yaml',
          code: 'services:\n  api:\n    image: registry.acme.io/api:1.4\n',
          files: { 'compose.ci.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1.4\n' },
          projects: [{ files: ['compose.yaml'] }, { files: ['compose.yaml', 'compose.ci.yaml'] }],
          errors: [{ file: 'compose.ci.yaml', line: 3, column: 12, message: 'service "api" runs ghcr.io/acme/api:1.4 from ghcr.io, not from registry.acme.io' }],
        },
      ],
    });
  });

  it('passes options to the rule', async () => {
    await new RuleTester(ownerLabel!).run({
      valid: [{ filename: 'compose.yaml', code: 'services:\n  web:\n    labels: [team=core]\n', options: { label: 'team' } }],
      invalid: [{ filename: 'compose.yaml', code: 'services:\n  web: {}\n', options: { label: 'team' }, errors: [{ line: 2, column: 3, message: /no team label/ }] }],
    });
  });

  it('tests built-in rules the same way', async () => {
    await new RuleTester(strictMode).run({
      valid: [{ filename: 'ok.sh', code: '#!/bin/sh\nset -eu\nmake\n' }],
      invalid: [
        {
          filename: 'deploy.sh',
          code: '#!/bin/sh\nmake\nmake deploy\n',
          errors: [{ line: 1, column: 1, message: 'the script never sets -e, so a failing command does not stop it' }],
          output: '#!/bin/sh\nset -e\nmake\nmake deploy\n',
        },
      ],
    });
    await new RuleTester(imagePinned).run({
      valid: ['services:\n  db:\n    image: postgres:16.4\n'],
      invalid: [{ filename: 'docker-compose.yml', code: 'services:\n  db:\n    image: postgres\n', errors: [{ line: 3, column: 12 }] }],
    });
  });

  it('fails with a message that says what differed', async () => {
    const run = new RuleTester(imagePinned).run({
      valid: ['services:\n  db:\n    image: postgres:latest\n'],
      invalid: [{ filename: 'compose.yaml', code: 'services:\n  db:\n    image: redis\n', errors: [{ line: 3, column: 5 }] }],
    });
    await expect(run).rejects.toThrow(RuleTesterError);
    await expect(run).rejects.toThrow(/valid\[0\]: expected no findings, got\n.*compose\.yaml:3:12 compose\/image-pinned/);
    await expect(run).rejects.toThrow(/invalid\[0\]:\n  errors\[0\]: at 3:12, expected 3:5/);
  });

  it('insists on the output when the rule offers a fix', async () => {
    const run = new RuleTester(restart!).run({ invalid: [{ filename: 'compose.yaml', code: 'services:\n  w:\n    restart: always\n', errors: [{ line: 3, column: 14 }] }] });
    await expect(run).rejects.toThrow('the rule offers a fix here: give the expected `output`');
  });
});

describe('RuleTester: stacks in memory', () => {
  const base = 'services:\n  api:\n    image: ghcr.io/acme/api:1.4\n';
  const layer = 'services:\n  api:\n    ports: ["8080:80"]\n';

  it('lints a fragment on its own when nothing layers it, and onto its base when `projects` declares the -f order', async () => {
    const buildOrImage = (await import('../../rules/compose/build-or-image.js')).default;
    await new RuleTester(buildOrImage).run({
      invalid: [{ filename: 'ci/compose.yaml', code: layer, files: { '../compose.yaml': base }, errors: [{ line: 2, column: 3, message: /has neither "image" nor "build"/ }] }],
      valid: [{ filename: 'ci/compose.yaml', code: layer, files: { '../compose.yaml': base }, projects: [{ files: ['../compose.yaml', 'compose.yaml'] }] }],
    });
  });

  it('reads how in-memory scripts run compose, as the CLI reads a repository', async () => {
    const buildOrImage = (await import('../../rules/compose/build-or-image.js')).default;
    await new RuleTester(buildOrImage).run({
      valid: [
        {
          filename: 'ci/compose.yaml',
          code: layer,
          files: { '../compose.yaml': base, '../deploy.sh': '#!/bin/sh\nset -eu\ndocker compose -f compose.yaml -f ci/compose.yaml up -d\n' },
        },
        {
          name: 'a justfile recipe',
          filename: 'ci/compose.yaml',
          code: layer,
          files: { '../compose.yaml': base, '../justfile': 'files := "-f compose.yaml -f ci/compose.yaml"\n\nci:\n    docker compose {{files}} up -d\n' },
        },
      ],
    });
  });

  it('checks severities and the descriptions of suggestions', async () => {
    const singleHealthcheck = (await import('../../rules/dockerfile/single-healthcheck.js')).default;
    const code = 'FROM alpine:3.20\nHEALTHCHECK CMD true\nHEALTHCHECK CMD false\n';
    await new RuleTester(singleHealthcheck).run({
      invalid: [{ filename: 'Dockerfile', code, errors: [{ line: 2, column: 1, severity: singleHealthcheck.meta.severity as 'warning', suggestions: ['remove the overridden HEALTHCHECK'] }] }],
    });
    const wrong = new RuleTester(singleHealthcheck).run({
      invalid: [{ filename: 'Dockerfile', code, errors: [{ line: 2, column: 1, severity: 'info', suggestions: [] }] }],
    });
    await expect(wrong).rejects.toThrow(/severity \w+, expected info/);
    await expect(wrong).rejects.toThrow('suggestions ["remove the overridden HEALTHCHECK"], expected []');
  });

  it('sets severities as a config does: the rule under test, and ids that are settings of their own', async () => {
    const code = 'services:\n  db:\n    image: postgres\n';
    await new RuleTester(imagePinned).run({ invalid: [{ filename: 'compose.yaml', code, severities: { 'compose/image-pinned': 'info' }, errors: [{ line: 3, column: 12, severity: 'info' }] }] });
    await new RuleTester(imagePinned).run({ valid: [{ filename: 'compose.yaml', code, severities: { 'compose/image-pinned': 'off' } }] });
    const broken = 'services:\n  db: [\n';
    await new RuleTester(imagePinned).run({
      valid: [{ filename: 'compose.yaml', code: broken, severities: { 'compose/syntax': 'off' } }],
      invalid: [{ filename: 'compose.yaml', code: broken, errors: [{ ruleId: 'compose/syntax', line: 3, column: 1 }] }],
    });
  });

  it.skipIf(spawnSync('shellcheck', ['--version']).status !== 0)('leaves the ShellCheck codes a built-in rule covers to that rule when it is on, as a real run does', async () => {
    const shellcheck = (await import('../../rules/shell/shellcheck.js')).default;
    // SC2086 is shell/quote-expansions': when that rule is on, only SC2162 is the bridge's (SC2154 is shell/unassigned-variable's, in recommended); when it is off, SC2086 stays ShellCheck's
    await new RuleTester(shellcheck).run({
      invalid: [
        {
          filename: 'run.sh',
          code: '#!/bin/sh\necho $undefined_thing\nread line\n',
          severities: { 'shell/quote-expansions': 'warning' },
          output: '#!/bin/sh\necho "$undefined_thing"\nread line\n',
          errors: [
            { ruleId: 'shell/quote-expansions', line: 2, column: 6 },
            { ruleId: 'shellcheck/SC2162', line: 3, column: 1 },
          ],
        },
        {
          filename: 'run.sh',
          code: '#!/bin/sh\necho $undefined_thing\nread line\n',
          errors: [
            { ruleId: 'shellcheck/SC2086', line: 2, column: 6 },
            { ruleId: 'shellcheck/SC2162', line: 3, column: 1 },
          ],
        },
      ],
    });
  });

  it('checks the text each suggestion gives and the text of each secret span', async () => {
    const noPasswordArgument = (await import('../../rules/shell/no-password-argument.js')).default;
    const code = '#!/bin/sh\ndocker login -u bot -p "$PW" registry.example.com\nmysql -uroot -pS3cretPw1 app\n';
    const login = { line: 2, column: 21, suggestionOutputs: [`#!/bin/sh\nprintf '%s\\n' "$PW" | docker login -u bot --password-stdin registry.example.com\nmysql -uroot -pS3cretPw1 app\n`] };
    await new RuleTester(noPasswordArgument).run({ invalid: [{ filename: 'deploy.sh', code, errors: [login, { line: 3, column: 14, secrets: ['S3cretPw1'] }] }] });
    const wrong = new RuleTester(noPasswordArgument).run({
      invalid: [{ filename: 'deploy.sh', code, errors: [{ ...login, suggestionOutputs: [code] }, { line: 3, column: 14, secrets: ['S3cret'] }] }],
    });
    await expect(wrong).rejects.toThrow(/errors\[0\]: suggestion 0 gives\n--- expected\n#!\/bin\/sh\ndocker login/);
    await expect(wrong).rejects.toThrow('errors[1]: secrets ["S3cretPw1"], expected ["S3cret"]');
  });
});

describe('RuleTester: project root', () => {
  it('reads nothing outside `projectRoot`, as with --project-root', async () => {
    const referenceOutsideProject = (await import('../../rules/compose/reference-outside-project.js')).default;
    const code = 'services:\n  api:\n    image: nginx:1.27\n    env_file: ../shared/app.env\n';
    await new RuleTester(referenceOutsideProject).run({
      valid: [{ filename: 'app/compose.yaml', code }, { filename: 'app/compose.yaml', code, projectRoot: '..' }],
      invalid: [{ filename: 'app/compose.yaml', code, projectRoot: '.', errors: [{ line: 4, column: 15, message: /^env_file "\.\.\/shared\/app\.env" leads outside the project/ }] }],
    });
  });
});

describe('RuleTester: rules scoped to environments', () => {
  const restartSet = defineRule<'compose'>({
    meta: { id: 'acme/restart-set', kind: 'compose', category: 'runtime', severity: 'warning', fix: 'none', summary: 'x', scope: 'environment' },
    check(ctx) {
      for (const service of ctx.project.services) if (service.get('restart') === undefined) ctx.report({ node: service.keyNode, message: `${service.name} has no restart` });
    },
  });
  const base = 'services:\n  api:\n    image: ghcr.io/acme/api:1.4\n';
  const files = { 'compose.dev.yaml': 'services:\n  api:\n    restart: "no"\n', 'compose.prod.yaml': 'services:\n  api:\n    cpus: 2\n' };
  const projects = [{ files: ['compose.yaml', 'compose.dev.yaml'] }, { files: ['compose.yaml', 'compose.prod.yaml'] }];

  it('runs the check once per environment the file is part of and names the environments a finding holds in', async () => {
    await new RuleTester(restartSet).run({
      invalid: [{ filename: 'compose.yaml', code: base, files, projects, errors: [{ line: 2, column: 3, message: 'api has no restart (in the "compose.prod.yaml" environment: compose.yaml + compose.prod.yaml)' }] }],
    });
  });

  it('without the scope, checks the file\'s own project once and names no environment', async () => {
    const fileScoped = defineRule<'compose'>({ ...restartSet, meta: { ...restartSet.meta, scope: 'file' } });
    await new RuleTester(fileScoped).run({
      invalid: [{ filename: 'compose.yaml', code: base, files, projects, errors: [{ line: 2, column: 3, message: 'api has no restart' }] }],
    });
  });
});
