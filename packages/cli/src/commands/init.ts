import type { Command } from 'commander';
import { Role } from '@renkou/core';
import type { Application } from '@renkou/server';
import { contextFrom, withApplication, type GlobalOptions } from '../context';
import type { Output } from '../output';

export const SYSTEM_ADMIN = 'admin';

/** Loads the division tree for a coverage with a progress bar. */
export async function loadCoverage(app: Application, coverage: string, output: Output) {
  const bar = output.progress('区划', 1);
  let total = 0;
  const result = await app.jurisdictions.loadCoverage(coverage, (loaded) => {
    total = Math.max(total, loaded);
    bar.update(loaded);
  });
  bar.stop();
  return result;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(
      'create the database, load the division tree for a coverage, create the system administrator',
    )
    .requiredOption('--coverage <code>', 'division code of the coverage, e.g. 652926 (拜城县)')
    .action(async (options: { coverage: string }, command: Command) => {
      const { config, output } = contextFrom(command.optsWithGlobals<GlobalOptions>());
      await withApplication(config, async (app) => {
        const { coverage, loaded } = await loadCoverage(app, options.coverage, output);
        let admin: { username: string; password: string } | null = null;
        if (!(await app.users.hasUsers())) {
          const created = await app.users.createBySystem({
            username: SYSTEM_ADMIN,
            displayName: '系统管理员',
            role: Role.Admin,
            scope: '',
          });
          admin = { username: created.user.username, password: created.temporaryPassword ?? '' };
        }
        output.result(
          { coverage, jurisdictions: loaded, admin },
          [
            `已加载区划 ${coverage}：${loaded} 个`,
            admin
              ? `系统管理员：${admin.username}  一次性密码：${admin.password}（首次登录须修改）`
              : '已有用户，未新建管理员',
          ].join('\n'),
        );
      });
    });
}
