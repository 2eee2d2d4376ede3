// Runs once per db-suite run: migrates a template database so each test starts from a copy
// (a fresh PGlite initdb costs seconds; loading a dumped data folder about one).
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabase, dumpPglite, migrate, sql } from '@renkou/db';
import { adminUrl, databaseUrlFor } from '@renkou/db';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresTemplate: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = join(process.cwd(), '.tmp');
  mkdirSync(dir, { recursive: true });
  const templatePath = join(dir, `pglite-template-${process.pid}.tar`);
  const pgliteDb = await createDatabase({ kind: 'pglite' });
  await migrate(pgliteDb);
  const blob = await dumpPglite(pgliteDb);
  writeFileSync(templatePath, Buffer.from(await blob.arrayBuffer()));
  await pgliteDb.destroy();
  project.provide('pgliteTemplatePath', templatePath);

  let postgresTemplate: string | null = null;
  const url = process.env.DATABASE_URL;
  if (url) {
    postgresTemplate = `renkou_tpl_${process.pid}_${Date.now()}`;
    const admin = await createDatabase({ kind: 'postgres', url: adminUrl(url), maxConnections: 1 });
    await sql.raw(`CREATE DATABASE ${postgresTemplate}`).execute(admin);
    const template = await createDatabase({ kind: 'postgres', url: databaseUrlFor(url, postgresTemplate) });
    await migrate(template);
    await template.destroy();
    await admin.destroy();
  }
  project.provide('postgresTemplate', postgresTemplate);

  return async () => {
    rmSync(templatePath, { force: true });
    if (url && postgresTemplate) {
      const admin = await createDatabase({ kind: 'postgres', url: adminUrl(url), maxConnections: 1 });
      await sql.raw(`DROP DATABASE IF EXISTS ${postgresTemplate} WITH (FORCE)`).execute(admin);
      await admin.destroy();
    }
  };
}
