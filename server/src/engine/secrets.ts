/**
 * Recognises names of variables and keys that hold secrets (`DB_PASSWORD`, `npmToken`,
 * `AWS_SECRET_ACCESS_KEY`), shared by every kind that inspects environment variables.
 */

/** Words that make a name secret on their own. */
const SECRET_WORDS = new Set([
  'PASSWORD',
  'PASSWD',
  'PASS',
  'PASSPHRASE',
  'SECRET',
  'SECRETS',
  'TOKEN',
  'APIKEY',
  'ACCESSKEY',
  'PRIVATEKEY',
  'SECRETKEY',
  'CREDENTIAL',
  'CREDENTIALS',
  'CREDS',
]);

/**
 * Secret words that also count at the end of a compound word (`ROOTPASS`, `ADMINPASSWORD`,
 * `AUTHTOKEN`, `CLIENTSECRET`), except in the ordinary words that end the same way.
 */
const COMPOUND_SUFFIXES = ['PASSWORD', 'PASSWD', 'PASSPHRASE', 'SECRET', 'TOKEN', 'PASS'];
const NOT_COMPOUNDS = new Set(['BYPASS', 'COMPASS', 'SURPASS', 'TRESPASS', 'OVERPASS', 'UNDERPASS', 'ENCOMPASS']);

function isCompoundSecretWord(word: string): boolean {
  if (NOT_COMPOUNDS.has(word)) return false;
  return COMPOUND_SUFFIXES.some((suffix) => word.length >= suffix.length + 2 && word.endsWith(suffix));
}

/** `<word>_KEY` pairs that name a key rather than, say, a sort key or a GPG fingerprint. */
const KEY_QUALIFIERS = new Set(['API', 'PRIVATE', 'ACCESS', 'SECRET', 'ENCRYPTION', 'SIGNING', 'MASTER', 'LICENSE', 'AUTH', 'CLIENT']);

/**
 * Words that, after the secret word, make the name describe the secret instead of holding it:
 * `TOKEN_URL`, `PASSWORD_FILE`, `SECRET_NAME`, `PASSWORD_MIN_LENGTH`.
 */
const DESCRIBING_WORDS = new Set([
  'URL',
  'URI',
  'ENDPOINT',
  'HOST',
  'PORT',
  'FILE',
  'FILES',
  'PATH',
  'DIR',
  'DIRECTORY',
  'LOCATION',
  'NAME',
  'ID',
  'ARN',
  'REF',
  'HEADER',
  'TYPE',
  'KIND',
  'MODE',
  'FORMAT',
  'ALGORITHM',
  'LENGTH',
  'SIZE',
  'COUNT',
  'TTL',
  'TIMEOUT',
  'EXPIRY',
  'EXPIRES',
  'EXPIRATION',
  'LIFETIME',
  'AGE',
  'ROTATION',
  'POLICY',
  'ENABLED',
  'DISABLED',
  'REQUIRED',
  'VERSION',
  'PREFIX',
  'FIELD',
  'PARAM',
  'PROVIDER',
  'REGION',
]);

/** Splits `dbPassword`, `DB_PASSWORD`, `db-password`, `db.password` into upper-case words. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toUpperCase());
}

/**
 * Verdicts by name: a manifest asks about the same few hundred names on every keystroke. Bounded,
 * so that a workspace of generated names cannot grow it without end.
 */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 10_000;

/** True when a variable or key name says it holds a secret value. */
export function isSecretLikeName(name: string): boolean {
  let verdict = verdicts.get(name);
  if (verdict === undefined) {
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdict = judgeName(name);
    verdicts.set(name, verdict);
  }
  return verdict;
}

function judgeName(name: string): boolean {
  const words = nameWords(name);
  let lastSecretWord = -1;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const isKeyPair = word === 'KEY' && i > 0 && KEY_QUALIFIERS.has(words[i - 1]);
    // `PWD` alone is the shell's working directory; `DB_PWD` is a password.
    const isPwd = word === 'PWD' && words.length > 1;
    if (SECRET_WORDS.has(word) || isCompoundSecretWord(word) || isKeyPair || isPwd) lastSecretWord = i;
  }
  if (lastSecretWord < 0) return false;
  return !words.slice(lastSecretWord + 1).some((word) => DESCRIBING_WORDS.has(word));
}
