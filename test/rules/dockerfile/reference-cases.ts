/**
 * What the reference linters assert in their own test suites, for the checks our Dockerfile rules
 * share with them, transcribed as minimal Dockerfiles of our own:
 * - hadolint: `test/Hadolint/Rule/DL*Spec.hs`, one case per `it` (its ONBUILD variants left out:
 *   no rule of ours reads ONBUILD triggers); an `it` with several snippets is one case that holds
 *   for each of them;
 * - checkov: `tests/dockerfile/checks/example_<Check>/{success,failure}*`, one case per file;
 * - KICS: `assets/queries/dockerfile/<query>/test/`, one case per line `positive_expected_result.json`
 *   lists and per negative file (a fixture that packs independent cases into stages is unpacked,
 *   one stage per case);
 * - semgrep: `semgrep-rules/dockerfile/**` (and `generic/dockerfile/**` for the rules only found
 *   there), one case per `# ruleid:` / `# ok:` annotation.
 * A fixture that only repeats an assertion already transcribed (KICS's lower-case copies, the same
 * instruction in another stage) is not repeated. `differs` records a deliberate disagreement and why;
 * `NOT_SHARED` lists reference checks that look alike but assert something else.
 */

export type Tool = 'hadolint' | 'checkov' | 'kics' | 'semgrep';

export interface ReferenceCase {
  tool: Tool;
  /** The reference's check: hadolint code, checkov class, KICS query, semgrep rule id. */
  check: string;
  /** What the reference asserts: a finding, or none. */
  verdict: 'reports' | 'silent';
  /** Our rule for the same semantics. */
  rule: string;
  name: string;
  /** The Dockerfile (or, for an `it` with several snippets, each of them). */
  code: string | string[];
  /** Why we deliberately disagree with the reference on this case. */
  differs?: string;
}

const reports = 'reports' as const;
const silent = 'silent' as const;

function cases(tool: Tool, check: string, rule: string, list: [verdict: 'reports' | 'silent', name: string, code: string | string[], differs?: string][]): ReferenceCase[] {
  return list.map(([verdict, name, code, differs]) => ({ tool, check, rule, verdict, name, code, ...(differs ? { differs } : {}) }));
}

const BUILD_STAGE_ROOT = 'only the final stage\'s USER runs the container (issue 12); a build stage may run as root';
const PIP_ANY_VALUE = 'pip turns its cache off for any valid PIP_NO_CACHE_DIR value, false ones included (pip/_internal/cli/cmdoptions.py, _handle_no_cache_dir)';
const UNKNOWN_BASE_USER = 'the base image is not one the file or the workspace shows, and the stage adds nothing of its own: its user is unknown, not root';
const NOT_A_SERVICE = 'nothing in the file says the image serves anything (no EXPOSE, no server command, no Compose service); issue 12: a CLI tool or base image needs no HEALTHCHECK';
const APT_CLEAN = 'apt-get clean empties /var/cache/apt/archives only; the package lists stay in the layer (hadolint DL3009 agrees)';

