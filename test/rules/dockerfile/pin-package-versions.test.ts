import { describe, expect, it } from 'vitest';
import pinPackageVersions from '../../../rules/dockerfile/pin-package-versions.js';
import { RuleTester } from '../../../src/testing.js';

function unpinned(tool: string, what: string, advice: string): string {
  return `${tool} installs "${what}" without a version, so every build may get a different one; use ${advice}`;
}

describe('dockerfile/pin-package-versions', () => {
  it('is off in the recommended preset', () => {
    expect(pinPackageVersions.meta.recommended).toBe(false);
  });

  it('reports unpinned packages of every package manager, at the package', async () => {
    await new RuleTester(pinPackageVersions).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM debian:12',
            'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates=20230311',
            'RUN pip install --no-cache-dir flask requests==2.32.3 git+https://github.com/org/repo.git#egg=repo',
            'RUN npm install -g express @scope/tool',
            'RUN apk add --no-cache --virtual .deps bash',
            'RUN gem install bundler nokogiri:1.16.0',
            'RUN yum install -y tomcat && dnf install -y rpm-sign && dnf module install -y nodejs',
            'RUN zypper install -y httpd',
            'RUN go install golang.org/x/tools/cmd/goimports@latest github.com/x/y',
            '',
          ].join('\n'),
          errors: [
            { line: 2, column: 66, endColumn: 70, message: unpinned('apt-get', 'curl', 'apt-get install <package>=<version>') },
            { line: 3, column: 32, endColumn: 37, message: unpinned('pip', 'flask', 'pip install <package>==<version>') },
            { line: 3, column: 55, endColumn: 99, message: unpinned('pip', 'git+https://github.com/org/repo.git#egg=repo', 'pip install <package>==<version>') },
            { line: 4, column: 20, endColumn: 27, message: unpinned('npm', 'express', 'npm install <package>@<version>') },
            { line: 4, column: 28, endColumn: 39, message: unpinned('npm', '@scope/tool', 'npm install <package>@<version>') },
            { line: 5, column: 40, endColumn: 44, message: unpinned('apk', 'bash', 'apk add <package>=<version>') },
            { line: 6, column: 17, endColumn: 24, message: unpinned('gem', 'bundler', 'gem install <gem>:<version>') },
            { line: 7, column: 20, endColumn: 26, message: unpinned('yum', 'tomcat', 'yum install <package>-<version>') },
            { line: 7, column: 45, endColumn: 53, message: unpinned('dnf', 'rpm-sign', 'dnf install <package>-<version>') },
            { line: 7, column: 79, endColumn: 85, message: unpinned('dnf', 'nodejs', 'dnf install <package>-<version>') },
            { line: 8, column: 23, endColumn: 28, message: unpinned('zypper', 'httpd', 'zypper install <package>=<version>') },
            { line: 9, column: 16, endColumn: 55, message: unpinned('go', 'golang.org/x/tools/cmd/goimports@latest', 'go install <module>@<version>') },
            { line: 9, column: 56, endColumn: 70, message: unpinned('go', 'github.com/x/y', 'go install <module>@<version>') },
          ],
        },
      ],
    });
  });

  it('accepts versions, local files, requirement and constraint files, VCS refs and modules streams', async () => {
    await new RuleTester(pinPackageVersions).run({
      valid: [
        'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 ./local.deb -t bookworm-backports git=1:2.39.*\n',
        "FROM debian:12\nRUN pip install --no-cache-dir flask==3.0.3 'alabaster>=0.7' . -r requirements.txt git+https://github.com/org/repo.git@v1.2#egg=repo ./dist/pkg.whl\n",
        'FROM debian:12\nRUN pip install -c constraints.txt flask\n',
        'FROM debian:12\nRUN npm install && npm install express@4.19.2 @scope/tool@1.0.0 ./folder git+https://github.com/npm/npm.git#v1.0.27 && npm ci\n',
        'FROM debian:12\nRUN apk add --no-cache --virtual .deps bash=5.2.26-r0 git~2.45 ./pkg.apk\n',
        'FROM debian:12\nRUN gem install bundler:2.5.11 && gem install rails -v 7.1.3\n',
        'FROM debian:12\nRUN yum install -y tomcat-9.0.1 "git-core-${GIT_VER}" && dnf install -y openssl-1:1.1.1k && dnf module install -y nodejs:20\n',
        "FROM debian:12\nRUN zypper install -y httpd=2.4.58 'tomcat>=9' local.rpm\n",
        'FROM debian:12\nRUN go install golang.org/x/tools/cmd/goimports@v0.22.0 ./cmd/... && go build ./...\n',
        'FROM debian:12\nRUN npm run --crazy install\n',
      ],
    });
  });
});
