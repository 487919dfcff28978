/**
 * Database migrations: indexes and partitions the schema really creates. SQL comments and
 * `DROP INDEX` do not count; ORM migrations count through their index helpers.
 */
import { loc, type Detector, type DetectorHit, type SourceFile } from './source';

const MIGRATION_FOLDERS = /^(?:migrations?|migrate|db|database|schema|sql|flyway|liquibase|alembic|versions|prisma|changelog|changesets)$/;

export function isMigrationPath(file: SourceFile): boolean {
  if (file.name.endsWith('.sql')) return true;
  if (file.name === 'schema.prisma') return true;
  return /\.(?:py|rb|ts|js|php|go|java|kt|xml|ya?ml)$/.test(file.name) && file.folders.some((folder) => /^(?:migrations?|migrate|versions|changelog)$/.test(folder)) && file.folders.some((folder) => MIGRATION_FOLDERS.test(folder));
}

/** The text without SQL/line comments and string literals, offsets kept (replaced by spaces). */
function code(text: string, sql: boolean): string {
  const pattern = sql ? /--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'/g : /(?:#|\/\/)[^\n]*|\/\*[\s\S]*?\*\/|"""[\s\S]*?"""/g;
  return text.replace(pattern, (match) => match.replace(/[^\n]/g, ' '));
}

const SQL_INDEX = /\bCREATE\s+(?:UNIQUE\s+)?INDEX\b(?:\s+CONCURRENTLY)?(?:\s+IF\s+NOT\s+EXISTS)?\s+([\w".]+)?/i;
const SQL_PARTITION = /\bPARTITION\s+BY\s+(RANGE|LIST|HASH|KEY)\b|\bPARTITION\s+OF\b/i;
const ORM_INDEX = /\b(?:op\.create_index|add_index|create_index|models\.Index|\.index\(\s*\[|@@index|@@unique|\.createIndex\(|addIndex\(|<createIndex\b|table\.index\()/;

export const migrationsDetector: Detector = {
  id: 'db-migrations',
  title: 'Indexes and partitions in migrations',
  hint: loc('Create the indexes (and partitions of large tables) in versioned migrations.', 'Crie os índices (e as partições das tabelas grandes) em migrations versionadas.'),
  heuristic:
    'A SQL file or a migration (Alembic, Rails, Django, Knex, Prisma schema, Liquibase) that creates an index (CREATE INDEX, add_index, @@index ...) or a partitioned table ' +
    '(PARTITION BY RANGE/LIST/HASH, PARTITION OF). Statements inside comments, and DROP INDEX, do not count.',
  proves: {
    'performance/indexing': loc('The schema creates indexes for its queries.', 'O esquema cria índices para suas queries.'),
    'performance/partitioning': loc('Large tables are partitioned.', 'As tabelas grandes são particionadas.'),
  },
  appliesTo: isMigrationPath,
  textHint: /INDEX|index|PARTITION|@@unique/,
  detect(file) {
    const hits: DetectorHit[] = [];
    const sql = file.name.endsWith('.sql');
    const text = code(file.text, sql);
    const index = SQL_INDEX.exec(text) ?? (sql ? null : ORM_INDEX.exec(text));
    if (index) hits.push({ item: 'performance/indexing', what: loc(`Index ${index[1]?.replace(/"/g, '') ?? ''} in ${file.name}`.replace('  ', ' '), `Índice ${index[1]?.replace(/"/g, '') ?? ''} em ${file.name}`.replace('  ', ' ')), line: file.lineOf(index.index) });
    const partition = SQL_PARTITION.exec(text);
    if (partition) hits.push({ item: 'performance/partitioning', what: loc(`Partitioned table (${partition[0].replace(/\s+/g, ' ')}) in ${file.name}`, `Tabela particionada (${partition[0].replace(/\s+/g, ' ')}) em ${file.name}`), line: file.lineOf(partition.index) });
    return hits;
  },
};
