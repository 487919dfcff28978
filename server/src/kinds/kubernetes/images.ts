/**
 * Which image tags move. Every tag can be re-pushed, and only a digest pins an image; what this
 * module calls moving is a tag its publisher re-points at new releases by convention: none (which
 * pulls `latest`), `latest` and channels (`stable`, `main`, `lts` ...), and on a Docker Official
 * Image a tag without a version (`alpine`, `jammy`, `slim`: the newest release's variant) or with
 * fewer version numbers than the image's releases have (`redis:7`, `node:20-alpine`). How many
 * numbers a release has is the image's own scheme: three for most (`redis:7.2.4`), two where the
 * project numbers releases so (`postgres:16.2` since PostgreSQL 10, `ubuntu:22.04`, which
 * publishes no three-part tag, `debian:12.5`), one for Fedora (`fedora:40`).
 */

/** Tags that name a moving target: channels and branches (`stable`, `main-alpine`). */
const CHANNEL_TAG = /^(?:latest|stable|mainline|main|master|develop|dev|edge|nightly|canary|beta|alpha|next|current|lts|release|snapshot|rolling|testing|unstable|trunk|head)(?:[-_.].*)?$/i;

/** A version (`7`, `1.27`, `3.12.2`, `v2`) and what follows it (`-slim`, `-alpine3.20`). */
const VERSION_TAG = /^v?(\d+(?:\.\d+)*)(?:[-_+].*)?$/i;

/** Official images whose releases have two numbers (the distribution's point release, PostgreSQL 10+). */
const TWO_NUMBER_RELEASES = new Set(['ubuntu', 'debian', 'rockylinux', 'almalinux', 'oraclelinux', 'photon']);

/** Official images whose releases have one number. */
const ONE_NUMBER_RELEASES = new Set(['fedora']);

/**
 * Docker Official Images (`redis`, `library/python`, `docker.io/library/node`): their publisher
 * re-points partial version tags at each patch release. Elsewhere a short version (`pause:3.10`)
 * is often a release of its own, so it is not taken as moving.
 */
export function officialImageName(name: string): string | undefined {
  if (!name.includes('/')) return name;
  const match = /^(?:(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\/)?library\/([^/]+)$/.exec(name);
  return match?.[1];
}

/** How many version numbers a full release of this official image has. */
function releaseNumbers(official: string, major: number): number {
  if (official === 'postgres') return major >= 10 ? 2 : 3;
  if (TWO_NUMBER_RELEASES.has(official)) return 2;
  if (ONE_NUMBER_RELEASES.has(official)) return 1;
  return 3;
}

/** Why a tag moves (`latest`, `channel`, `partial`), or undefined for a tag that names one release. */
export function movingTag(name: string, tag: string | undefined): 'latest' | 'channel' | 'partial' | undefined {
  if (tag === undefined || tag.toLowerCase() === 'latest') return 'latest';
  if (CHANNEL_TAG.test(tag)) return 'channel';
  const official = officialImageName(name);
  if (official === undefined) return undefined;
  // On an official image, a tag without any number is a variant of the newest release.
  if (!/\d/.test(tag)) return 'channel';
  const version = VERSION_TAG.exec(tag);
  if (!version) return undefined;
  const numbers = version[1].split('.');
  return numbers.length < releaseNumbers(official, Number(numbers[0])) ? 'partial' : undefined;
}
