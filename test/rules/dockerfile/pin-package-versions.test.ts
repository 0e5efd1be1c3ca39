import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/pin-package-versions';
const ON = { cliRules: [`${RULE}: warning`] };

describe(RULE, () => {
  it('reports unpinned packages of every package manager, at the package', async () => {
    const found = await findings(RULE, ['dockerfile/pin-package-versions/bad'], ON);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/pin-package-versions/bad/Dockerfile:2:66-2:70 dockerfile/pin-package-versions apt-get installs "curl" without a version, so every build may get a different one; use apt-get install <package>=<version>',
      'dockerfile/pin-package-versions/bad/Dockerfile:3:32-3:37 dockerfile/pin-package-versions pip installs "flask" without a version, so every build may get a different one; use pip install <package>==<version>',
      'dockerfile/pin-package-versions/bad/Dockerfile:3:55-3:99 dockerfile/pin-package-versions pip installs "git+https://github.com/org/repo.git#egg=repo" without a version, so every build may get a different one; use pip install <package>==<version>',
      'dockerfile/pin-package-versions/bad/Dockerfile:4:20-4:27 dockerfile/pin-package-versions npm installs "express" without a version, so every build may get a different one; use npm install <package>@<version>',
      'dockerfile/pin-package-versions/bad/Dockerfile:4:28-4:39 dockerfile/pin-package-versions npm installs "@scope/tool" without a version, so every build may get a different one; use npm install <package>@<version>',
      'dockerfile/pin-package-versions/bad/Dockerfile:5:40-5:44 dockerfile/pin-package-versions apk installs "bash" without a version, so every build may get a different one; use apk add <package>=<version>',
      'dockerfile/pin-package-versions/bad/Dockerfile:6:17-6:24 dockerfile/pin-package-versions gem installs "bundler" without a version, so every build may get a different one; use gem install <gem>:<version>',
      'dockerfile/pin-package-versions/bad/Dockerfile:7:20-7:26 dockerfile/pin-package-versions yum installs "tomcat" without a version, so every build may get a different one; use yum install <package>-<version>',
      'dockerfile/pin-package-versions/bad/Dockerfile:7:45-7:53 dockerfile/pin-package-versions dnf installs "rpm-sign" without a version, so every build may get a different one; use dnf install <package>-<version>',
      'dockerfile/pin-package-versions/bad/Dockerfile:7:79-7:85 dockerfile/pin-package-versions dnf installs "nodejs" without a version, so every build may get a different one; use dnf install <package>-<version>',
      'dockerfile/pin-package-versions/bad/Dockerfile:8:23-8:28 dockerfile/pin-package-versions zypper installs "httpd" without a version, so every build may get a different one; use zypper install <package>=<version>',
      'dockerfile/pin-package-versions/bad/Dockerfile:9:16-9:55 dockerfile/pin-package-versions go installs "golang.org/x/tools/cmd/goimports@latest" without a version, so every build may get a different one; use go install <module>@<version>',
      'dockerfile/pin-package-versions/bad/Dockerfile:9:56-9:70 dockerfile/pin-package-versions go installs "github.com/x/y" without a version, so every build may get a different one; use go install <module>@<version>',
    ]);
  });

  it('accepts versions, local files, requirement and constraint files, VCS refs and modules streams', async () => {
    expect(await findings(RULE, ['dockerfile/pin-package-versions/good'], ON)).toEqual([]);
  });
});
