import { describe, it } from 'vitest';
import { dockerfileRules } from '../../../rules/dockerfile/index.js';
import { RuleTester } from '../../../src/testing.js';

/** Rules that read instructions, words and variables, and so must understand `# escape=\``; off-by-default ones included. */
const RULES = [
  'add-for-archives', 'consecutive-run', 'container-irrelevant-commands', 'copy-ignored-file', 'copy-relative-destination',
  'dnf-hygiene', 'env-self-reference', 'expose-format', 'from-args', 'from-platform-flag', 'instruction-casing',
  'label-key-format', 'legacy-key-value', 'maintainer-deprecated', 'no-copy-whole-stage', 'no-empty-continuation',
  'no-inline-ignore', 'no-sudo', 'numeric-user', 'pin-package-versions', 'single-cmd', 'single-entrypoint',
  'single-healthcheck', 'syntax', 'undefined-var', 'unknown-flag', 'use-shell-instruction', 'useradd-large-uid',
  'wget-and-curl', 'wget-progress', 'yarn-cache-clean', 'yum-hygiene', 'zypper-hygiene',
].map((r) => `dockerfile/${r}`);

const WINDOWS = [
  '# escape=`',
  'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
  'SHELL ["powershell", "-Command", "$ErrorActionPreference = \'Stop\'; $ProgressPreference = \'SilentlyContinue\';"]',
  'ENV APP_HOME=C:\\app `',
  '    DOTNET_CLI_TELEMETRY_OPTOUT=1',
  'WORKDIR C:\\app',
  'COPY app.zip C:\\app\\',
  'RUN Invoke-WebRequest -Uri https://example.com/tools.zip -OutFile tools.zip; `',
  '    Expand-Archive tools.zip -DestinationPath C:\\tools; `',
  '    Remove-Item tools.zip -Force',
  "RUN $env:PATH = 'C:\\tools;' + $env:PATH; `",
  "    [Environment]::SetEnvironmentVariable('PATH', $env:PATH, [EnvironmentVariableTarget]::Machine)",
  'COPY ["config.json", "C:/app/config/"]',
  'COPY a.txt b.txt C:\\app\\data\\',
  'EXPOSE 8080',
  'USER ContainerUser',
  'CMD ["C:\\\\app\\\\app.exe"]',
  '',
].join('\n');

describe('Windows Dockerfiles (# escape=`)', () => {
  it.each(RULES)('%s: backslash paths, backtick continuations, PowerShell RUN bodies and USER names parse and lint without findings', async (id) => {
    const rule = dockerfileRules.find((r) => r.meta.id === id)!;
    await new RuleTester(rule).run({ valid: [{ filename: 'windows.Dockerfile', code: WINDOWS }] });
  });
});
