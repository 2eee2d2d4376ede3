// `renkou` — exit 0 on success, 1 on a handled failure (one line on stderr), 2 on bad usage.
import { Command, CommanderError } from 'commander';
import { isDomainError } from '@renkou/core';
import { ConfigError, FileFault } from '@renkou/server';
import { registerAuditVerify } from './commands/audit-verify';
import { registerDemo } from './commands/demo';
import { registerExportRegister } from './commands/export-register';
import { registerGenerate } from './commands/generate';
import { registerImportRecords } from './commands/import-records';
import { registerImportRegister } from './commands/import-register';
import { registerRegisterVerify } from './commands/register-verify';
import { registerInit } from './commands/init';
import { registerLinkFiles } from './commands/link-files';
import { registerLinkSource } from './commands/link-source';
import { registerMigrate } from './commands/migrate';
import { registerProject } from './commands/project';
import { registerServe } from './commands/serve';
import { registerStats } from './commands/stats';
import { registerUserCreate } from './commands/user-create';
import { HandledFailure } from './failure';

export function buildProgram(): Command {
  const program = new Command('renkou')
    .description('Renkou 人口 — population & family-services information platform')
    .option(
      '--data <dir>',
      'data folder (embedded database, keys); ignored for the database when DATABASE_URL is set',
      './data',
    )
    .option('--json', 'print one JSON document on stdout')
    .exitOverride()
    .showHelpAfterError();
  registerServe(program);
  registerDemo(program);
  registerMigrate(program);
  registerInit(program);
  registerUserCreate(program);
  registerAuditVerify(program);
  registerImportRegister(program);
  registerImportRecords(program);
  registerExportRegister(program);
  registerRegisterVerify(program);
  registerLinkFiles(program);
  registerLinkSource(program);
  registerGenerate(program);
  registerStats(program);
  registerProject(program);
  return program;
}

export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ||
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version'
        ? 0
        : 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    if (isDomainError(error) || error instanceof HandledFailure || error instanceof FileFault) {
      process.stderr.write(`renkou: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`renkou: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await run(process.argv);
