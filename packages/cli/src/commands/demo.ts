import type { Command } from 'commander';
import {
  BAICHENG_POPULATION,
  createSyntheticCounty,
  DEFAULT_OUTSIDE_PLACES,
  Role,
  roleLabels,
  type Role as RoleType,
} from '@renkou/core';
import { openApplication, type Application } from '@renkou/server';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { villagesUnder, writeCounty } from './generate';
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

export async function seedDemo(
  app: Application,
  output: Output,
  persons: number,
  workDir: string,
): Promise<void> {
  output.info('首次启动：正在创建演示县（拜城县 652926）…');
  await loadCoverage(app, DEMO_COVERAGE, output);
  for (const user of demoUsers) {
    // A real village of 拜城镇 for the village worker (the list may change between snapshots).
    const scope = user.role === Role.VillageWorker ? await firstVillage(app) : user.scope;
    await app.users.createBySystem({ ...user, scope, password: DEMO_PASSWORD, mustChangePassword: false });
  }
  await seedRegister(app, output, persons, workDir);
}

/**
 * A synthetic register of the county (known truth, valid ID numbers, 15 years of events) written as
 * an interchange dataset and imported through the same path as any county's files.
 */
async function seedRegister(
  app: Application,
  output: Output,
  persons: number,
  workDir: string,
): Promise<void> {
  const dir = join(workDir, 'demo-dataset');
  rmSync(dir, { recursive: true, force: true });
  output.info(`正在生成演示人口登记数据（${persons.toLocaleString('zh-CN')} 人，2010—2024 年）…`);
  const county = createSyntheticCounty({
    villages: await villagesUnder(DEMO_COVERAGE),
    outsidePlaces: DEFAULT_OUTSIDE_PLACES,
    coverage: DEMO_COVERAGE,
    persons,
    seed: 1,
  });
  const counts = await writeCounty(county, dir);
  const total = (counts['persons.csv'] ?? 0) + (counts['events.csv'] ?? 0);
  const bar = output.progress('导入人口登记', total);
  let done = 0;
  let lastFile = '';
  const result = await app.register.importDirectory(dir, {
    username: 'system',
    onProgress: (p) => {
      if (p.file !== lastFile) {
        done += lastFile === '' ? 0 : (counts[lastFile] ?? 0);
        lastFile = p.file;
      }
      bar.update(done + p.rows);
    },
  });
  bar.stop();
  output.info(`演示登记库已导入：${result.accepted.toLocaleString('zh-CN')} 条（拒绝 ${result.rejected}）`);
  // Built now rather than on the first dashboard view, which would be answered by the slow scan.
  output.info('正在建立统计汇总表…');
  await app.statistics.cubes.refresh({ rebuild: true });
}

/** Full county size unless RENKOU_DEMO_PERSONS asks for a smaller demo (tests, slow machines). */
export function demoPersons(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number.parseInt(env.RENKOU_DEMO_PERSONS ?? '', 10);
  return Number.isFinite(asked) && asked > 0 ? asked : BAICHENG_POPULATION;
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
      if (!(await app.users.hasUsers()))
        await seedDemo(app, output, demoPersons(), join(config.dataDir, 'work'));
      await app.audit.sealPending();
      printDemoUsers(output);
      await serveUntilStopped(app, config, output);
    });
}
