import { Option, type Command } from 'commander';
import { allRoles, normalizeJurisdictionCode, type Role } from '@renkou/core';
import { contextFrom, withApplication, type GlobalOptions } from '../context';

export function registerUserCreate(program: Command): void {
  const user = program.command('user').description('manage users');
  user
    .command('create')
    .description('create a user (prints a one-time password unless --password is given)')
    .requiredOption('--username <name>', 'login name (letters, digits, . _ -)')
    .requiredOption('--name <displayName>', 'display name, e.g. 张三')
    .addOption(new Option('--role <role>', 'role').choices(allRoles).makeOptionMandatory())
    .option('--scope <code>', 'jurisdiction scope (division code prefix; empty = whole country)', '')
    .option('--password <password>', 'initial password (must still be changed at first login)')
    .action(
      async (
        options: { username: string; name: string; role: Role; scope: string; password?: string },
        command: Command,
      ) => {
        const { config, output } = contextFrom(command.optsWithGlobals<GlobalOptions>());
        await withApplication(config, async (app) => {
          const scope = options.scope === '' ? '' : normalizeJurisdictionCode(options.scope);
          const created = await app.users.createBySystem({
            username: options.username,
            displayName: options.name,
            role: options.role,
            scope,
            ...(options.password ? { password: options.password } : {}),
          });
          output.result(
            created,
            `已创建用户 ${created.user.username}（${created.user.role}，范围 ${scope || '全国'}）` +
              (created.temporaryPassword ? `\n一次性密码：${created.temporaryPassword}` : ''),
          );
        });
      },
    );
}
