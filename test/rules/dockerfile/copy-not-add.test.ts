import rule from '../../../rules/dockerfile/copy-not-add';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'FROM node:20\nCOPY . /app\n',
    'FROM debian:12\nADD https://github.com/tini/releases/download/v0.19.0/tini /tini\n',
    { name: 'local archives are unpacked', code: 'FROM debian:12\nADD rootfs.tar.xz /\nADD vendor.tgz /opt/\n' },
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
  ],
});
