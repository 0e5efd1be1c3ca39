import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixWithRule } from './fix-loop.js';

const RULE = 'dockerfile/expose-format';

describe(RULE, () => {
  it('reports upper-case protocols and host addresses or ports in EXPOSE', async () => {
    const found = await findings(RULE, ['dockerfile/expose-format/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/expose-format/bad/Dockerfile:2:11-2:14 dockerfile/expose-format protocol "TCP" in EXPOSE 80/TCP should be lower-case',
      'dockerfile/expose-format/bad/Dockerfile:2:15-2:32 dockerfile/expose-format EXPOSE 127.0.0.1:8080:80 maps a host address or port; EXPOSE only documents the container port (publish with docker run -p or compose ports:), and BuildKit will reject this form',
      'dockerfile/expose-format/bad/Dockerfile:2:33-2:44 dockerfile/expose-format EXPOSE 443:443/udp maps a host address or port; EXPOSE only documents the container port (publish with docker run -p or compose ports:), and BuildKit will reject this form',
    ]);
  });

  it('accepts ports, ranges, lower-case protocols and variables', async () => {
    expect(await findings(RULE, ['dockerfile/expose-format/good'])).toEqual([]);
  });

  it('lower-cases the protocol; host mappings are left for a person', async () => {
    const { text, remaining } = await fixWithRule(RULE, 'dockerfile/expose-format/bad/Dockerfile');
    expect(text).toBe('FROM nginx:1.27\nEXPOSE 80/tcp 127.0.0.1:8080:80 443:443/udp\n');
    expect(remaining.map(brief)).toEqual(['Dockerfile:2:15-2:32 dockerfile/expose-format', 'Dockerfile:2:33-2:44 dockerfile/expose-format']);
  });
});