const hadolint: ReferenceCase[] = [
  ...cases('hadolint', 'DL3000', 'dockerfile/absolute-workdir', [
    [reports, 'workdir relative', 'WORKDIR relative/dir\n'],
    [silent, 'workdir absolute', 'WORKDIR /usr/local\n'],
    [silent, 'workdir variable', 'WORKDIR ${work}\n'],
    [reports, 'workdir relative single quotes', "WORKDIR 'relative/dir'\n"],
    [silent, 'workdir absolute single quotes', "WORKDIR '/usr/local'\n"],
    [reports, 'workdir relative double quotes', 'WORKDIR "relative/dir"\n'],
    [silent, 'workdir absolute double quotes', 'WORKDIR "/usr/local"\n'],
    [silent, 'workdir variable double quotes', 'WORKDIR "${dir}"\n'],
    [silent, 'workdir absolute windows', "WORKDIR 'C:\\'\n"],
    [silent, 'workdir absolute windows quotes', 'WORKDIR "C:\\"\n'],
    [silent, 'workdir absolute windows alternative', 'WORKDIR C:/\n'],
    [silent, 'workdir absolute windows quotes alternative', 'WORKDIR "C:/"\n'],
  ]),
  ...cases('hadolint', 'DL3002', 'dockerfile/non-root-user', [
    [reports, 'last user should not be root', 'FROM scratch\nUSER root\n'],
    [silent, 'no root', 'FROM scratch\nUSER foo\n'],
    [reports, 'no root UID', 'FROM scratch\nUSER 0\n'],
    [reports, 'no root:root', 'FROM scratch\nUSER root:root\n'],
    [reports, 'no UID:GID', 'FROM scratch\nUSER 0:0\n'],
    [silent, 'can switch back to non root', 'FROM scratch\nUSER root\nRUN something\nUSER foo\n'],
    [reports, 'warns on transitive root user', 'FROM debian as base\nUSER root\nRUN something\nFROM base\nRUN something else\n'],
    [reports, 'warns on multiple stages', 'FROM debian as base\nUSER root\nRUN something\nFROM scratch\nUSER foo\nRUN something else\n', BUILD_STAGE_ROOT],
    [silent, 'does not warn when switching in multiple stages', 'FROM debian as base\nUSER root\nRUN something\nUSER foo\nFROM scratch\nRUN something else\n'],
  ]),
  ...cases('hadolint', 'DL3004', 'dockerfile/no-sudo', [
    [reports, 'sudo', 'RUN sudo apt-get update\n'],
    [silent, 'install sudo', 'RUN apt-get install sudo\n'],
    [reports, 'sudo chained programs', 'RUN apt-get update && sudo apt-get install\n'],
  ]),
  ...cases('hadolint', 'DL3006', 'dockerfile/pinned-base-image', [
    [reports, 'no untagged', 'FROM debian\n'],
    [reports, 'no untagged with name', 'FROM debian AS builder\n'],
    [silent, 'untagged digest is not an error', 'FROM ruby@sha256:f1dbca0f5dbc9\n'],
    [silent, 'a tag is not an error', 'FROM ruby:2\n'],
    [silent, 'using args is not an error', 'FROM ${VALUE}\n'],
    [silent, 'local aliases are OK to be untagged', 'FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM build as unit-test\nRUN bar\nFROM alpine:3.7\nRUN baz\n'],
    [reports, 'other untagged cases are not ok', 'FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM node as unit-test\nRUN bar\nFROM alpine:3.7\nRUN baz\n'],
    [silent, 'scratch', 'FROM scratch\n'],
  ]),
  ...cases('hadolint', 'DL3007', 'dockerfile/pinned-base-image', [
    [reports, 'explicit latest', 'FROM debian:latest\n'],
    [reports, 'explicit latest with name', 'FROM debian:latest AS builder\n'],
    [silent, 'explicit tagged', 'FROM debian:jessie\n'],
    [silent, 'explicit SHA', 'FROM hub.docker.io/debian@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb\n'],
    [silent, 'explicit tagged with name', 'FROM debian:jessie AS builder\n'],
  ]),
  ...cases('hadolint', 'DL3008', 'dockerfile/pin-packages', [
    [reports, 'apt-get version pinning', 'RUN apt-get update && apt-get install python\n'],
    [silent, 'apt-get pinned chained', 'RUN apt-get update \\\n && apt-get -yqq --no-install-recommends install nodejs=0.10 \\\n && rm -rf /var/lib/apt/lists/*\n'],
    [silent, 'apt-get pinned regression', 'RUN apt-get update && apt-get install --no-install-recommends -y \\\npython-demjson=2.2.2* \\\nwget=1.16.1* \\\ngit=1:2.5.0* \\\nruby=1:2.1.*\n'],
    [silent, 'apt-get version', 'RUN apt-get install -y python=1.2.2\n'],
    [silent, 'apt-get local package', 'RUN apt-get install ./wkhtmltox_0.12.5-1.bionic_amd64.deb\n'],
    [silent, 'apt-get pinned', 'RUN apt-get -y --no-install-recommends install nodejs=0.10\n'],
    [silent, 'apt-get tolerate target-release', 'RUN set -e &&\\\n echo "deb http://http.debian.net/debian jessie-backports main" > /etc/apt/sources.list.d/jessie-backports.list &&\\\n apt-get update &&\\\n apt-get install -y --no-install-recommends -t jessie-backports openjdk-8-jdk=8u131-b11-1~bpo8+1 &&\\\n rm -rf /var/lib/apt/lists/*\n'],
  ]),
  ...cases('hadolint', 'DL3009', 'dockerfile/package-cache', [
    [reports, 'apt-get no cleanup', 'FROM scratch\nRUN apt-get update && apt-get install python\n'],
    [silent, 'apt-get cleanup in stage image', 'FROM ubuntu as foo\nRUN apt-get update && apt-get install python\nFROM scratch\nRUN echo hey!\n'],
    [reports, 'apt-get no cleanup in last stage', 'FROM ubuntu as foo\nRUN hey!\nFROM scratch\nRUN apt-get update && apt-get install python\n'],
    [reports, 'apt-get no cleanup in intermediate stage', 'FROM ubuntu as foo\nRUN apt-get update && apt-get install python\nFROM foo\nRUN hey!\n'],
    [silent, 'no warn apt-get cleanup in intermediate stage that cleans lists', 'FROM ubuntu as foo\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\nFROM foo\nRUN hey!\n'],
    [silent, 'no warn apt-get cleanup in intermediate stage when stage not used later', 'FROM ubuntu as foo\nRUN apt-get update && apt-get install python\nFROM scratch\nRUN hey!\n'],
    [silent, 'apt-get cleanup', 'FROM scratch\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\n'],
    [silent, "don't warn: BuildKit cache mount to apt lists directory", 'RUN --mount=type=cache,target=/var/lib/apt/lists \\\n    apt-get update && apt-get install python\n'],
    [silent, "don't warn: BuildKit cache mount to apt directories 1", 'RUN --mount=type=cache,target=/var/lib/apt \\\n    --mount=type=cache,target=/var/cache/apt \\\n    rm -f /etc/apt/apt.conf.d/docker-clean && \\\n    apt-get update && apt-get install python\n'],
    [silent, "don't warn: BuildKit cache mount to apt directories 2", 'RUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/cache/apt \\\n    --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install foo\n'],
    [reports, 'warn: BuildKit cache mount to apt cache directory only', 'RUN --mount=type=cache,target=/var/cache/apt \\\n    rm -f /etc/apt/apt.conf.d/docker-clean && \\\n    apt-get update && apt-get install python\n'],
    [reports, 'warn: BuildKit cache mount to apt lists directory only', 'RUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install python\n'],
  ]),
  ...cases('hadolint', 'DL3013', 'dockerfile/pin-packages', [
    [reports, 'pip2 version not pinned', 'RUN pip2 install MySQL_python\n'],
    [reports, 'pip3 version not pinned', 'RUN pip3 install MySQL_python\n'],
    [silent, 'pip3 version pinned', 'RUN pip3 install MySQL_python==1.2.2\n'],
    [silent, 'pip3 install from local package', ['RUN pip3 install mypkg.whl\n', 'RUN pip3 install mypkg.tar.gz\n']],
    [silent, 'pip install requirements', 'RUN pip install -r requirements.txt\n'],
    [silent, 'pip install requirements with long flag', 'RUN pip install --requirement requirements.txt\n'],
    [silent, 'pip install use setup.py', 'RUN pip install .\n'],
    [reports, 'pip version not pinned', 'RUN pip install MySQL_python\n'],
    [silent, 'pip version pinned', 'RUN pip install MySQL_python==1.2.2\n'],
    [silent, 'pip version pinned with ~= operator', 'RUN pip install MySQL_python~=1.2.2\n'],
    [silent, 'pip version pinned with === operator', 'RUN pip install MySQL_python===1.2.2\n'],
    [silent, 'pip version pinned with flag --ignore-installed', 'RUN pip install --ignore-installed MySQL_python==1.2.2\n'],
    [silent, 'pip version pinned with flag --build', 'RUN pip3 install --build /opt/yamllint yamllint==1.20.0\n'],
    [silent, 'pip version pinned with flag --prefix', 'RUN pip3 install --prefix /opt/yamllint yamllint==1.20.0\n'],
    [silent, 'pip version pinned with flag --root', 'RUN pip3 install --root /opt/yamllint yamllint==1.20.0\n'],
    [silent, 'pip version pinned with flag --target', 'RUN pip3 install --target /opt/yamllint yamllint==1.20.0\n'],
    [silent, 'pip version pinned with flag --trusted-host', 'RUN pip3 install --trusted-host host example==1.2.2\n'],
    [silent, 'pip version pinned with python -m', 'RUN python -m pip install example==1.2.2\n'],
    [reports, 'pip version not pinned with python -m', 'RUN python -m pip install example\n'],
    [silent, 'pip install git', 'RUN pip install git+https://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext\n'],
    [reports, 'pip install unversioned git', 'RUN pip install git+https://github.com/rtfd/read-ext.git#egg=read-ext\n'],
    [silent, 'pip install upper bound', "RUN pip install 'alabaster>=0.7'\n"],
    [silent, 'pip install lower bound', "RUN pip install 'alabaster<0.7'\n"],
    [silent, 'pip install excluded version', "RUN pip install 'alabaster!=0.7'\n"],
    [silent, 'pip install user directory', 'RUN pip install MySQL_python==1.2.2 --user\n'],
    [silent, 'pip install no pip version check', 'RUN pip install MySQL_python==1.2.2 --disable-pip-version-check\n'],
    [silent, 'pip install --index-url', 'RUN pip install --index-url https://eg.com/foo foobar==1.0.0\n'],
    [silent, 'pip install index-url with -i flag', 'RUN pip install --index-url https://eg.com/foo foobar==1.0.0\n'],
    [silent, 'pip install --index-url with --extra-index-url', 'RUN pip install --index-url https://eg.com/foo --extra-index-url https://ex-eg.io/foo foobar==1.0.0\n'],
    [silent, 'pip install no cache dir', 'RUN pip install MySQL_python==1.2.2 --no-cache-dir\n'],
    [silent, 'pip install constraints file - long version argument', 'RUN pip install pykafka --constraint http://foo.bar.baz\n'],
    [silent, 'pip install constraints file - short version argument', 'RUN pip install pykafka -c http://foo.bar.baz\n'],
    [silent, 'pip install --index-url with --extra-index-url with basic auth', 'RUN pip install --index-url https://user:pass@eg.com/foo --extra-index-url https://user:pass@ex-eg.io/foo foobar==1.0.0\n'],
  ]),
  ...cases('hadolint', 'DL3014', 'dockerfile/apt-get-yes', [
    [reports, 'apt-get auto yes', 'RUN apt-get install python\n'],
    [silent, 'apt-get yes shortflag', 'RUN apt-get install -yq python\n'],
    [silent, 'apt-get yes quiet level 2 implies -y', 'RUN apt-get install -qq python\n'],
    [silent, 'apt-get yes different pos', 'RUN apt-get install -y python\n'],
    [silent, 'apt-get with auto yes', 'RUN apt-get -y install python\n'],
    [silent, 'apt-get with auto expanded yes', 'RUN apt-get --yes install python\n'],
    [silent, 'apt-get with assume-yes', 'RUN apt-get --assume-yes install python\n'],
  ]),
  ...cases('hadolint', 'DL3015', 'dockerfile/apt-no-recommends', [
    [silent, 'apt-get install recommends', 'RUN apt-get install --no-install-recommends python\n'],
    [reports, 'apt-get no install recommends', 'RUN apt-get install python\n'],
    [reports, 'apt-get no install recommends (-y)', 'RUN apt-get -y install python\n'],
    [silent, 'apt-get no install recommends via option', 'RUN apt-get -o APT::Install-Recommends=false install python\n'],
  ]),
  ...cases('hadolint', 'DL3018', 'dockerfile/pin-packages', [
    [reports, 'apk add version pinning single', 'RUN apk add flex\n'],
    [silent, 'apk add no version pinning single', 'RUN apk add flex=2.6.4-r1\n'],
    [silent, 'apk add tilde version pinning single', 'RUN apk add --no-cache git~2.52.0\n'],
    [silent, 'apk add version pinned chained', 'RUN apk add --no-cache flex=2.6.4-r1 \\\n && pip install -r requirements.txt\n'],
    [silent, 'apk add version pinned regression', 'RUN apk add --no-cache \\\nflex=2.6.4-r1 \\\nlibffi=3.2.1-r3 \\\npython2=2.7.13-r1 \\\nlibbz2=1.0.6-r5\n'],
    [reports, 'apk add version pinned regression - one missed', 'RUN apk add --no-cache \\\nflex=2.6.4-r1 \\\nlibffi \\\npython2=2.7.13-r1 \\\nlibbz2=1.0.6-r5\n'],
    [silent, 'apk add virtual package', 'RUN apk add \\\n--virtual build-dependencies \\\npython-dev=1.1.1 build-base=2.2.2 wget=3.3.3 \\\n&& pip install -r requirements.txt \\\n&& python setup.py install \\\n&& apk del build-dependencies\n'],
    [silent, 'apk add with repository without equal sign', 'RUN apk add --no-cache \\\n--repository https://nl.alpinelinux.org/alpine/edge/testing \\\nflow=0.78.0-r0\n'],
    [silent, 'apk add with repository with equal sign', 'RUN apk add --no-cache \\\n--repository=https://nl.alpinelinux.org/alpine/edge/testing \\\nflow=0.78.0-r0\n'],
    [silent, 'apk add with repository (-X) without equal sign', 'RUN apk add --no-cache \\\n-X https://nl.alpinelinux.org/alpine/edge/testing \\\nflow=0.78.0-r0\n'],
    [silent, "don't trigger when installing from .apk file", 'RUN apk add mypackage-1.1.1.apk\n'],
  ]),
  ...cases('hadolint', 'DL3019', 'dockerfile/package-cache', [
    [reports, 'apk add without --no-cache', 'RUN apk add flex=2.6.4-r1\n'],
    [silent, 'apk add with --no-cache', 'RUN apk add --no-cache flex=2.6.4-r1\n'],
    [silent, "don't warn: apk add with BuildKit cache mount", 'RUN --mount=type=cache,target=/var/cache/apk apk add -U curl=7.77.0\n'],
    [silent, "don't warn: apk add with BuildKit cache mount in wrong dir and --no-cache", 'RUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0\n'],
    [reports, 'warn: apk add with BuildKit cache mount to wrong dir', 'RUN --mount=type=cache,target=/var/cache/foo apk add -U curl=7.77.0\n'],
  ]),
  ...cases('hadolint', 'DL3020', 'dockerfile/copy-not-add', [
    [silent, 'add for tar', 'ADD file.tar /usr/src/app/\n'],
    [silent, 'add for gzip', 'ADD file.gz /usr/src/app/\n'],
    [silent, 'add for bz2', 'ADD file.bz2 /usr/src/app/\n'],
    [silent, 'add for xz', 'ADD file.xz /usr/src/app/\n'],
    [silent, 'add for tgz', 'ADD file.tgz /usr/src/app/\n'],
    [silent, 'add for url', 'ADD http://file.com /usr/src/app/\n'],
    [reports, 'using add', 'ADD file /usr/src/app/\n'],
    [reports, 'warn for zip', 'ADD file.zip /usr/src/app/\n'],
    [silent, 'add for tgz with quotes', 'ADD "file.tgz" /usr/src/app/\n'],
    [silent, 'add for url with quotes', 'ADD "http://file.com" /usr/src/app/\n'],
    [reports, 'warn for zip with quotes', 'ADD "file.zip" /usr/src/app/\n'],
  ]),
  ...cases('hadolint', 'DL3025', 'dockerfile/exec-form-command', [
    [reports, 'warn on ENTRYPOINT', 'FROM node as foo\nENTRYPOINT something\n'],
    [silent, "don't warn on ENTRYPOINT json notation", 'FROM scratch as build\nENTRYPOINT ["foo", "bar"]\n'],
    [reports, 'warn on CMD', 'FROM node as foo\nCMD something\n'],
    [silent, "don't warn on CMD json notation", 'FROM scratch as build\nCMD ["foo", "bar"]\nCMD [ "foo", "bar" ]\n'],
  ]),
  ...cases('hadolint', 'DL3042', 'dockerfile/package-cache', [
    [reports, 'pip2 --no-cache-dir not used', 'RUN pip2 install MySQL_python\n'],
    [reports, 'pip3 --no-cache-dir not used', 'RUN pip3 install MySQL_python\n'],
    [reports, 'pip --no-cache-dir not used', 'RUN pip install MySQL_python\n'],
    [silent, 'pip2 --no-cache-dir used', 'RUN pip2 install MySQL_python --no-cache-dir\n'],
    [silent, 'pip3 --no-cache-dir used', 'RUN pip3 install --no-cache-dir MySQL_python\n'],
    [silent, 'pip --no-cache-dir used', 'RUN pip install MySQL_python --no-cache-dir\n'],
    [silent, "don't match on pipx", 'RUN pipx install software\n'],
    [silent, "don't match on pipenv", 'RUN pipenv install library\n'],
    [silent, 'respect ENV PIP_NO_CACHE_DIR with truthy values', ['1', 'on', 'yes', 'true'].map((value) => `ENV PIP_NO_CACHE_DIR=${value}\nRUN pip install MySQL_python\n`)],
    [silent, 'respect RUN PIP_NO_CACHE_DIR=... with truthy values', ['1', 'on', 'yes', 'true'].map((value) => `RUN PIP_NO_CACHE_DIR=${value} pip install MySQL_python\n`)],
    [silent, 'respect RUN export PIP_NO_CACHE_DIR=... with truthy values', ['1', 'on', 'yes', 'true'].map((value) => `RUN export PIP_NO_CACHE_DIR=${value} && pip install MySQL_python\n`)],
    [reports, 'respect ENV PIP_NO_CACHE_DIR with falsy values', ['0', 'off', 'no', 'false'].map((value) => `ENV PIP_NO_CACHE_DIR=${value}\nRUN pip install MySQL_python\n`), PIP_ANY_VALUE],
    [reports, 'respect RUN PIP_NO_CACHE_DIR=... with falsy values', ['0', 'off', 'no', 'false'].map((value) => `RUN PIP_NO_CACHE_DIR=${value} pip install MySQL_python\n`), PIP_ANY_VALUE],
    [reports, 'respect RUN export PIP_NO_CACHE_DIR=... with falsy values', ['0', 'off', 'no', 'false'].map((value) => `RUN export PIP_NO_CACHE_DIR=${value} && pip install MySQL_python\n`), PIP_ANY_VALUE],
    [silent, "don't trigger if PIP_NO_CACHE_DIR is inherited", 'FROM debian:buster as base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install six\n'],
    [reports, 'trigger if PIP_NO_CACHE_DIR is not inherited', 'FROM debian:buster as base\nENV PIP_NO_CACHE_DIR=1\nFROM debian:buster\nRUN pip install six\n'],
  ]),
  ...cases('hadolint', 'DL4006', 'dockerfile/pipefail', [
    [reports, 'warn on missing pipefail', 'FROM scratch\nRUN wget -O - https://some.site | wc -l > /number\n'],
    [silent, "don't warn on commands with no pipes", 'FROM scratch as build\nRUN wget -O - https://some.site && wc -l file > /number\n'],
    [silent, "don't warn on commands with pipes and the pipefail option", 'FROM scratch as build\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n'],
    [silent, "don't warn on commands with pipes and the pipefail option 2", 'FROM scratch as build\nSHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n'],
    [silent, "don't warn on commands with pipes and the pipefail option 3", 'FROM scratch as build\nSHELL ["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n'],
    [silent, "don't warn on commands with pipes and the pipefail zsh", 'FROM scratch as build\nSHELL ["/bin/zsh", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n'],
    [silent, "don't warn when bash is invoked via a non-standard absolute path", 'FROM scratch as build\nSHELL ["/usr/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n'],
    [silent, "don't warn when zsh is invoked via a non-standard absolute path", 'FROM scratch as build\nSHELL ["/usr/local/bin/zsh", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n'],
    [silent, "don't warn on powershell", 'FROM scratch as build\nSHELL ["pwsh", "-c"]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n'],
    [reports, 'warns when using plain sh', 'FROM scratch as build\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n'],
    [reports, 'warn on missing pipefail in the next image', 'FROM scratch as build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\nFROM scratch as build2\nRUN wget -O - https://some.site | wc -l file > /number\n'],
    [reports, 'warn on missing pipefail if next SHELL is not using it', 'FROM scratch as build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\nSHELL ["/bin/sh", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n'],
    [silent, 'ignore non posix shells: pwsh', 'FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "pwsh", "-c" ]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n'],
    [silent, 'ignore non posix shells: powershell', 'FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "powershell.exe" ]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n'],
    [silent, 'ignore non posix shells: cmd.exe', 'FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "cmd.exe", "/c" ]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n'],
  ]),
];

