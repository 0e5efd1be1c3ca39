import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/label-schema';

const SCHEMA = {
  version: 'semver',
  'org.opencontainers.image.url': 'url',
  'org.opencontainers.image.created': 'rfc3339',
  'org.opencontainers.image.licenses': 'spdx',
  'org.opencontainers.image.revision': 'hash',
  'org.opencontainers.image.authors': 'email',
  'org.opencontainers.image.title': 'text',
};
const withSchema = (extra: Record<string, unknown> = {}) => ({
  cliRules: [`${RULE}: [warning, ${JSON.stringify({ schema: SCHEMA, ...extra })}]`],
});

describe(RULE, () => {
  it('does nothing without a schema', async () => {
    expect(await findings(RULE, ['dockerfile/label-schema/bad'])).toEqual([]);
  });

  it('reports missing labels on the image, empty labels, values of the wrong type and, with strict, extra labels', async () => {
    const found = await findings(RULE, ['dockerfile/label-schema/bad'], withSchema({ strict: true }));
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/label-schema/bad/Dockerfile:2:15-2:28 dockerfile/label-schema label "version" value "not-sem-ver" does not conform to semantic versioning',
      'dockerfile/label-schema/bad/Dockerfile:3:1-3:5 dockerfile/label-schema the image lacks the required label "version"',
      'dockerfile/label-schema/bad/Dockerfile:4:36-4:45 dockerfile/label-schema label "org.opencontainers.image.url" value "not-url" is not a valid URL',
      'dockerfile/label-schema/bad/Dockerfile:5:40-5:51 dockerfile/label-schema label "org.opencontainers.image.created" value "yesterday" is not a valid RFC 3339 time',
      'dockerfile/label-schema/bad/Dockerfile:6:41-6:54 dockerfile/label-schema label "org.opencontainers.image.licenses" value "NotALicense" is not a valid SPDX license expression',
      'dockerfile/label-schema/bad/Dockerfile:7:41-7:53 dockerfile/label-schema label "org.opencontainers.image.revision" value "not-a-hash" is not a valid git hash',
      'dockerfile/label-schema/bad/Dockerfile:8:40-8:48 dockerfile/label-schema label "org.opencontainers.image.authors" value "nobody" is not a valid email address',
      'dockerfile/label-schema/bad/Dockerfile:9:38-9:40 dockerfile/label-schema label "org.opencontainers.image.title" is empty',
      'dockerfile/label-schema/bad/Dockerfile:10:7-10:12 dockerfile/label-schema label "extra" is not in the label schema (strict labels)',
    ]);
  });

  it('with allStages, asks every stage for the labels, as hadolint does', async () => {
    const found = await findings(RULE, ['dockerfile/label-schema/bad'], withSchema({ allStages: true }));
    expect(found.filter((d) => d.message.includes('lacks')).map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/label-schema/bad/Dockerfile:1:1-1:5 dockerfile/label-schema stage "build" lacks the required labels "org.opencontainers.image.url", "org.opencontainers.image.created", "org.opencontainers.image.licenses", "org.opencontainers.image.revision", "org.opencontainers.image.authors", "org.opencontainers.image.title"',
      'dockerfile/label-schema/bad/Dockerfile:3:1-3:5 dockerfile/label-schema the image lacks the required label "version"',
    ]);
  });

  it('accepts labels inherited from a parent stage, valid values, and values set from build arguments', async () => {
    expect(await findings(RULE, ['dockerfile/label-schema/good'], withSchema({ strict: true }))).toEqual([]);
  });
});
