import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/schema';

describe(RULE, () => {
  it('reports every schema error at its node, in words, with the key path', async () => {
    const found = await findings(RULE, ['compose/schema/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/schema/bad/compose.yaml:2:3-2:10 compose/schema unknown key "restrat" in services.web; did you mean "restart"?',
      'compose/schema/bad/compose.yaml:11:9-11:16 compose/schema unknown key "protocl" in services.web.ports[1]; did you mean "protocol"?',
      'compose/schema/bad/compose.yaml:12:9-12:14 compose/schema services.web.ports[2] must be a number, a string or a mapping, not a list',
      'compose/schema/bad/compose.yaml:13:5-13:16 compose/schema services.web.environment must be a mapping or a list, not empty',
      'compose/schema/bad/compose.yaml:16:17-16:19 compose/schema services.web.healthcheck.interval must be a duration with a unit, like "30s" or "1m30s", not the number 30',
      'compose/schema/bad/compose.yaml:17:16-17:19 compose/schema services.web.healthcheck.timeout must be a duration with a unit, like "30s" or "1m30s", not the string "10x"',
      'compose/schema/bad/compose.yaml:19:7-19:9 compose/schema services.web.depends_on.db needs "condition"',
      'compose/schema/bad/compose.yaml:21:26-21:35 compose/schema services.web.cap_add lists the string "NET_ADMIN" twice (items 0 and 1); each must be unique',
      'compose/schema/bad/compose.yaml:22:3-22:11 compose/schema "my app" is not a valid service name: use only letters, digits, ".", "_" and "-"',
      'compose/schema/bad/compose.yaml:26:16-26:18 compose/schema services.db.cpu_count must be at least 0, not the number -1',
      'compose/schema/bad/compose.yaml:27:18-27:27 compose/schema services.db.pull_policy must be always, never, missing, build, if_not_present, refresh, daily, weekly or every_<duration> (every_12h), not the string "sometimes"',
      'compose/schema/bad/compose.yaml:31:5-31:12 compose/schema unknown key "internl" in networks.back; did you mean "internal"?',
    ]);
  });

  it('validates after interpolation, accepts extension keys, and leaves unknowable values alone', async () => {
    expect(await findings(RULE, ['compose/schema/good'])).toEqual([]);
  });

  it('leaves out what !reset removes and validates what !override keeps', async () => {
    expect(await findings(RULE, ['compose/schema/reset'])).toEqual([]);
  });
});
