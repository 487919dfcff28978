import rule from '../../../rules/dockerfile/copy-not-add';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'FROM node:20\nCOPY . /app\n', inspected: [] },
    'FROM debian:12\nADD https://github.com/tini/releases/download/v0.19.0/tini /tini\n',
    { name: 'local archives are unpacked', code: 'FROM debian:12\nADD rootfs.tar.xz /\nADD vendor.tgz /opt/\nADD "file.gz" /opt/\nADD data.bz2 data.xz /opt/\n', inspected: ['instruction', 'instruction', 'instruction', 'instruction'] },
    { name: 'ADD --checksum names a remote file', code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool /usr/local/bin/tool\n' },
    { name: 'git sources', code: 'FROM alpine:3.20\nADD git@github.com:moby/buildkit.git /src\nADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.10.1 /bk\n' },
    { name: 'a variable may be a URL', code: 'FROM alpine:3.20\nARG SRC\nADD ${SRC} /opt/\n' },
  ],
  invalid: [
    {
      name: 'ADD . /app',
      code: 'FROM node:20\nADD . /app\n',
      errors: [{ messageId: 'add', line: 2, column: 1, endLine: 2, endColumn: 4, message: 'ADD copies local files here but would also unpack archives and fetch URLs without saying so; use COPY.' }],
      output: 'FROM node:20\nCOPY . /app\n',
    },
    {
      name: 'flags kept, lower-case keyword kept lower-case',
      code: 'FROM node:20\nADD --chown=node:node package.json package-lock.json ./\nadd src/ /app/src/\n',
      errors: [
        { messageId: 'add', line: 2, column: 1, endLine: 2, endColumn: 4 },
        { messageId: 'add', line: 3, column: 1, endLine: 3, endColumn: 4 },
      ],
      output: 'FROM node:20\nCOPY --chown=node:node package.json package-lock.json ./\ncopy src/ /app/src/\n',
    },
    {
      name: 'indented in a later stage',
      code: 'FROM golang:1.22 AS build\nFROM alpine:3.20\n  ADD config.yaml /etc/app/\n',
      errors: [{ messageId: 'add', line: 3, column: 3, endLine: 3, endColumn: 6 }],
      output: 'FROM golang:1.22 AS build\nFROM alpine:3.20\n  COPY config.yaml /etc/app/\n',
    },
    {
      name: 'quoted sources and a zip, which ADD never unpacks',
      code: 'FROM node:20\nADD "app.zip" /opt/\nADD \'config.yaml\' /etc/app/\n',
      errors: [
        { messageId: 'add', line: 2, column: 1, endLine: 2, endColumn: 4 },
        { messageId: 'add', line: 3, column: 1, endLine: 3, endColumn: 4 },
      ],
      output: 'FROM node:20\nCOPY "app.zip" /opt/\nCOPY \'config.yaml\' /etc/app/\n',
      inspected: ['instruction', 'instruction'],
    },
    {
      name: 'the JSON form with --chown',
      code: 'FROM node:20\nADD --chown=node ["my file.txt", "/app/"]\n',
      errors: [{ messageId: 'add', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: 'FROM node:20\nCOPY --chown=node ["my file.txt", "/app/"]\n',
    },
    {
      name: 'a local file next to a URL: reported, but COPY cannot fetch the URL, so no fix',
      code: 'FROM alpine:3.20\nADD https://example.com/a.txt config.yaml /opt/\n',
      errors: [{ messageId: 'add', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: null,
    },
    {
      name: 'a fragment without FROM',
      code: 'ADD . /app\n',
      errors: [{ messageId: 'add', line: 1, column: 1, endLine: 1, endColumn: 4 }],
      output: 'COPY . /app\n',
    },
  ],
});
