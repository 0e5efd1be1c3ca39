import { describe, expect, it } from 'vitest';
import mergeListRemoval from '../../../rules/compose/merge-list-removal.js';
import { RuleTester } from '../../../src/testing.js';

const base = 'services:\n  api:\n    image: a:1\n    volumes:\n      - .:/app\n      - data:/data\n';

/** The CI file of a layered stack (docker-compose.yml + docker-compose.test.yml + docker-compose.ci.yml) tries to drop the credentials mount. */
const ci = (tag: string) =>
  `services:\n  api:\n    volumes:${tag}\n      # Remove AWS credentials mount, keep other volumes\n      - type: bind\n        source: .\n        target: /app\n      - type: volume\n        source: venv_shared\n        target: /app/.venv\n`;
const layeredCi = {
  'docker-compose.yml': 'name: ichrisbirch\nservices:\n  api:\n    build:\n      context: .\n      target: production\n    image: ichrisbirch/api:1.0.0\n',
  'docker-compose.test.yml': [
    'services:',
    '  api:',
    '    build:',
    '      target: development',
    '    volumes:',
    '      - type: bind',
    '        source: .',
    '        target: /app',
    '      - type: bind',
    '        source: ~/.config/aws',
    '        target: /root/.aws',
    '        read_only: true',
    '      - type: volume',
    '        source: venv_shared',
    '        target: /app/.venv',
    '',
  ].join('\n'),
};
const composeProjects = [
  { files: ['docker-compose.yml'], environment: 'production' },
  { files: ['docker-compose.yml', 'docker-compose.test.yml'], environment: 'test' },
  { files: ['docker-compose.yml', 'docker-compose.test.yml', 'docker-compose.ci.yml'], environment: 'ci' },
];

/** Production means to drop the source mounts and the debugger port. */
const prod = (volumes: string, ports: string) => `services:\n  api:\n    user: appuser\n    volumes:${volumes}  # No source mounts\n    ports:${ports}\n      - "127.0.0.1:8000:8000"\n`;
const prodBase = {
  'compose.yaml':
    'services:\n  api:\n    image: shop/api:2.0.1\n    ports:\n      - "127.0.0.1:8000:8000"\n      - "127.0.0.1:5678:5678"   # debugger\n    volumes:\n      - .:/app\n      - ~/.config/aws:/root/.aws:ro\n',
};