/** checkov's examples build on an image called `base`, which no file shows. */
const checkov: ReferenceCase[] = [
  ...cases('checkov', 'AddExists (CKV_DOCKER_4)', 'dockerfile/copy-not-add', [
    [reports, 'failure: ADD of a URL', 'FROM base\nADD http://example.com/package.zip /temp\nUSER me\n', 'ADD of a URL copies no local files (hadolint DL3020); checkov reports every ADD'],
  ]),
  ...cases('checkov', 'ExposePort22 (CKV_DOCKER_1)', 'dockerfile/no-ssh-port', [
    [reports, 'failure: 22 among other ports', 'FROM busybox\nEXPOSE 8080 22\n'],
    [reports, 'failure_tcp', 'FROM busybox\nEXPOSE 22/tcp\n'],
    [silent, 'success', 'FROM busybox\nEXPOSE 8080\n'],
  ]),
  ...cases('checkov', 'HealthcheckExists (CKV_DOCKER_2)', 'dockerfile/healthcheck', [
    [reports, 'failure: no HEALTHCHECK', 'FROM base\nLABEL foo="bar baz"\nUSER me\n', NOT_A_SERVICE],
    [silent, 'success', 'FROM base\nLABEL foo="bar baz"\nUSER me\nHEALTHCHECK CMD curl --fail http://localhost:3000 || exit 1\n'],
  ]),
  ...cases('checkov', 'ReferenceLatestTag (CKV_DOCKER_7)', 'dockerfile/pinned-base-image', [
    [silent, 'success_arg_default_tag', 'ARG BASE_IMAGE=node:18.17.0\nFROM ${BASE_IMAGE}'],
    [silent, 'success_multi_stage_scratch', 'FROM scratch as base\nCOPY test.sh /test.sh\n\nFROM base\nLABEL maintainer=checkov\n'],
    [silent, 'success_multi_stage_platform', 'FROM --platform=$BUILDPLATFORM python:3.11-slim AS build\nCOPY test.sh /test.sh\n\nFROM build as run\nLABEL maintainer=checkov\n'],
    [silent, 'success_multi_stage_capital', 'FROM alpine:3 AS base\nCOPY test.sh /test.sh\n\nFROM base AS build\nLABEL maintainer=checkov\n\nFROM base\n'],
  ]),
  ...cases('checkov', 'SpecifyImageVersion', 'dockerfile/pinned-base-image', [
    [reports, 'failure', 'FROM alpine\nRUN apk add --update py2-pip\nCOPY app.py /usr/src/app/\nEXPOSE 5000\nCMD ["python", "/usr/src/app/app.py"]\n'],
    [silent, 'success', 'FROM alpine:3.14\nRUN apk add --update py2-pip\nCOPY app.py /usr/src/app/\nEXPOSE 5000\nCMD ["python", "/usr/src/app/app.py"]\n'],
  ]),
  ...cases('checkov', 'RootUser (CKV_DOCKER_8)', 'dockerfile/non-root-user', [
    [reports, 'failure', 'FROM base\n\nUSER root\n'],
    [silent, 'success', 'FROM base\n\nUSER root\nCOPY test.sh /test.sh\n\nUSER checkov\n'],
  ]),
  ...cases('checkov', 'UpdateNotAlone (CKV_DOCKER_5)', 'dockerfile/update-alone', [
    [reports, 'failure', 'FROM base\n\nRUN apk update\n'],
    [reports, 'failure: no final newline', 'FROM base\n\nRUN apk update'],
    [silent, 'success', 'FROM base\n\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends foo \\\n && echo gooo\n\nRUN apk update \\\n && apk add --no-cache suuu looo\n\nRUN apk --update add moo\n'],
  ]),
  ...cases('checkov', 'UserExists (CKV_DOCKER_3)', 'dockerfile/non-root-user', [
    [reports, 'failure', 'FROM base\n\nLABEL foo="bar baz"\n', UNKNOWN_BASE_USER],
    [reports, 'failure_no_user', 'FROM base\n\nLABEL foo="bar baz"\n', UNKNOWN_BASE_USER],
    [reports, 'failure_no_gosu_cmd: gosu without a user and a command', 'FROM base\n\nLABEL foo="bar baz"\nCMD ["gosu"]\n'],
    [reports, 'failure_no_gosu_entrypoint', 'FROM base\n\nLABEL foo="bar baz"\nENTRYPOINT ["gosu"]\n'],
    [silent, 'success_gosu: the entrypoint drops privileges', 'FROM base\n\nLABEL foo="bar baz"\nENTRYPOINT ["gosu", "me", "tini", "--", "/bin/sh"]\n'],
    [silent, 'success_user', 'FROM base\n\nLABEL foo="bar baz"\nUSER  me\n'],
  ]),
  ...cases('checkov', 'WorkdirIsAbsolute', 'dockerfile/absolute-workdir', [
    [reports, 'failure', 'FROM alpine:3.5\nWORKDIR /path/to/workdir\nWORKDIR workdir\nCOPY app.py /usr/src/app/\nCMD ["python", "/usr/src/app/app.py"]\n'],
    [reports, 'failure: simple', 'FROM alpine:3.14\n\nWORKDIR workdir\n'],
    [silent, 'success: absolute, Windows and variable paths', 'FROM alpine:3.5\nWORKDIR /path/to/workdir\nWORKDIR /\nWORKDIR c:\\\\windows\nENV DIRPATH=/path\nENV GLASSFISH_ARCHIVE glassfish5\nWORKDIR $DIRPATH/$DIRNAME\nWORKDIR ${GLASSFISH_HOME}/bin\nCMD ["python", "/usr/src/app/app.py"]\n'],
  ]),
  ...cases('checkov', 'SecretsInEnvArg (CKV_DOCKER_1005)', 'dockerfile/no-secrets-in-env', [
    [reports, 'Dockerfile.fail', 'FROM ubuntu:20.04\nENV API_KEY=abcd1234\nENV DB_PASSWORD=mysecretpass\nARG ACCESS_TOKEN=xyz789\n'],
    [silent, 'Dockerfile.pass', 'FROM ubuntu:20.04\nENV APP_ENV=production\nENV LOG_LEVEL=info\nARG BUILD_VERSION=1.0.0\n'],
    [reports, 'Dockerfile.privatekey.fail', 'FROM python:3.10-slim\nENV PRIVATE_KEY="-----BEGIN PRIVATE KEY-----abc123xyz"\n'],
  ]),
];

