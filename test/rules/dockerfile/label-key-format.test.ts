import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/label-key-format';

describe(RULE, () => {
  it('reports label keys outside Docker\'s key format and reserved namespaces', async () => {
    const found = await findings(RULE, ['dockerfile/label-key-format/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/label-key-format/bad/Dockerfile:2:7-2:23 dockerfile/label-key-format label key "com.docker.label" uses the namespace com.docker, which Docker reserves',
      'dockerfile/label-key-format/bad/Dockerfile:2:35-2:45 dockerfile/label-key-format label key "Maintainer" has characters other than lower-case letters, digits, "." and "-"',
      'dockerfile/label-key-format/bad/Dockerfile:3:7-3:19 dockerfile/label-key-format label key "org..example" has consecutive separators',
      'dockerfile/label-key-format/bad/Dockerfile:3:24-3:34 dockerfile/label-key-format label key "build_date" has characters other than lower-case letters, digits, "." and "-"',
      'dockerfile/label-key-format/bad/Dockerfile:3:48-3:56 dockerfile/label-key-format label key "1version" does not start with a lower-case letter',
      'dockerfile/label-key-format/bad/Dockerfile:3:61-3:65 dockerfile/label-key-format label key "app-" does not end with a lower-case letter or digit',
      'dockerfile/label-key-format/bad/Dockerfile:4:15-4:30 dockerfile/label-key-format label key "io.docker.thing" uses the namespace io.docker, which Docker reserves',
    ]);
  });

  it('accepts reverse-DNS keys and keys written with variables', async () => {
    expect(await findings(RULE, ['dockerfile/label-key-format/good'])).toEqual([]);
  });
});
