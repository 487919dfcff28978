/**
 * Values that are secrets whatever the variable holding them is called: private keys, and tokens
 * whose format their issuer fixed (a prefix and a length), the way secret scanners recognise them.
 * Only formats precise enough never to match ordinary configuration are listed.
 */
const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;

const TOKENS: { provider: string; pattern: RegExp }[] = [
  { provider: 'GitHub', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b/ },
  { provider: 'GitLab', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { provider: 'AWS', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { provider: 'Slack', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/ },
  { provider: 'Google', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { provider: 'Stripe', pattern: /\b(?:sk|rk)_live_[0-9A-Za-z]{24,}\b/ },
  { provider: 'npm', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { provider: 'SendGrid', pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/ },
  { provider: 'JWT', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
];

export type SecretValue = { kind: 'privateKey' } | { kind: 'token'; provider: string };

export function secretValueKind(value: string): SecretValue | undefined {
  if (PRIVATE_KEY.test(value)) return { kind: 'privateKey' };
  const token = TOKENS.find(({ pattern }) => pattern.test(value));
  return token ? { kind: 'token', provider: token.provider } : undefined;
}
