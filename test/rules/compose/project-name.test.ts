import { describe, expect, it } from 'vitest';
import projectName from '../../../rules/compose/project-name.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/project-name', () => {
  it('is off in the recommended preset', () => {
    expect(projectName.meta.recommended).toBe(false);
  });

  it('reports a file with services and no top-level name, at its first key', async () => {
    await new RuleTester(projectName).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  web:\n    image: nginx:1.27\n',
          errors: [
            {
              line: 1,
              column: 1,
              endLine: 1,
              endColumn: 9,
              message:
                'the file sets no top-level name, so the project (and its containers, networks and volumes) is named after whatever folder it is run from',
            },
          ],
        },
      ],
    });
  });

  it('accepts a file that names its project, and an override whose base file names it', async () => {
    await new RuleTester(projectName).run({
      valid: [
        'name: react-rust-postgres\nservices:\n  web:\n    image: nginx:1.27\n',
        {
          filename: 'layered/docker-compose.dev.yml',
          code: 'services:\n  api:\n    command: uvicorn src.main:app --reload\n',
          files: { 'docker-compose.yml': 'name: ichrisbirch\nservices:\n  api:\n    image: acme/api:1.0.0\n' },
        },
      ],
    });
  });
});
