import rule from '../../../rules/dockerfile/pinned-base-image';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { code: 'FROM node:20.15-alpine\n', inspected: ['stage'] },
    'FROM python@sha256:3c2e4a7f0e5a1c2b9d6f1e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c\n',
    { name: 'latest pinned by digest', code: 'FROM node:latest@sha256:3c2e4a7f0e5a1c2b9d6f1e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c\n' },
    { name: 'scratch', code: 'FROM scratch\nCOPY app /app\n', inspected: [] },
    { name: 'stage name', code: 'FROM golang:1.22 AS build\nRUN go build\nFROM build\n', inspected: ['stage'] },
    { name: 'a fragment without FROM', code: 'RUN echo hi\n', inspected: [] },
    { name: 'stage name, different case', code: 'FROM golang:1.22 AS Build\nFROM build AS final\n' },
    { name: 'tag from an ARG default', code: 'ARG V=18\nFROM node:${V}\n' },
    { name: 'tag from a ${V:-default}', code: 'FROM node:${V:-18}-alpine\n' },
    { name: 'unresolvable variable', code: 'ARG BASE\nFROM ${BASE}\n' },
    { name: 'registry with a port', code: 'FROM registry.local:5000/team/app:1.4.2\n' },
    { name: 'platform flag', code: 'FROM --platform=$BUILDPLATFORM node:20 AS build\n' },
  ],
  invalid: [
    {
      name: 'explicit latest',
      code: 'FROM node:latest\n',
      inspected: ['stage'],
      errors: [{ messageId: 'latest', line: 1, column: 11, endLine: 1, endColumn: 17, message: 'The base image node uses the floating tag latest; pin a specific version tag or a digest.' }],
      output: null,
    },
    {
      name: 'no tag',
      code: 'FROM ubuntu AS base\nRUN true\n',
      errors: [{ messageId: 'untagged', line: 1, column: 6, endLine: 1, endColumn: 12, message: 'The base image ubuntu has no tag, so it resolves to latest; pin a specific version tag or a digest.' }],
      output: null,
    },
    {
      name: 'registry with a port but no tag',
      code: 'FROM registry.local:5000/team/app\n',
      errors: [{ messageId: 'untagged', line: 1, column: 6, endLine: 1, endColumn: 34 }],
      output: null,
    },
    {
      name: 'ARG that resolves to latest, in the second stage',
      code: 'ARG TAG=latest\nFROM golang:1.22 AS build\nFROM alpine:${TAG}\n',
      errors: [{ messageId: 'latest', line: 3, column: 13, endLine: 3, endColumn: 19 }],
      output: null,
    },
    {
      name: 'ARG that resolves to an untagged image',
      code: 'ARG BASE=debian\nFROM ${BASE}\n',
      errors: [{ messageId: 'untagged', line: 2, column: 6, endLine: 2, endColumn: 13, message: 'The base image debian has no tag, so it resolves to latest; pin a specific version tag or a digest.' }],
      output: null,
    },
  ],
});
