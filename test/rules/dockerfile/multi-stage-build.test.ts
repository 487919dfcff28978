import rule from '../../../rules/dockerfile/multi-stage-build';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'FROM node:20 AS build\nRUN npm ci && npm run build\nFROM node:20-slim\nCOPY --from=build /app/dist ./dist\n',
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]\n',
    { name: 'other npm scripts', code: 'FROM node:20\nRUN npm ci && npm run lint && npm test\n' },
    { name: 'words that only look like builds', code: 'FROM alpine:3.20\nRUN echo go build && mkdir build\n' },
    '',
  ],
  invalid: [
    {
      name: 'npm run build',
      code: 'FROM node:20\nCOPY . .\nRUN npm ci && npm run build\n',
      errors: [{ messageId: 'singleStage', line: 3, column: 15, endLine: 3, endColumn: 28, message: 'This single-stage Dockerfile builds the application here, so the toolchain and sources ship in the image; build in a separate stage and COPY --from it only the output.' }],
      output: null,
    },
    {
      name: 'go build over continuation lines, first build only',
      code: 'FROM golang:1.22\nRUN CGO_ENABLED=0 go build \\\n    -o /app ./cmd/server\nRUN go build ./cmd/worker\n',
      errors: [{ messageId: 'singleStage', line: 2, column: 5, endLine: 3, endColumn: 25 }],
      output: null,
    },
    {
      name: 'maven wrapper with options',
      code: 'FROM eclipse-temurin:21\nRUN ./mvnw -B -DskipTests clean package\n',
      errors: [{ messageId: 'singleStage', line: 2, column: 5, endLine: 2, endColumn: 40 }],
      output: null,
    },
    {
      name: 'yarn build:prod',
      code: 'FROM ubuntu:24.04\nRUN yarn build:prod\n',
      errors: [{ messageId: 'singleStage', line: 2, column: 5, endLine: 2, endColumn: 20 }],
      output: null,
    },
    {
      name: 'make in a heredoc',
      code: 'FROM debian:12\nRUN <<EOF\n./configure\nmake -j4\nEOF\n',
      errors: [{ messageId: 'singleStage', line: 4, column: 1, endLine: 4, endColumn: 9 }],
      output: null,
    },
    {
      name: 'dotnet publish',
      code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet restore && dotnet publish -c Release -o /out\n',
      errors: [{ messageId: 'singleStage', line: 2, column: 23, endLine: 2, endColumn: 56 }],
      output: null,
    },
    {
      name: 'npx tsc',
      code: 'FROM node:20\nRUN npx tsc -p .\n',
      errors: [{ messageId: 'singleStage', line: 2, column: 5, endLine: 2, endColumn: 17 }],
      output: null,
    },
  ],
});
