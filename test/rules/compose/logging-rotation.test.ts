import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixAndRelint } from './fix-helpers.js';

const RULE = 'compose/logging-rotation';
const ON = ['compose/logging-rotation: warning'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/logging-rotation/bad'])).toEqual([]);
  });

  it('reports json-file logging without max-size and max-file, once where an extension shared by several services is written', async () => {
    const found = await findings(RULE, ['compose/logging-rotation/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual([
      'compose/logging-rotation/bad/compose.yaml:3:3-3:10 compose/logging-rotation',
      'compose/logging-rotation/bad/compose.yaml:7:3-7:6 compose/logging-rotation',
      'compose/logging-rotation/bad/compose.yaml:19:15-19:24 compose/logging-rotation',
      'compose/logging-rotation/bad/compose.yaml:23:7-23:14 compose/logging-rotation',
    ]);
    expect(found.map((d) => d.message)).toEqual([
      'services "worker", "cron" log with json-file without max-file, so rotation is incomplete',
      'service "api" logs with the default json-file driver without rotation, so the log grows until the disk is full',
      'service "web" logs with json-file without max-size and max-file, so the log grows until the disk is full',
      'service "proxy" logs with json-file without max-size, so rotation is incomplete',
    ]);
  });

  it('adds driver, max-size and max-file with the right indentation (at the anchor, which every user needs) and then no longer fires', async () => {
    const found = await findings(RULE, ['compose/logging-rotation/bad'], { cliRules: ON });
    const { text, after } = await fixAndRelint(RULE, 'compose/logging-rotation/bad', found, 'compose.yaml', ON);
    expect(text).toMatchInlineSnapshot(`
      "x-logging: &default-logging
        driver: json-file
        options:
          max-size: "10m"
          max-file: "3"

      services:
        api:
          image: acme/api:1.0.0
          restart: unless-stopped
          logging:
            driver: json-file
            options:
              max-size: "10m"
              max-file: "3"
        worker:
          image: acme/worker:1.0.0
          logging: *default-logging
        cron:
          image: acme/cron:1.0.0
          logging: *default-logging
        web:
          image: acme/web:1.0.0
          logging:
            driver: json-file
            options:
              max-size: "10m"
              max-file: "3"
        proxy:
          image: nginx:1.27
          logging:
            options:
              max-file: "5"
              max-size: "10m"
      "
    `);
    expect(after).toEqual([]);
  });

  it('only suggests an edit to an anchor that a service with another driver also uses', async () => {
    const found = await findings(RULE, ['compose/logging-rotation/shared'], { cliRules: ON });
    expect(found.map(brief)).toEqual(['compose/logging-rotation/shared/compose.yaml:3:3-3:10 compose/logging-rotation']);
    expect(found[0]!.fix).toBeUndefined();
    expect(found[0]!.suggestions?.[0]?.edits).toEqual([{ start: 88, end: 88, text: '    max-file: "3"\n' }]);
  });

  it('judges each environment of a layered project, and only suggests edits to an anchor or a base file that not every user needs', async () => {
    const found = await findings(RULE, ['compose/logging-rotation/layered'], { cliRules: ON });
    const at = 'compose/logging-rotation/layered';
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      // compose.staging.yaml removes db's max-file with !reset: reported where it does so; writing it again in compose.yaml
      // would repeat a key, so there is no fix.
      `${at}/compose.staging.yaml:4:7-4:14 ${RULE} service "db" logs with json-file without max-file, so rotation is incomplete`,
      // The override completes web's copy of the anchor: in the default environment only worker lacks max-file.
      `${at}/compose.yaml:4:3-4:10 ${RULE} service "worker" logs with json-file without max-file, so rotation is incomplete (in the "default" environment: compose.yaml + compose.override.yaml)`,
      `${at}/compose.yaml:4:3-4:10 ${RULE} services "web", "worker" log with json-file without max-file, so rotation is incomplete (in the "staging" environment: compose.yaml + compose.staging.yaml)`,
    ]);
    expect(found[0]!.fix).toBeUndefined();
    expect(found[0]!.suggestions).toBeUndefined();
    // The anchor's options reach web (whose override merges onto them) and worker, in both environments: suggestions only.
    for (const d of found.slice(1)) {
      expect(d.fix).toBeUndefined();
      expect(d.suggestions!.map((s) => [path.basename(s.file), s.edits])).toEqual([['compose.yaml', [{ start: 177, end: 177, text: '    max-file: "3"\n' }]]]);
    }
  });

  it("accepts the seeds' logging blocks, local and remote drivers, extensions, merge keys and extends", async () => {
    expect(await findings(RULE, ['compose/logging-rotation/good'], { cliRules: ON })).toEqual([]);
  });
});