describe('compose/merge-list-removal', () => {
  it('offers no fix: the tag needs Compose 2.24.4 or later', () => {
    expect(mergeListRemoval.meta.fix).toBe('none');
  });

  it('reports where the CI file of a layered stack tries to drop the credentials mount, naming the mount that stays, and suggests !override', async () => {
    await new RuleTester(mergeListRemoval).run({
      invalid: [
        {
          filename: 'docker-compose.ci.yml',
          code: ci(''),
          files: layeredCi,
          settings: { composeProjects },
          errors: [
            {
              line: 3,
              column: 5,
              endLine: 3,
              endColumn: 12,
              message:
                'service "api": this volumes list cannot remove entries: compose merges it into the earlier files\' list by container path, so "~/.config/aws:/root/.aws:ro" (docker-compose.test.yml:9) is still mounted; write "volumes: !override" to replace the list (Compose 2.24.4 or later)',
              suggestions: ['tag the list !override'],
              suggestionOutputs: [ci(' !override')],
            },
          ],
        },
      ],
    });
  });

  it('reports an empty list and a list restating some entries, in an environment file, and suggests !reset and !override', async () => {
    await new RuleTester(mergeListRemoval).run({
      invalid: [
        {
          filename: 'compose.prod.yaml',
          code: prod(' []', ''),
          files: prodBase,
          errors: [
            {
              line: 4,
              column: 5,
              endLine: 4,
              endColumn: 12,
              message:
                'service "api": "volumes: []" cannot remove entries: compose merges it into the earlier files\' list by container path, so ".:/app" (compose.yaml:8), "~/.config/aws:/root/.aws:ro" (compose.yaml:9) are still mounted; write "volumes: !reset []" to replace the list (Compose 2.24.4 or later)',
              suggestionOutputs: [prod(' !reset []', '')],
            },
            {
              line: 5,
              column: 5,
              endLine: 5,
              endColumn: 10,
              message:
                'service "api": this ports list cannot remove entries: compose merges it into the earlier files\' list by mapping, so "127.0.0.1:5678:5678" (compose.yaml:6) is still published; write "ports: !override" to replace the list (Compose 2.24.4 or later)',
              suggestionOutputs: [prod(' []', ' !override')],
            },
          ],
        },
      ],
    });
  });

  it('accepts !reset and !override, and later lists that add entries or change what a path mounts', async () => {
    const compose =
      'services:\n  api:\n    image: shop/api:2.0.1\n    ports:\n      - "127.0.0.1:8000:8000"\n      - "127.0.0.1:5678:5678"\n    volumes:\n      - .:/app\n      - ~/.config/aws:/root/.aws:ro\n      - cache:/var/cache/api\nvolumes:\n  cache:\n';
    await new RuleTester(mergeListRemoval).run({
      valid: [
        {
          filename: 'compose.yaml',
          code: compose,
          files: {
            'compose.prod.yaml': 'services:\n  api:\n    volumes: !reset []\n    ports: !override\n      - "127.0.0.1:8000:8000"\n',
            // Adding entries and changing what one path mounts are what merging is for.
            'compose.dev.yaml': 'services:\n  api:\n    volumes:\n      - ./src:/app\n      - /var/cache/api\n    ports:\n      - "127.0.0.1:9229:9229"\n',
          },
        },
      ],
    });
  });

  it('accepts an override that restates a later entry of the list and leaves the first alone: it sets that entry, it does not drop the others', async () => {
    // An HTTPS override names the TLS port (the place its docs say to change it) that the base file publishes too.
    const port = (target: number, variable: string) => `      - target: ${target}\n        published: \${${variable}:-${target}}\n        protocol: tcp\n        mode: host\n`;
    await new RuleTester(mergeListRemoval).run({
      valid: [
        {
          filename: 'docker-compose.override.https.yml',
          code: `services:\n  nginx:\n    environment:\n      USE_TLS: 'true'\n    ports:\n${port(8443, 'DD_TLS_PORT')}`,
          files: { 'docker-compose.yml': `services:\n  nginx:\n    image: acme/nginx:1.0.0\n    ports:\n${port(8080, 'DD_PORT')}${port(8443, 'DD_TLS_PORT')}` },
          settings: { composeProjects: [{ files: ['docker-compose.yml', 'docker-compose.override.https.yml'], environment: 'https' }] },
        },
      ],
    });
  });

  it('suggests the tag right after the key, which removes the finding', async () => {
    await new RuleTester(mergeListRemoval).run({
      invalid: [
        {
          filename: 'compose.ci.yaml',
          code: 'services:\n  api:\n    volumes:  # keep only the source\n      - .:/app\n',
          files: { 'compose.yaml': base },
          errors: [{ line: 3, column: 5, message: /so "data:\/data" \(compose\.yaml:6\) is still mounted/, suggestionOutputs: ['services:\n  api:\n    volumes: !override  # keep only the source\n      - .:/app\n'] }],
        },
        {
          filename: 'compose.ci.yaml',
          code: 'services:\n  api:\n    volumes: [".:/app"]\n',
          files: { 'compose.yaml': base },
          errors: [{ line: 3, column: 5, suggestionOutputs: ['services:\n  api:\n    volumes: !override [".:/app"]\n'] }],
        },
      ],
      valid: [
        { filename: 'compose.ci.yaml', code: 'services:\n  api:\n    volumes: !override  # keep only the source\n      - .:/app\n', files: { 'compose.yaml': base } },
        { filename: 'compose.ci.yaml', code: 'services:\n  api:\n    volumes: !override [".:/app"]\n', files: { 'compose.yaml': base } },
        // The base file alone: nothing comes before its list.
        { filename: 'compose.yaml', code: base },
      ],
    });
  });
});
