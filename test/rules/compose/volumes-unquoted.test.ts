import { describe, expect, it } from 'vitest';
import volumesUnquoted from '../../../rules/compose/volumes-unquoted.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/volumes-unquoted', () => {
  it('is off in the recommended preset', () => {
    expect(volumesUnquoted.meta.recommended).toBe(false);
  });

  it('reports quoted short-syntax volumes that read the same unquoted, and removes the quotes', async () => {
    await new RuleTester(volumesUnquoted).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  foo:
    image: image:1.0.0
    volumes:
      - "/data:/app/data"
      - 'logs:/app/logs'
      - "~/minecraft_data:/data"
`,
          errors: [
            { line: 5, column: 9, endLine: 5, endColumn: 26, message: 'service "foo" quotes volume /data:/app/data, which YAML reads the same without quotes' },
            { line: 6, column: 9, endLine: 6, endColumn: 25 },
            { line: 7, column: 9, endLine: 7, endColumn: 33 },
          ],
          output: `services:
  foo:
    image: image:1.0.0
    volumes:
      - /data:/app/data
      - logs:/app/logs
      - ~/minecraft_data:/data
`,
        },
      ],
    });
    expect(volumesUnquoted.meta.fix).toBe('safe');
  });

  it('accepts plain entries, quotes YAML needs and the long syntax', async () => {
    await new RuleTester(volumesUnquoted).run({
      valid: [
        `services:
  foo:
    image: image:1.0.0
    volumes:
      - /data:/app/data
      - logs:/app/logs
      - "#odd:/data"
      - "./a b: c:/data"
      - type: bind
        source: "./config"
        target: /config
`,
      ],
    });
  });
});