const kics: ReferenceCase[] = [
  ...cases('kics', 'last_user_is_root', 'dockerfile/non-root-user', [
    ...['root', 'root:root', '0', '0:0', 'root:0', '0:root', 'root:wheel', '0:1000', '000', '00:1000', '+0:wheel', '-0'].map(
      (user): [typeof reports, string, string] => [reports, `USER ${user}`, `FROM alpine:2.6\nUSER ${user}\nRUN npm install\n`],
    ),
    [silent, 'negative1: back to guest', 'FROM alpine:2.6\nUSER root\nRUN npm install\nUSER guest\n'],
    [silent, 'negative2: a builder as root, the final stage as patrick', 'FROM golang:1.16 AS builder\nRUN CGO_ENABLED=0 go build -o app .\nUSER root\n\nFROM alpine:latest\nCOPY --from=builder /go/src/app ./\nCMD ["./app"]\nRUN useradd -ms /bin/bash patrick\nUSER patrick\n'],
    [silent, 'negative4: 1000:0', 'FROM alpine:2.6\nUSER root\nRUN npm install\nUSER 1000:0\n'],
    [silent, 'negative5: guest:root', 'FROM alpine:2.6\nUSER root\nRUN npm install\nUSER guest:root\n'],
    [silent, 'negative6: 01000', 'FROM alpine:2.6\nUSER root\nRUN npm install\nUSER 01000\n'],
  ]),
  ...cases('kics', 'missing_user_instruction', 'dockerfile/non-root-user', [
    [reports, 'positive1', 'FROM python:2.7\nRUN pip install Flask==0.11.1\nRUN useradd -ms /bin/bash patrick\nCOPY --chown=patrick:patrick app /app\nWORKDIR /app\nCMD ["python", "app.py"]\n'],
    [reports, 'positive2: multi-stage, no USER in the final stage', 'FROM golang:1.16 AS builder\nRUN CGO_ENABLED=0 go build -o app .\n\nFROM alpine:latest\nRUN apk --no-cache add ca-certificates\nWORKDIR /root/\nCOPY --from=builder /go/src/app ./\nCMD ["./app"]\n'],
    [silent, 'negative: USER in the app stage, the final stage is scratch', 'FROM python:2.7\nCOPY --chown=patrick:patrick app /app\nUSER patrick\nCMD ["python", "app.py"]\n\nFROM scratch\nCOPY --chown=patrick:patrick app /app\nWORKDIR /app\nCMD ["python", "app.py"]\n'],
    [silent, 'negative2', 'FROM golang:1.16 AS builder\nRUN go build -o app .\n\nFROM alpine:latest\nCOPY --from=builder /go/src/app ./\nCMD ["./app"]\nRUN useradd -ms /bin/bash patrick\n\nUSER patrick\n'],
    [silent, 'negative3', 'FROM python:2.7\nRUN useradd -ms /bin/bash patrick\nCOPY --chown=patrick:patrick app /app\nUSER patrick\nCMD ["python", "app.py"]\n'],
  ]),
  ...cases('kics', 'healthcheck_instruction_missing', 'dockerfile/healthcheck', [
    [reports, 'positive1: EXPOSE 3000', 'FROM node:alpine\nWORKDIR /usr/src/app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nEXPOSE 3000\nCMD ["node","app.js"]'],
    [reports, 'positive2: a binary, no port', 'FROM golang:1.16 AS builder\nRUN go build -o app .\n\nFROM alpine:latest\nCOPY --from=builder /go/src/app ./\nCMD ["./app"]\nUSER patrick\n', NOT_A_SERVICE],
    [silent, 'negative', 'FROM node:alpine\nCOPY . .\nEXPOSE 3000\nHEALTHCHECK CMD curl --fail http://localhost:3000 || exit 1 \nCMD ["node","app.js"]'],
    [silent, 'negative2', 'FROM golang:1.16 AS builder\nRUN go build -o app .\n\nFROM alpine:latest\nCOPY --from=builder /go/src/app ./\nCMD ["./app"]\nUSER patrick\nHEALTHCHECK CMD curl --fail http://localhost:3000 || exit 1 \n'],
  ]),
  ...cases('kics', 'add_instead_of_copy', 'dockerfile/copy-not-add', [
    [reports, 'positive1 line 8: ADD of a build argument', 'FROM openjdk:10-jdk\nARG JAR_FILE\nADD ${JAR_FILE} app.jar\n', 'the source is a build argument without a default: it may be a URL or an archive, so it is unknown'],
    [silent, 'negative: COPY, and ADD of a remote tarball', 'FROM openjdk:10-jdk\nARG JAR_FILE\nCOPY ${JAR_FILE} app.jar\nADD http://source.file/package.file.tar.gz /temp\n'],
  ]),
  ...cases('kics', 'apk_add_using_local_cache_path', 'dockerfile/package-cache', [
    [reports, 'positive2: --update-cache', 'FROM gliderlabs/alpine:3.3\nRUN apk add --update-cache python\nEXPOSE 8080\n'],
    [silent, 'negative: --no-cache', 'FROM gliderlabs/alpine:3.3\nRUN apk add --no-cache python\nEXPOSE 8080\n'],
  ]),
  ...cases('kics', 'apt_get_install_lists_were_not_deleted', 'dockerfile/package-cache', [
    [reports, 'positive: update && install', 'FROM busybox1\nRUN apt-get update && apt-get install --no-install-recommends -y python\n'],
    [reports, 'positive: install alone', 'FROM busybox2\nRUN apt-get install python\n'],
    [reports, 'positive: lists removed in a later RUN', 'FROM busybox3\nRUN apt-get update && apt-get install --no-install-recommends -y python\nRUN rm -rf /var/lib/apt/lists/*\n'],
    [reports, 'positive: lists removed and cleaned in later RUNs', 'FROM busybox4\nRUN apt-get update && apt-get install --no-install-recommends -y python\nRUN rm -rf /var/lib/apt/lists/*\nRUN apt-get clean\n'],
    [reports, 'positive2: set -eux; ...; install', 'FROM busybox5\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends package=0.0.0\n'],
    [silent, 'negative1: clean and remove lists', 'FROM busyboxneg1\nRUN apt-get update && apt-get install --no-install-recommends -y python \\\n  && apt-get clean \\\n  && rm -rf /var/lib/apt/lists/*\n'],
    [silent, 'negative1: apt-get clean only', 'FROM busyboxneg2\nRUN apt-get update && apt-get install --no-install-recommends -y python && apt-get clean\n', APT_CLEAN],
    [silent, 'negative1: remove lists', 'FROM busyboxneg4\nRUN apt-get update && apt-get install --no-install-recommends -y python \\\n  && rm -rf /var/lib/apt/lists/*\n'],
    [silent, 'negative2: ;-separated clean and remove', 'FROM busyboxneg5\nRUN apt-get update; \\\n  apt-get install --no-install-recommends -y python; \\\n  apt-get clean; \\\n  rm -rf /var/lib/apt/lists/*\n'],
    [silent, 'negative2: ;-separated clean only', 'FROM busyboxneg6\nRUN apt-get update; \\\n  apt-get install --no-install-recommends -y python; \\\n  apt-get clean\n', APT_CLEAN],
    [silent, 'negative2: set -eux and remove', 'FROM busyboxneg7\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends package=0.0.0; \\\n\trm -rf /var/lib/apt/lists/*\n'],
  ]),
  ...cases('kics', 'apt_get_install_pin_version_not_defined', 'dockerfile/pin-packages', [
    [reports, 'positive: install python', 'FROM busybox\nRUN apt-get install python\n'],
    [reports, 'positive: exec form', 'FROM busybox\nRUN ["apt-get", "install", "python"]\n'],
    [reports, 'positive: -t python', 'FROM busybox2\nRUN apt-get install -y -t python\n', '-t takes the target release, so `python` names a release and no package is installed'],
    [reports, 'positive: a list after update &&', 'FROM busybox3\nRUN apt-get update && apt-get install -y \\\n    python-qt4 \\\n    python-pyside \\\n    python-pip \\\n    python3-pip \\\n    python3-pyqt5\n'],
    [reports, 'positive2: a list after update ;', 'FROM busybox6\nRUN apt-get update ; \\\n    apt-get install -y \\\n    python-qt4 \\\n    python-pyside \\\n    python-pip \\\n    python3-pip \\\n    python3-pyqt5\n'],
    [silent, 'negative: pinned, and a PowerShell RUN', 'FROM busybox\nRUN apt-get install python=2.7\nRUN ["pwsh.exe", "-NoLogo", "-Command", "vcpkg integrate install"]\n'],
    [silent, 'negative2: -t python=2.7', 'FROM busyboxneg3\nRUN apt-get install -y -t python=2.7\n'],
    [silent, 'negative2: a pinned list', 'FROM busyboxneg4\nRUN apt-get update; \\\n    apt-get install -y \\\n    python-qt4=4.11 \\\n    python-pyside=6.0.1 \\\n    python-pip=1.0.2 \\\n    python3-pip=1.0 \\\n    python3-pyqt5=5\n'],
    [silent, 'negative3: pinned, then other commands', 'FROM busybox\nRUN apt-get install python=2.7 ; echo "A" && echo "B"'],
  ]),
  ...cases('kics', 'apt_get_missing_flags_to_avoid_manual_input', 'dockerfile/apt-get-yes', [
    [reports, 'positive4: exec form, sudo, -q', 'FROM node:12\nRUN ["sudo", "apt-get", "-q" ,"install", "apt-utils"]\n'],
    [reports, 'positive4: sudo, -q', 'FROM node:12\nRUN sudo apt-get -q install apt-utils\n'],
    [reports, 'positive5: exec form, sudo, --quiet', 'FROM node:12\nRUN ["sudo", "apt-get", "--quiet", "install", "apt-utils"] \n'],
    [reports, 'positive5: sudo, --quiet', 'FROM node:12\nRUN sudo apt-get --quiet install apt-utils'],
    [reports, 'positive6: exec form, --quiet', 'FROM node:12\nRUN ["apt-get", "--quiet" ,"install", "apt-utils"] '],
    [reports, 'positive7: exec form, -q', 'FROM node:12\nRUN ["apt-get", "-q", "install", "apt-utils"] '],
    [reports, 'positive8: no flag, lower-case keywords', 'from node:12\nrun apt-get install python=2.7\nrun ["apt-get", "install", "apt-utils"]\n'],
    [silent, 'negative1: -y, -qy, exec -y, PowerShell', 'FROM node:12\nRUN apt-get -y install apt-utils\nRUN apt-get -qy install git gcc\nRUN ["apt-get", "-y", "install", "apt-utils"]\nRUN ["pwsh.exe", "-NoLogo", "-Command", "vcpkg integrate install"]\n'],
    [silent, 'negative3: --yes', 'FROM node:12\nRUN apt-get --yes install apt-utils\nRUN ["sudo", "apt-get", "--yes" ,"install", "apt-utils"]\n'],
    [silent, 'negative4: -qq', 'FROM node:12\nRUN sudo apt-get -qq install apt-utils\nRUN ["apt-get", "-qq", "install", "apt-utils"] \n'],
    [silent, 'negative5: --assume-yes', 'FROM node:12\nRUN apt-get --assume-yes install apt-utils\nRUN ["sudo", "apt-get", "--assume-yes", "install", "apt-utils"] \n'],
    [silent, 'negative6: -q=2', 'FROM node:12\nRUN sudo apt-get -q=2 install apt-utils\nRUN ["apt-get", "-q=2", "install", "apt-utils"]'],
    [silent, 'negative7: --quiet --quiet', 'FROM node:12\nRUN apt-get --quiet --quiet install sl\nRUN ["apt-get", "--quiet", "--quiet" ,"install", "apt-utils"] \n'],
    [silent, 'negative8: -q -q', 'FROM node:12\nRUN apt-get -q -q install sl\nRUN ["apt-get", "-q", "-q", "apt-utils"]\n'],
  ]),
  ...cases('kics', 'apt_get_not_avoiding_additional_packages', 'dockerfile/apt-no-recommends', [
    [reports, 'positive line 2', 'from node:12\nrun apt-get install apt-utils\n'],
    [reports, 'positive line 3: exec form', 'from node:12\nrun ["apt-get", "install", "apt-utils"]'],
    [silent, 'negative2', 'from node:12\nrun apt-get --no-install-recommends install apt-utils\nrun ["apt-get", "apt::install-recommends=false", "install", "apt-utils"]\n\n'],
  ]),
  ...cases('kics', 'exposing_port_22', 'dockerfile/no-ssh-port', [
    [reports, 'positive1', 'FROM gliderlabs/alpine:3.3\nRUN apk --no-cache add nginx\nEXPOSE 3000 80 443 22\nCMD ["nginx", "-g", "daemon off;"]\n'],
    [silent, 'negative', 'FROM gliderlabs/alpine:3.3\nRUN apk --no-cache add nginx\nEXPOSE 80\nCMD ["nginx", "-g", "daemon off;"]\n'],
  ]),
  ...cases('kics', 'image_version_not_explicit', 'dockerfile/pinned-base-image', [
    [reports, 'positive: FROM alpine', 'FROM alpine\nRUN apk add --update py2-pip\nEXPOSE 5000\nCMD ["python", "/usr/src/app/app.py"] '],
    [reports, 'positive2: an image that is not a stage', 'FROM ubuntu:22.04 AS test\nRUN echo "hello"\n\nFROM test AS build\nRUN echo "build"\n\nFROM construction AS final\nRUN echo "final"'],
    [reports, 'positive3: two untagged images', 'FROM ubuntu:22.04 AS test\nRUN echo "hello"\n\nFROM positive4 \nRUN echo "positive4"\n\nFROM positive42\nRUN echo "positive42"'],
    [reports, 'positive4: stages named only later are images', 'FROM ubuntu:22.04 AS test1\nRUN echo "depth"\n\nFROM test1 AS test2\nRUN echo "depth"\n\nFROM test_fail_1\nRUN echo "depth"\n\nFROM test3 AS test_fail_2\nRUN echo "depth"\n\nFROM test2 AS test3\nRUN echo "depth"\n\nFROM test3 AS test_fail_1\nRUN echo "depth"'],
    [silent, 'negative: alpine:3.5', 'FROM alpine:3.5\nRUN apk add --update py2-pip\nCMD ["python", "/usr/src/app/app.py"] '],
    [silent, 'negative1: FROM an ARG declared inside a stage', 'FROM alpine:3.5\nRUN apk add --update py2-pip\nARG IMAGE=alpine:3.12\nFROM $IMAGE\nCMD ["python", "/usr/src/app/app.py"]\n'],
    [silent, 'negative2: stages built on stages', 'FROM ubuntu:22.04 AS test\nRUN echo "hello"\n\nFROM test AS build\nRUN echo "build"\n\nFROM build AS final\nRUN echo "final"'],
    [silent, 'negative3: a digest', 'FROM ubuntu@sha256:b59d21599a2b151e23eea5f6602f4af4d7d31c4e236d22bf0b62b86d2e386b8f as base\nRUN echo "base"\n\nFROM base\nRUN echo "stage1"\n'],
    [silent, 'negative4: a chain of stages', 'FROM ubuntu:22.04 AS test1\nRUN echo "depth1"\n\nFROM test1 AS test2\nRUN echo "depth2"\n\nFROM test2 AS test3\nRUN echo "depth3"\n\nFROM test3 AS test4\nRUN echo "depth4"\n\nFROM test4 \nRUN echo "depth5"'],
  ]),
  ...cases('kics', 'image_version_using_latest', 'dockerfile/pinned-base-image', [
    [reports, 'positive1', 'FROM alpine:latest\nRUN apk add --update py2-pip\nEXPOSE 5000\nCMD ["python", "/usr/src/app/app.py"]'],
    [silent, 'negative: a version, and latest with a digest', 'FROM alpine:3.5\nRUN apk add --update py2-pip\n\nFROM 923847651029.dkr.ecr.eu-west-1.amazonaws.com/echo/echo-fips:latest@sha256:a1f3c2e9b0d74682f5a3c1e8b2d09f47c6e1a3b8d2f04c7e9a1b3d5f7c2e4a6b8\nRUN apk add --update py2-pip\n'],
  ]),
  ...cases('kics', 'not_using_json_in_cmd_and_entrypoint_arguments', 'dockerfile/exec-form-command', [
    [reports, 'positive: CMD with a bracketed list that is not JSON', 'FROM alpine:3.5\nEXPOSE 5000\nCMD [python, /usr/src/app/app.py] \n'],
    [reports, 'positive: ENTRYPOINT with a bracketed list that is not JSON', 'FROM alpine:3.5\nENTRYPOINT [top, -b]'],
    [silent, 'negative1', 'FROM alpine:3.5\nCMD ["python", "/usr/src/app/app.py"] \nENTRYPOINT ["top", "-b"]'],
    [silent, 'negative2: only a build stage has them', 'FROM golang:1.16 AS builder\nRUN go build -o app .\nCMD [python, /usr/src/app/app.py] \nENTRYPOINT [top, -b]\n\nFROM alpine:latest  \nCOPY --from=builder /go/src/app ./\nCMD ["./app"]\nUSER patrick\n'],
  ]),
  ...cases('kics', 'pip_install_keeping_cached_packages', 'dockerfile/package-cache', [
    [reports, 'positive line 2: a chain of installs', 'FROM python:3\nRUN pip install --upgrade pip && \\\n    pip install nibabel pydicom matplotlib pillow && \\\n    pip install med2image\nCMD ["cat", "/etc/os-release"]\n'],
    [reports, 'positive line 8', 'FROM python:3.1\nRUN pip install --upgrade pip\n'],
    [reports, 'positive line 9: python -m pip', 'FROM python:3.1\nRUN python -m pip install nibabel pydicom matplotlib pillow\n'],
    [reports, 'positive line 10: pip3', 'FROM python:3.1\nRUN pip3 install requests=2.7.0\n'],
    [reports, 'positive line 11: exec form', 'FROM python:3.1\nRUN ["pip3", "install", "requests=2.7.0"]\n'],
    [silent, 'negative', 'FROM python:3\nRUN pip install --no-cache-dir --upgrade pip && \\\n    pip install --no-cache-dir nibabel pydicom matplotlib pillow && \\\n    pip install --no-cache-dir med2image\nCMD ["cat", "/etc/os-release"]'],
    [silent, 'negative1: pip3 and the exec form', 'FROM python:3\nRUN pip3 install --no-cache-dir requests=2.7.0\nRUN ["pip3", "install", "requests=2.7.0", "--no-cache-dir"]\n'],
  ]),
  ...cases('kics', 'run_using_sudo', 'dockerfile/no-sudo', [
    [reports, 'positive: sudo pip', 'FROM alpine:3.5\nRUN apk add --update py2-pip\nRUN sudo pip install --upgrade pip\n'],
    [reports, 'positive4: sudo apt-get', 'FROM alpine:3.5\nRUN sudo apt-get install -y vim'],
    [reports, 'positive5: exec form', 'FROM alpine:3.5\nRUN ["sudo", "pip", "install", "--upgrade", "pip"]\nRUN ["sudo", "apt-get", "install", "-y", "vim"]'],
    [silent, 'negative', 'FROM alpine:3.5\nRUN apk add --update py2-pip\nRUN pip install --upgrade pip\n'],
    [silent, 'negative1: installing sudo', 'FROM alpine:3.5\nRUN pip install --upgrade pip\nRUN apt-get install sudo\n'],
    [silent, 'negative3: exec form without sudo', 'FROM alpine:3.5\nRUN ["pip", "install", "--upgrade", "pip"]\n'],
  ]),
  ...cases('kics', 'shell_running_a_pipe_without_pipefail_flag', 'dockerfile/pipefail', [
    [reports, 'positive line 2: zsh output piped', 'from node:12\nrun zsh ./some_output | ./some_script\n'],
    [reports, 'positive line 3: a "|" argument in the exec form', 'from node:12\nrun [ "/bin/bash", "./some_output", "|", "./some_script" ]', 'the exec form runs no shell: "|" is an argument of bash\'s script, not a pipe'],
    [silent, 'negative1: a pipe in a RUN that names no shell', 'FROM node:12\nRUN pwsh SOME_CMD | SOME_OTHER_CMD\n', 'the RUN runs under /bin/sh without pipefail whatever program it starts, so a failing pwsh goes unnoticed (hadolint DL4006 agrees)'],
    [silent, 'negative1: zsh with pipefail', 'FROM node:12\nSHELL [ "zsh", "-o","pipefail" ]\nRUN zsh ./some_output | ./some_script\nSHELL [ "/bin/bash", "-o","pipefail" ]\nRUN [ "/bin/bash", "./some_output", "./some_script" ]\n'],
  ]),
  ...cases('kics', 'unpinned_package_version_in_apk_add', 'dockerfile/pin-packages', [
    [reports, 'positive line 2: --update', 'FROM alpine:3.9\nRUN apk add --update py-pip\n'],
    [reports, 'positive line 13: two installs', 'FROM alpine:3.7\nRUN apk add py-pip && apk add tea\n'],
    [reports, 'positive line 14: install and clean', 'FROM alpine:3.7\nRUN apk add py-pip \\\n    && rm -rf /tmp/*\n'],
    [reports, 'positive line 16: --dir', 'FROM alpine:3.7\nRUN apk add --dir /dir libimagequant \\\n    && minidlna\n'],
    [reports, 'positive1 line 18: exec form', 'FROM alpine:3.7\nRUN ["apk", "add", "py-pip"]\n'],
    [silent, 'negative', 'FROM alpine:3.4\nRUN apk add --update py-pip=7.1.2-r0\n\nFROM alpine:3.1\nRUN apk add py-pip=7.1.2-r0\n'],
    [silent, 'negative2: --virtual, ==, exec form', 'FROM alpine:3.1\nRUN apk add --virtual .test py-pip=7.1.2-r0\nRUN apk --quiet --update --no-cache add libstdc++==11.2.1_git20220219-r2\nRUN ["apk", "add", "--virtual .test", "py-pip=7.1.2-r0"]\n'],
  ]),
  ...cases('kics', 'unpinned_package_version_in_pip_install', 'dockerfile/pin-packages', [
    [reports, 'positive line 3: --user pip', 'FROM alpine:3.9\nRUN pip install --user pip\n'],
    [reports, 'positive line 4: exec form', 'FROM alpine:3.9\nRUN ["pip", "install", "connexion"]\n'],
    [reports, 'positive line 15', 'FROM alpine:3.7\nRUN pip install connexion\n'],
    [reports, 'positive3: index options', 'FROM python:3.12-slim\n\nRUN pip install --no-cache-dir --index-url https://example.com/simple --trusted-host example.com flask\n'],
    [reports, 'positive4: exec form with an option', 'FROM python:3.12-slim\n\nRUN ["pip", "install", "--no-cache-dir", "requests"]\n'],
    [silent, 'negative: name=version', 'FROM alpine:3.4\nRUN sudo pip install --upgrade pip=20.3 connexion=2.7.0\nRUN pip3 install requests=2.7.0\n'],
    [silent, 'negative2: -r', 'FROM alpine:3.4\nRUN pip3 install -r pip_requirements.txt\n'],
    [silent, 'negative3: -c', 'FROM alpine:3.4\nRUN pip3 install -c constraints.txt\n'],
    [silent, 'negative4: pinned lists with index options', 'FROM python:3.12-slim\n\nRUN pip install \\\n    --no-cache-dir \\\n    --index-url https://example.com/simple \\\n    --trusted-host example.com \\\n    requests==2.28.0 \\\n    flask==2.3.0\n\nFROM python:3.11-slim\n\nRUN pip3 install --no-cache-dir --index-url https://example.com/simple --trusted-host example.com numpy==1.24.0\n'],
    [silent, 'negative5', 'FROM python:3.12-slim\n\nRUN pip install --no-cache-dir --index-url https://example.com/simple --trusted-host example.com flask==2.3.0\n'],
    [silent, 'negative6: exec form', 'FROM python:3.12-slim\n\nRUN ["pip", "install", "--no-cache-dir", "requests==2.28.0"]\n\nRUN ["pip", "install", "--trusted-host", "example.com", "requests==2.28.0"]'],
  ]),
  ...cases('kics', 'update_instruction_alone', 'dockerfile/update-alone', [
    [reports, 'positive: apt-get update, install in the next RUN', 'FROM ubuntu:18.04\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends mysql-client \\\n    && rm -rf /var/lib/apt/lists/*\nENTRYPOINT ["mysql"]\n'],
    [reports, 'positive3: apt', 'FROM debian:latest\nRUN apt update\nRUN apt install nginx\n\nCMD ["nginx", "-g", "daemon off;"]'],
    [reports, 'positive7: apt-get and a trailing apk update', 'FROM ubuntu:18.04\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends mysql-client \\\n    && rm -rf /var/lib/apt/lists/*\nRUN apk update\nENTRYPOINT ["mysql"]'],
    [reports, 'positive8: apk', 'from alpine:latest\nrun apk update\nrun apk add nginx\n\ncmd ["nginx", "-g", "daemon off;"]'],
    [silent, 'negative', 'FROM ubuntu:18.04\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends mysql-client \\\n    && rm -rf /var/lib/apt/lists/*\nENTRYPOINT ["mysql"]\n'],
    [silent, 'negative2', 'FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y netcat \\\n    apt-get update && apt-get install -y supervisor\nENTRYPOINT ["mysql"]\n'],
    [silent, 'negative5: a trailing apk update', 'FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y --no-install-recommends mysql-client \\\n    && rm -rf /var/lib/apt/lists/*\nRUN apk update\nENTRYPOINT ["mysql"]\n', 'a RUN that only refreshes the index leaves a layer that is stale for every later install, here or in an image built on this one (checkov UpdateNotAlone agrees)'],
    [silent, 'negative7: update and a command that is not a package manager', 'FROM debian:latest\nRUN apt update && install nginx\n\nCMD ["nginx", "-g", "daemon off;"]', '`install` is coreutils install, not apt: nothing in the RUN uses the index it refreshes'],
    [silent, 'negative10: apk update && add, --update-cache, -U', 'FROM alpine:latest\nRUN apk update && apk add nginx\nRUN apk --update-cache add vim\nRUN apk -U add nano\n\nCMD ["nginx", "-g", "daemon off;"]'],
    [silent, 'negative12', 'from ubuntu:18.04\nrun apt-get update \\\n    && apt-get install -y --no-install-recommends mysql-client \\\n    && rm -rf /var/lib/apt/lists/*\nrun apk update \\\n    && apk add --no-cache git ca-certificates\nrun apk --update add easy-rsa\nentrypoint ["mysql"]\n'],
  ]),
  ...cases('kics', 'workdir_path_not_absolute', 'dockerfile/absolute-workdir', [
    [reports, 'positive', 'FROM alpine:3.5\nWORKDIR /path/to/workdir\nWORKDIR workdir\nCMD ["python", "/usr/src/app/app.py"]'],
    [silent, 'negative: Windows and variable paths', 'FROM alpine:3.5\nWORKDIR /path/to/workdir\nWORKDIR c:\\\\windows\nENV DIRPATH=/path\nENV GLASSFISH_ARCHIVE glassfish5\nWORKDIR $DIRPATH/$DIRNAME\nWORKDIR ${GLASSFISH_HOME}/bin\nCMD ["python", "/usr/src/app/app.py"]\n'],
    [silent, 'negative1: quoted and root', 'FROM alpine:3.5\nWORKDIR /path/to/workdir\nWORKDIR "/path/to/workdir"\nWORKDIR /\nWORKDIR c:\\\\windows\nCMD ["python", "/usr/src/app/app.py"]\n'],
  ]),
  ...cases('kics', 'env_instruction_has_secret', 'dockerfile/no-secrets-in-env', [
    [reports, 'positive line 2', 'FROM python:3.11-slim\nENV APP_SECRET=my_super_secret_value\n'],
    [reports, 'positive line 3', 'FROM python:3.11-slim\nENV DATABASE_PASSWORD=s3cr3t123\n'],
    [reports, 'positive line 4', 'FROM python:3.11-slim\nENV API_KEY=AKIAIOSFODNN7EXAMPLE\n'],
    [silent, 'negative: values from variables', 'FROM python:3.11-slim\nENV APP_SECRET=${APP_SECRET}\nENV DATABASE_PASSWORD=$DB_PASS\nENV LOG_LEVEL=info\nENV PORT=8080\n'],
  ]),
  ...cases('kics', 'secrets_env', 'dockerfile/no-secrets-in-env', [
    [reports, 'positive line 4', 'FROM golang:1.7.3\nENV admin_password 123123\n'],
    [reports, 'positive line 5', 'FROM golang:1.7.3\nARG access=45r3345\n', '`access` names no secret: KICS matches the word anywhere in the instruction'],
  ]),
];

