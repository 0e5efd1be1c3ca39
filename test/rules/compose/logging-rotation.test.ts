import { describe, expect, it } from 'vitest';
import loggingRotation from '../../../rules/compose/logging-rotation.js';
import { RuleTester } from '../../../src/testing.js';

const rotation = (indent: string) => `${indent}driver: json-file\n${indent}options:\n${indent}  max-size: "10m"\n${indent}  max-file: "3"\n`;
const maxFile = '    max-file: "3"\n';

/** An anchor shared by two services, a service without logging, one without options and one without max-size. */
const bad = (anchor: string, api: string, web: string, proxy: string) =>
  [
    'x-logging: &default-logging',
    '  driver: json-file',
    '  options:',
    `    max-size: "10m"\n${anchor}`,
    'services:',
    '  api:',
    '    image: acme/api:1.0.0',
    `    restart: unless-stopped\n${api}  worker:`,
    '    image: acme/worker:1.0.0',
    '    logging: *default-logging',
    '  cron:',
    '    image: acme/cron:1.0.0',
    '    logging: *default-logging',
    '  web:',
    '    image: acme/web:1.0.0',
    '    logging:',
    `${web}  proxy:`,
    '    image: nginx:1.27',
    '    logging:',
    '      options:',
    `        max-file: "5"\n${proxy}`,
  ].join('\n');

/** An anchor whose options a service with another driver also uses. */
const shared = (options: string) =>
  `x-logging: &logging\n  driver: json-file\n  options: &logging-options\n    max-size: "10m"\n${options}\nservices:\n  api:\n    image: acme/api:1.0.0\n    logging: *logging\n  audit:\n    image: acme/audit:1.0.0\n    logging:\n      driver: local\n      options: *logging-options\n`;

/** Services share a logging block through an anchor; the override and the staging file change it for some. */
const layered = (options: string) =>
  `x-logging: &logging\n  driver: json-file\n  options:\n    max-size: "10m"\n${options}\nservices:\n  web:\n    image: nginx:1.27\n    logging: *logging\n  worker:\n    image: acme/worker:1.0.0\n    logging: *logging\n  db:\n    image: postgres:16.4\n    logging:\n      driver: json-file\n      options:\n        max-size: "10m"\n        max-file: "3"\n`;
const layers = {
  'compose.override.yaml': 'services:\n  web:\n    logging:\n      options:\n        max-file: "5"\n',
  'compose.staging.yaml': 'services:\n  db:\n    logging:\n      options:\n        max-file: !reset null\n',
};

describe('compose/logging-rotation', () => {
  it('is off in the recommended preset, and its fix is unsafe', () => {
    expect(loggingRotation.meta.recommended).toBe(false);
    expect(loggingRotation.meta.fix).toBe('unsafe');
  });

  it('reports json-file logging without max-size and max-file, once where an extension shared by several services is written, and adds driver, max-size and max-file with the right indentation (at the anchor, which every user needs)', async () => {
    await new RuleTester(loggingRotation).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: bad('', '', '      driver: json-file\n', ''),
          errors: [
            { line: 3, column: 3, endLine: 3, endColumn: 10, message: 'services "worker", "cron" log with json-file without max-file, so rotation is incomplete' },
            { line: 7, column: 3, endLine: 7, endColumn: 6, message: 'service "api" logs with the default json-file driver without rotation, so the log grows until the disk is full' },
            { line: 19, column: 15, endLine: 19, endColumn: 24, message: 'service "web" logs with json-file without max-size and max-file, so the log grows until the disk is full' },
            { line: 23, column: 7, endLine: 23, endColumn: 14, message: 'service "proxy" logs with json-file without max-size, so rotation is incomplete' },
          ],
          output: bad(maxFile, `    logging:\n${rotation('      ')}`, rotation('      '), '        max-size: "10m"\n'),
        },
      ],
    });
  });

  it('only suggests an edit to an anchor that a service with another driver also uses', async () => {
    await new RuleTester(loggingRotation).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: shared(''),
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 10, message: 'service "api" logs with json-file without max-file, so rotation is incomplete', suggestionOutputs: [shared(maxFile)] }],
        },
      ],
    });
  });

  it('judges each environment of a layered project, and only suggests edits to an anchor or a base file that not every user needs', async () => {
    await new RuleTester(loggingRotation).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: layered(''),
          files: layers,
          errors: [
            // compose.staging.yaml removes db's max-file with !reset: reported where it does so; writing it again in
            // compose.yaml would repeat a key, so there is nothing to fix or suggest.
            { file: 'compose.staging.yaml', line: 4, column: 7, endLine: 4, endColumn: 14, message: 'service "db" logs with json-file without max-file, so rotation is incomplete', suggestions: [] },
            // The override completes web's copy of the anchor: in the default environment only worker lacks max-file.
            // The anchor's options reach web (whose override merges onto them) and worker, in both environments: suggestions only.
            {
              line: 3,
              column: 3,
              endLine: 3,
              endColumn: 10,
              message: 'service "worker" logs with json-file without max-file, so rotation is incomplete (in the "default" environment: compose.yaml + compose.override.yaml)',
              suggestionOutputs: [layered(maxFile)],
            },
            {
              line: 3,
              column: 3,
              endLine: 3,
              endColumn: 10,
              message: 'services "web", "worker" log with json-file without max-file, so rotation is incomplete (in the "staging" environment: compose.yaml + compose.staging.yaml)',
              suggestionOutputs: [layered(maxFile)],
            },
          ],
        },
      ],
    });
  });

  it("accepts the seeds' logging blocks, local and remote drivers, extensions, merge keys and extends, and the text its fix gives", async () => {
    await new RuleTester(loggingRotation).run({
      valid: [
        bad(maxFile, `    logging:\n${rotation('      ')}`, rotation('      '), '        max-size: "10m"\n'),
        [
          'x-logging: &default-logging',
          '  driver: "json-file"',
          '  options:',
          '    max-size: "10m"',
          '    max-file: "3"',
          '',
          'services:',
          '  discovery:',
          '    image: acme/discovery:1.0.0',
          '    logging:',
          '      driver: "json-file"',
          '      options:',
          '        max-size: "10m"',
          '        max-file: "3"',
          '  orchesity-api:',
          '    image: acme/api:1.0.0',
          '    logging:',
          '      driver: "json-file"',
          '      options:',
          '        max-size: "100m"',
          '        max-file: "5"',
          '  shared:',
          '    image: acme/shared:1.0.0',
          '    logging: *default-logging',
          '  merged:',
          '    image: acme/merged:1.0.0',
          '    logging:',
          '      <<: *default-logging',
          '  local:',
          '    image: acme/local:1.0.0',
          '    logging:',
          '      driver: local',
          '  remote:',
          '    image: acme/remote:1.0.0',
          '    logging:',
          '      driver: syslog',
          '      options:',
          '        syslog-address: "udp://logs.example.com:514"',
          '  child:',
          '    extends: discovery',
          '  external:',
          '    extends:',
          '      file: common.yaml',
          '      service: base',
          '',
        ].join('\n'),
      ],
    });
  });
});
