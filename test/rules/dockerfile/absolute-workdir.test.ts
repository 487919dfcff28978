import rule from '../../../rules/dockerfile/absolute-workdir';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'FROM node:20\nWORKDIR /usr/local\n', inspected: ['instruction'] },
    { name: 'a variable chooses the path', code: 'FROM node:20\nWORKDIR ${work}\nWORKDIR "$HOME/app"\n' },
    { name: 'quoted absolute paths', code: 'FROM node:20\nWORKDIR \'/usr/local\'\nWORKDIR "/usr/local"\n' },
    { name: 'Windows absolute paths', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\nWORKDIR "C:/"\nWORKDIR C:/tools\n' },
    { code: 'FROM node:20\nRUN npm ci\n', inspected: [] },
  ],
  invalid: [
    {
      name: 'relative to a WORKDIR the base image may set: no fix',
      code: 'FROM node:20\nWORKDIR relative/dir\n',
      errors: [{ messageId: 'relative', line: 2, column: 9, endLine: 2, endColumn: 21, message: "WORKDIR relative/dir is relative, so where it points depends on the WORKDIR before it, possibly the base image's; use an absolute path." }],
      output: null,
      inspected: ['instruction'],
    },
    {
      name: 'quoted relative paths (hadolint)',
      code: 'FROM node:20\nWORKDIR \'relative/dir\'\nWORKDIR "relative/dir"\n',
      errors: [
        { messageId: 'relative', line: 2, column: 9, endLine: 2, endColumn: 23 },
        { messageId: 'relative', line: 3, column: 9, endLine: 3, endColumn: 23 },
      ],
      output: null,
    },
    {
      name: 'resolved against an earlier WORKDIR, also in the stage it builds on',
      code: 'FROM node:20 AS base\nWORKDIR /srv\nFROM base\nWORKDIR app\nWORKDIR ../logs\n',
      errors: [
        { messageId: 'relative', line: 4, column: 9, endLine: 4, endColumn: 12 },
        { messageId: 'relative', line: 5, column: 9, endLine: 5, endColumn: 16 },
      ],
      output: 'FROM node:20 AS base\nWORKDIR /srv\nFROM base\nWORKDIR /srv/app\nWORKDIR /srv/logs\n',
    },
    {
      name: 'scratch starts at /; a quoted path stays quoted',
      code: 'FROM scratch\nWORKDIR "my app"\n',
      errors: [{ messageId: 'relative', line: 2, column: 9, endLine: 2, endColumn: 17 }],
      output: 'FROM scratch\nWORKDIR "/my app"\n',
    },
    {
      name: 'a fragment without FROM',
      code: 'WORKDIR app\n',
      errors: [{ messageId: 'relative', line: 1, column: 9, endLine: 1, endColumn: 12 }],
      output: null,
    },
  ],
});
