import type { Command } from 'commander';
import { Role, roleLabels, type Role as RoleType } from '@renkou/core';
import { openApplication, type Application } from '@renkou/server';
import { contextFrom, type GlobalOptions } from '../context';
import type { Output } from '../output';
import { loadCoverage } from './init';
import { serveUntilStopped } from './serve';

export const DEMO_COVERAGE = '652926'; // 拜城县, 阿克苏地区, 新疆
// Demo accounts share one password, printed on the console; never use `renkou demo` for real data.
export const DEMO_PASSWORD = 'Renkou#Demo2026';

export const demoUsers: { username: string; displayName: string; role: RoleType; scope: string }[] = [
  { username: 'admin', displayName: '系统管理员', role: Role.Admin, scope: '' },
  { username: 'security', displayName: '安全管理员', role: Role.SecurityAdmin, scope: '' },
  { username: 'auditor', displayName: '审计管理员', role: Role.Auditor, scope: '' },
  { username: 'county', displayName: '县卫健委人口家庭科', role: Role.CountyOfficer, scope: '652926' },
  { username: 'township', displayName: '拜城镇统计员', role: Role.TownshipOfficer, scope: '652926100' },
  { username: 'township2', displayName: '铁热克镇统计员', role: Role.TownshipOfficer, scope: '652926101' },
  { username: 'village', displayName: '村专干', role: Role.VillageWorker, scope: '652926100001' },
  { username: 'finance', displayName: '财务人员', role: Role.Finance, scope: '652926' },
  { username: 'association', displayName: '计生协会', role: Role.Association, scope: '652926' },
  { username: 'leader', displayName: '县领导', role: Role.Leader, scope: '652926' },
];

export async function seedDemo(app: Application, output: Output): Promise<void> {
  output.info('首次启动：正在创建演示县（拜城县 652926）…');
  await loadCoverage(app, DEMO_COVERAGE, output);
  for (const user of demoUsers) {
    // A real village of 拜城镇 for the village worker (the list may change between snapshots).
    const scope = user.role === Role.VillageWorker ? await firstVillage(app) : user.scope;
    await app.users.createBySystem({ ...user, scope, password: DEMO_PASSWORD, mustChangePassword: false });
  }
}

async function firstVillage(app: Application): Promise<string> {
  const row = await app.db
    .selectFrom('jurisdictions')
    .select('code')
    .where('parent_code', '=', '652926100')
    .orderBy('code')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.code;
}

export function printDemoUsers(output: Output): void {
  output.info('演示账号（密码均为 ' + DEMO_PASSWORD + '）：');
  for (const user of demoUsers) output.info(`  ${user.username.padEnd(12)} ${roleLabels[user.role].zh}`);
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('create and seed the demo county if the database is empty, then serve')
    .option('--port <port>', 'port', (v) => Number.parseInt(v, 10))
    .action(async (options: { port?: number }, command: Command) => {
      const { config, output } = contextFrom(
        command.optsWithGlobals<GlobalOptions>(),
        options.port ? { port: options.port } : {},
      );
      const app = await openApplication(config);
      if (!(await app.users.hasUsers())) await seedDemo(app, output);
      await app.audit.sealPending();
      printDemoUsers(output);
      await serveUntilStopped(app, config, output);
    });
}