const semgrep: ReferenceCase[] = [
  ...cases('semgrep', 'last-user-is-root', 'dockerfile/non-root-user', [
    [reports, 'ruleid', 'FROM busybox\nRUN pip3 install semgrep\nUSER swuser\nUSER root\n\nUSER user1\nUSER root\n'],
  ]),
  ...cases('semgrep', 'missing-user', 'dockerfile/non-root-user', [
    [reports, 'ruleid: CMD without USER', 'FROM busybox\n#USER notroot\nRUN git clone https://github.com/returntocorp/semgrep\nRUN pip3 install semgrep\nHEALTHCHECK --interval=30s --timeout=30s --start-period=5s --retries=3 \\\n  CMD [ "curl" ]\nCMD semgrep --config localfile targets'],
    [reports, 'ruleid (missing-user-entrypoint-cmd): ENTRYPOINT and CMD without USER', 'FROM busybox\n#USER notroot\nRUN pip3 install semgrep\nENTRYPOINT semgrep -f p/xss\nCMD "--oss-only"'],
  ]),
  ...cases('semgrep', 'missing-user-entrypoint', 'dockerfile/non-root-user', [
    [reports, 'ruleid: ENTRYPOINT without USER', 'FROM busybox\n#USER notroot\nRUN pip3 install semgrep\nENTRYPOINT semgrep -f p/xss\n'],
  ]),
  ...cases('semgrep', 'no-sudo-in-dockerfile', 'dockerfile/no-sudo', [
    [silent, 'ok: upgrade', 'FROM ubuntu:20.04\nRUN apt-get update && apt-get upgrade -y\n'],
    [silent, 'ok: installing sudo', 'FROM ubuntu:20.04\nRUN apt-get install -y sudo\n'],
    [reports, 'ruleid', 'FROM ubuntu:20.04\nRUN apt-get install -y sudo\nRUN useradd -ms /bin/bash newuser\nRUN echo "newuser ALL=(ALL:ALL) NOPASSWD:ALL" >> /etc/sudoers\nUSER newuser\nRUN sudo apt-get install -y curl\nCMD ["echo", "Hello, Docker!"]\n'],
  ]),
  ...cases('semgrep', 'secret-in-build-arg', 'dockerfile/no-secrets-in-env', [
    ...['BASE_IMG=rust', 'BASE_TAG=latest'].map((arg): [typeof silent, string, string] => [silent, `ok: global ARG ${arg}`, `ARG ${arg}\nFROM rust:1.80\n`]),
    ...['environment', 'BUILD_PACKAGES="ruby-dev build-base curl-dev git openssl bash"', 'DEV_PACKAGES="postgresql-dev"', 'RUBY_PACKAGES="tzdata"', 'NAME_IS_OK="secret password token key"'].map(
      (arg): [typeof silent, string, string] => [silent, `ok: ARG ${arg}`, `FROM rust:1.80\nARG ${arg}\n`],
    ),
    ...['SECRET_KEY_BASE', 'SECRET_TOKEN', 'AUTH_TOKEN="this-is-a-secret"', 'SSH_PRIVATE_KEY', 'CERT_PASSWORD', 'DJANGO_SECRET_KEY', 'NEXUS_PASSWORD', 'nexus_password'].map(
      (arg): [typeof reports, string, string] => [reports, `ruleid: ARG ${arg}`, `FROM rust:1.80\nARG ${arg}\n`],
    ),
  ]),
  ...cases('semgrep', 'avoid-latest-version', 'dockerfile/pinned-base-image', [
    ...['debian:latest', 'myregistry.local/testing/test-image:latest', 'debian:latest as blah', 'myregistry.local/testing/test-image:latest as blah'].map(
      (from): [typeof reports, string, string] => [reports, `ruleid: FROM ${from}`, `FROM ${from}\n`],
    ),
    ...['debian:jessie', 'myregistry.local/testing/test-image:42ee222', 'debian:jessie as blah2', 'myregistry.local/testing/test-image:2a4af68 as blah2'].map(
      (from): [typeof silent, string, string] => [silent, `ok: FROM ${from}`, `FROM ${from}\n`],
    ),
  ]),
  ...cases('semgrep', 'missing-image-version', 'dockerfile/pinned-base-image', [
    ...['debian', 'nixos/nix', 'debian AS blah', 'nixos/nix AS build', '--platform=linux/amd64 debian', '--platform=linux/amd64 debian as name'].map(
      (from): [typeof reports, string, string] => [reports, `ruleid: FROM ${from}`, `FROM ${from}\n`],
    ),
    ...[
      'debian:jessie',
      'nixos/nix:2.7.0',
      'debian:jessie AS blah',
      'nixos/nix:2.7.0 AS build',
      '--platform=linux/amd64 debian:jessie',
      '--platform=linux/amd64 debian:jessie as name',
      'python:3.10.1-alpine3.15@sha256:4be65b406f7402b5c4fd5df7173d2fd7ea3fdaa74d9c43b6ebd896197a45c448',
      'python@sha256:4be65b406f7402b5c4fd5df7173d2fd7ea3fdaa74d9c43b6ebd896197a45c448',
      'python:3.10.1-alpine3.15@sha256:4be65b406f7402b5c4fd5df7173d2fd7ea3fdaa74d9c43b6ebd896197a45c448 as name',
      'python@sha256:4be65b406f7402b5c4fd5df7173d2fd7ea3fdaa74d9c43b6ebd896197a45c448 AS name',
      '--platform=linux/amd64 python:3.10.1-alpine3.15@sha256:4be65b406f7402b5c4fd5df7173d2fd7ea3fdaa74d9c43b6ebd896197a45c448 as name',
      '--platform=linux/amd64 python@sha256:4be65b406f7402b5c4fd5df7173d2fd7ea3fdaa74d9c43b6ebd896197a45c448 AS name',
      'scratch',
    ].map((from): [typeof silent, string, string] => [silent, `ok: FROM ${from}`, `FROM ${from}\n`]),
  ]),
  ...cases('semgrep', 'missing-apk-no-cache', 'dockerfile/package-cache', [
    [reports, 'ruleid: update, add and rm -rf /var/cache/apk', 'FROM alpine:3.7\nRUN apk update \\\n    && apk add foo=1.0 \\\n    && rm -rf /var/cache/apk/*\n', 'the RUN removes the index from /var/cache/apk itself, so the layer holds no cache; --no-cache is the shorter way, not a fix'],
    [reports, 'ruleid: add --update and rm -rf /var/cache/apk', 'FROM alpine:3.7\nRUN apk add --update foo=1.0 \\\n    && rm -rf /var/cache/apk/*\n', 'the RUN removes the index from /var/cache/apk itself, so the layer holds no cache; --no-cache is the shorter way, not a fix'],
    [silent, 'ok: --no-cache', 'FROM alpine:3.7\nRUN apk add --no-cache foo=1.0\n'],
    [silent, 'ok: --no-cache --update', 'FROM alpine:3.7\nRUN apk add --no-cache --update foo=1.0\n'],
    [silent, 'ok: --update --no-cache', 'FROM alpine:3.7\nRUN apk add --update --no-cache foo=1.0\n'],
    [reports, 'ruleid: --virtual', 'FROM alpine:3.7\nRUN apk add --virtual .build-deps \\\ngcc \\\nfreetype-dev \\\nmusl-dev\n'],
    [silent, 'ok: --no-cache --virtual', 'FROM alpine:3.7\nRUN apk add --no-cache --virtual .build-deps \\\ngcc \\\nfreetype-dev \\\nmusl-dev\n'],
    [silent, 'ok: apk --no-cache add', 'FROM alpine:3.7\nRUN apk --no-cache add'],
  ]),
  ...cases('semgrep', 'missing-no-install-recommends', 'dockerfile/apt-no-recommends', [
    [reports, 'ruleid: pinned, no flag', 'FROM debian\nRUN apt-get install semgrep=0.30.0\n'],
    [reports, 'ruleid: -y, no flag', 'FROM debian\nRUN apt-get install -y python=2.7 semgrep\n'],
    [silent, 'ok: flag after the package', 'FROM debian\nRUN apt-get install semgrep --no-install-recommends\n'],
    [silent, 'ok: flag after the package, then -y', 'FROM debian\nRUN apt-get install semgrep --no-install-recommends -y\n'],
    [silent, 'ok: flag first', 'FROM debian\nRUN apt-get install --no-install-recommends semgrep\n'],
    [silent, 'ok: flag and -y', 'FROM debian\nRUN apt-get install --no-install-recommends -y python=2.7 semgrep\n'],
    [silent, 'ok: -y and flag', 'FROM debian\nRUN apt-get install -y --no-install-recommends python=2.7\n'],
    [silent, 'ok: a list after update', 'FROM debian\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n    python3 \\\n    git \\\n    && apt-get clean \\\n    && rm -rf /var/lib/apt/lists/*\n'],
    [reports, 'ruleid: a list without the flag', 'FROM debian\nRUN apt-get update \\\n    && apt-get install \\\n    python3 \\\n    git \\\n    && apt-get clean \\\n    && rm -rf /var/lib/apt/lists/*\n'],
    [reports, 'ruleid: --assume-yes, no flag', 'FROM debian\nRUN apt-get update \\\n    && apt-get install --assume-yes \\\n    python3 \\\n    git \\\n    && apt-get clean \\\n    && rm -rf /var/lib/apt/lists/*\n'],
  ]),
  ...cases('semgrep', 'missing-pip-no-cache-dir', 'dockerfile/package-cache', [
    [reports, 'ruleid: pip install', 'FROM python\nRUN pip install MySQL_python\n'],
    [reports, 'ruleid: python -m pip', 'FROM python\nRUN python -m pip install MySQL_python\n'],
    [reports, 'ruleid: python3 -m pip', 'FROM python\nRUN python3 -m pip install MySQL_python\n'],
    [reports, 'ruleid: two packages', 'FROM python\nRUN pip install MySQL_python semgrep\n'],
    [silent, 'ok: --no-cache-dir', 'FROM python\nRUN pip install --no-cache-dir MySQL_python\n'],
    [silent, 'ok: --no-cache-dir, two packages', 'FROM python\nRUN pip install --no-cache-dir MySQL_python semgrep\n'],
    [silent, 'ok: pip install .', 'FROM python\nRUN pip install .\n', 'installing a local project downloads its dependencies, which pip caches like any others'],
    [reports, 'ruleid: pip3', 'FROM python:3.7\nRUN pip3 install MySQL_python\n'],
    [reports, 'ruleid: pip2', 'FROM python:3.7\nRUN pip2 install MySQL_python\n'],
    [reports, 'ruleid: pip3, two packages', 'FROM python:3.7\nRUN pip3 install MySQL_python semgrep\n'],
    [silent, 'ok: pip3 --no-cache-dir', 'FROM python:3.7\nRUN pip3 install --no-cache-dir MySQL_python\n'],
    [silent, 'ok: pip3 --no-cache-dir, two packages', 'FROM python:3.7\nRUN pip3 install --no-cache-dir MySQL_python semgrep\n'],
    [silent, 'ok: ENV PIP_NO_CACHE_DIR=true', 'FROM python:3.7\nENV PIP_NO_CACHE_DIR=true\nRUN pip install MySQL_python\n'],
  ]),
  ...cases('semgrep', 'set-pipefail', 'dockerfile/pipefail', [
    [reports, 'ruleid', 'FROM debian:jesse\nRUN wget -O - https://some.site | wc -l > /number\n'],
    [silent, 'ok', 'FROM debian:jesse\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l > /number\n'],
  ]),
  ...cases('semgrep', 'prefer-json-notation', 'dockerfile/exec-form-command', [
    ...['ENTRYPOINT s3cmd', 'ENTRYPOINT command param1 param2', 'CMD command', 'CMD my-service server'].map(
      (line): [typeof reports, string, string] => [reports, `ruleid: ${line}`, `FROM busybox\n${line}\n`],
    ),
    ...['ENTRYPOINT ["s3cmd"]', 'ENTRYPOINT ["command", "param1", "param2"]', 'CMD ["my-service", "server"]', 'CMD ["command"]'].map(
      (line): [typeof silent, string, string] => [silent, `ok: ${line}`, `FROM busybox\n${line}\n`],
    ),
  ]),
  ...cases('semgrep', 'missing-assume-yes-switch', 'dockerfile/apt-get-yes', [
    [reports, 'ruleid: no -y', 'FROM debian\nRUN apt-get install semgrep=0.30.0\n'],
    [silent, 'ok: -y', 'FROM debian\nRUN apt-get install -y python=2.7 semgrep\n'],
    [silent, 'ok: --no-install-recommends -y', 'FROM debian\nRUN apt-get install --no-install-recommends -y python=2.7 semgrep\n'],
    [silent, 'ok: -y, one package', 'FROM debian\nRUN apt-get install -y python=2.7\n'],
    [silent, 'ok: --yes', 'FROM debian\nRUN apt-get install --yes python=2.7\n'],
    [silent, 'ok: -qqy', 'FROM debian\nRUN apt-get install -qqy\n'],
    [silent, 'ok: -yqq', 'FROM debian\nRUN apt-get install -yqq\n'],
    [silent, 'ok: a list with -y', 'FROM debian\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n    python3 \\\n    git \\\n    && rm -rf /var/lib/apt/lists/*\n'],
    [reports, 'ruleid: a list without -y', 'FROM debian\nRUN apt-get update \\\n    && apt-get install --no-install-recommends \\\n    python3 \\\n    git \\\n    && rm -rf /var/lib/apt/lists/*\n'],
    [silent, 'ok: a list with --assume-yes', 'FROM debian\nRUN apt-get update \\\n    && apt-get install --assume-yes --no-install-recommends \\\n    python3 \\\n    git \\\n    && rm -rf /var/lib/apt/lists/*\n'],
  ]),
  ...cases('semgrep', 'use-absolute-workdir', 'dockerfile/absolute-workdir', [
    [reports, 'ruleid', 'FROM busybox\nWORKDIR usr/src/app\n'],
    [silent, 'ok: absolute', 'FROM busybox\nWORKDIR /usr/src/app\n'],
    [silent, 'ok: a variable set to an absolute path', 'FROM busybox\nENV foo /bar\nWORKDIR ${foo}   # WORKDIR /bar\n'],
  ]),
  ...cases('semgrep', 'remove-package-lists', 'dockerfile/package-cache', [
    [reports, 'ruleid: no clean-up', 'FROM busybox\nRUN apt-get update && apt-get install --no-install-recommends -y python\n'],
    [silent, 'ok: lists removed', 'FROM busybox\nRUN apt-get update && apt-get install --no-install-recommends -y python \\\n && rm -rf /var/lib/apt/lists/*\n'],
    [reports, 'ruleid: apt-get clean only', 'FROM busybox\n RUN apt-get update && apt-get install --no-install-recommends -y python \\\n && apt-get clean\n'],
    [silent, 'ok: clean and lists removed', 'FROM busybox\nRUN apt-get update && apt-get install --no-install-recommends -y python \\\n && apt-get clean \\\n && rm -rf /var/lib/apt/lists/*\n'],
    [silent, 'ok: tini', 'FROM busybox\nRUN apt-get update && \\\n    apt-get install --no-install-recommends -y tini && \\\n    rm -rf /var/lib/apt/lists/*\n'],
    [silent, 'ok: a long list', 'FROM busybox\nRUN apt-get update && apt-get install -y \\\n    aufs-tools \\\n    automake \\\n    s3cmd=1.1.* \\\n && rm -rf /var/lib/apt/lists/*\n'],
  ]),
];

