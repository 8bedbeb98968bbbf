// SPDX-License-Identifier: EUPL-1.2
// The backup file: a gzipped tar holding radhus-backup.json (this manifest), db/NNNN-<table>.ndjson
// (one JSON row a line, tables in foreign-key order) and files/<sha256> (the stored documents).
// Logical, not a copy of database files: a PGlite backup restores into PostgreSQL and back.
export const MANIFEST = 'radhus-backup.json';
export const FORMAT = 'radhus-backup/1';

export interface BackupManifest {
  format: typeof FORMAT;
  createdAt: string;
  engine: 'pglite' | 'postgres';
  migrations: { version: number; name: string; checksum: string }[];
  tables: { name: string; file: string; rows: number }[];
  files: number;
  bytes: number;
}

export const tableFile = (index: number, name: string): string => `db/${String(index).padStart(4, '0')}-${name}.ndjson`;