export const REFERENCE_CASES: readonly ReferenceCase[] = [...hadolint, ...checkov, ...kics, ...semgrep];

/** Reference checks whose name matches one of our rules but whose verdicts assert something else. */
export const NOT_SHARED: readonly { tool: Tool; check: string; reason: string }[] = [
  { tool: 'semgrep', check: 'prefer-copy-over-add', reason: 'reports ADD of URLs and archives and accepts ADD of plain local files: the opposite of dockerfile/copy-not-add (and hadolint DL3020)' },
  { tool: 'semgrep', check: 'remove-package-cache', reason: 'asks for apt-get clean (the .deb archives, which Debian and Ubuntu images already drop through docker-clean) and reports a RUN that removes the lists' },
  { tool: 'semgrep', check: 'missing-user-entrypoint (ok case)', reason: 'the fixture marks its `ok` exec-form ENTRYPOINT as a semgrep metavariable bug, not a verdict' },
  { tool: 'kics', check: 'update_instruction_alone (zypper, yum, dnf, pacman)', reason: 'dockerfile/update-alone covers apt and apk, the package managers whose index update and install are separate commands in official images' },
  { tool: 'kics', check: 'lower-case copies of fixtures', reason: 'the same assertions with lower-case keywords; transcribed once (dockerfile-ast reads keywords case-insensitively)' },
  { tool: 'checkov', check: 'ReferenceLatestTag failure_* and success fixtures', reason: 'not in the stored copy of the repository; its other fixtures are transcribed' },
];
