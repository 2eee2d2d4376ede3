// A small dictionary, Chinese first. Terms follow docs/glossary.md. `t('key', { n: 3 })` fills {n}.
import { createContext, useContext } from 'react';
import { benefitsMessages } from './i18n-benefits';
import { projectionMessages } from './i18n-projection';
import { recordsMessages } from './i18n-records';
import { registerMessages } from './i18n-register';
import { registerFormMessages } from './i18n-register-forms';
import { statisticsMessages } from './i18n-statistics';

export type Lang = 'zh' | 'en';

const messages = {
  'app.title': ['人口家庭服务信息平台', 'Population & Family Services Platform'],
  'app.short': ['人口', 'Renkou'],
  'common.search': ['查询', 'Search'],
  'common.reset': ['重置', 'Reset'],
  'common.cancel': ['取消', 'Cancel'],
  'common.ok': ['确定', 'OK'],
  'common.save': ['保存', 'Save'],
  'common.close': ['关闭', 'Close'],
  'common.retry': ['重试', 'Retry'],
  'common.actions': ['操作', 'Actions'],
  'common.none': ['无', 'None'],
  'common.total': ['共 {n} 条', '{n} in total'],
  'common.totalMore': ['超过 {n} 条，请缩小查找范围', 'over {n}: narrow the search'],
  'common.loading': ['正在加载…', 'Loading…'],
  'common.loadFailed': ['加载失败', 'Failed to load'],
  'common.saved': ['已保存', 'Saved'],
  'common.current': ['现行', 'Current'],
  'header.logout': ['退出登录', 'Sign out'],
  'header.changePassword': ['修改密码', 'Change password'],
  'header.menu': ['菜单', 'Menu'],
  'nav.home': ['首页', 'Home'],
  'nav.jurisdictions': ['区划', 'Divisions'],
  'nav.users': ['用户管理', 'Users'],
  'nav.audit': ['审计日志', 'Audit log'],
  'error.forbidden': ['您的角色无权使用此功能', 'Your role may not use this page'],
  'error.notFound': ['页面不存在', 'Page not found'],
  'error.backHome': ['返回首页', 'Back to home'],
  'error.server': ['无法连接服务器', 'Cannot reach the server'],
  'login.title': ['用户登录', 'Sign in'],
  'login.username': ['用户名', 'Username'],
  'login.password': ['密码', 'Password'],
  'login.submit': ['登录', 'Sign in'],
  'login.usernameRequired': ['请输入用户名', 'Enter your username'],
  'login.passwordRequired': ['请输入密码', 'Enter your password'],
  'login.hint': [
    '初次登录请使用管理员发放的临时密码',
    'First time? Use the temporary password from your administrator',
  ],
  'password.title': ['修改密码', 'Change password'],
  'password.required': [
    '首次登录或密码已过期，请先设置新密码',
    'Please set a new password before continuing',
  ],
  'password.current': ['当前密码', 'Current password'],
  'password.new': ['新密码', 'New password'],
  'password.confirm': ['确认新密码', 'Confirm new password'],
  'password.submit': ['确认修改', 'Change password'],
  'password.rule': [
    '至少 {min} 位，包含大写字母、小写字母、数字、符号中的至少三类，不含用户名',
    'At least {min} characters, 3 of: upper case, lower case, digits, symbols; not the username',
  ],
  'password.mismatch': ['两次输入的新密码不一致', 'The two new passwords differ'],
  'password.same': ['新密码不能与当前密码相同', 'The new password must differ from the current one'],
  'password.changed': ['密码已修改', 'Password changed'],
  'home.welcome': ['您好，{name}', 'Hello, {name}'],
  'home.role': ['角色', 'Role'],
  'home.scope': ['管辖范围', 'Jurisdiction'],
  'home.lastLogin': ['上次登录', 'Last sign-in'],
  'home.todo': ['待办事项', 'To do'],
  'home.noTodo': ['暂无待办', 'Nothing to do'],
  'home.notices': ['通知公告', 'Notices'],
  'home.noNotices': ['暂无通知', 'No notices'],
  'jur.search': ['输入区划名称或代码查找', 'Name or code'],
  'jur.noResult': ['未找到匹配的区划', 'No matching division'],
  'jur.code': ['区划代码', 'Code'],
  'jur.code12': ['12 位代码', '12-digit code'],
  'jur.name': ['名称', 'Name'],
  'jur.level': ['级别', 'Level'],
  'jur.validFrom': ['生效日期', 'Valid from'],
  'jur.validTo': ['失效日期', 'Valid to'],
  'jur.successor': ['继承区划', 'Successor'],
  'jur.path': ['上级区划', 'Parents'],
  'jur.children': ['下级区划', 'Subdivisions'],
  'jur.noChildren': ['无下级区划', 'No subdivisions'],
  'jur.select': ['请在左侧选择区划', 'Select a division on the left'],
  'jur.country': ['全国', 'Whole country'],
  'level.0': ['全国', 'Country'],
  'level.1': ['省', 'Province'],
  'level.2': ['市', 'City'],
  'level.3': ['县', 'County'],
  'level.4': ['乡镇', 'Township'],
  'level.5': ['村（居）', 'Village'],
  'users.create': ['新建用户', 'New user'],
  'users.edit': ['编辑', 'Edit'],
  'users.editTitle': ['编辑用户', 'Edit user'],
  'users.resetPassword': ['重置密码', 'Reset password'],
  'users.resetConfirm': ['确定重置用户 {name} 的密码？原密码将立即失效。', 'Reset the password of {name}?'],
  'users.search': ['用户名或姓名', 'Username or name'],
  'users.username': ['用户名', 'Username'],
  'users.displayName': ['姓名', 'Name'],
  'users.role': ['角色', 'Role'],
  'users.scope': ['管辖范围', 'Jurisdiction'],
  'users.status': ['状态', 'Status'],
  'users.lastLogin': ['最后登录', 'Last sign-in'],
  'users.neverLoggedIn': ['从未登录', 'Never'],
  'users.active': ['正常', 'Active'],
  'users.disabled': ['停用', 'Disabled'],
  'users.locked': ['锁定', 'Locked'],
  'users.mustChange': ['待改密', 'Must change password'],
  'users.disable': ['停用', 'Disable'],
  'users.enable': ['启用', 'Enable'],
  'users.unlock': ['解锁', 'Unlock'],
  'users.disableField': ['停用账号', 'Account disabled'],
  'users.initialPassword': ['初始密码（可选）', 'Initial password (optional)'],
  'users.initialPasswordHelp': ['留空则由系统生成临时密码', 'Leave empty to generate a temporary password'],
  'users.usernameRule': ['用户名 3–32 位', 'Username: 3–32 characters'],
  'users.displayNameRule': ['请输入姓名', 'Enter the name'],
  'users.roleRule': ['请选择角色', 'Choose a role'],
  'users.scopeRule': ['请选择管辖范围', 'Choose a jurisdiction'],
  'users.created': ['用户已创建', 'User created'],
  'users.createdWithPassword': [
    '用户已创建，首次登录时须修改密码',
    'User created; the password must be changed at first sign-in',
  ],
  'users.tempTitle': ['临时密码', 'Temporary password'],
  'users.tempHint': [
    '请将临时密码当面或通过安全渠道告知 {name}。该用户首次登录时必须修改密码。本窗口关闭后将无法再次查看。',
    'Give this temporary password to {name} in person or over a safe channel. The user must change it at first sign-in. It cannot be shown again.',
  ],
  'users.copied': ['已复制', 'Copied'],
  'users.copy': ['复制', 'Copy'],
  'audit.range': ['时间范围', 'Date range'],
  'audit.username': ['用户', 'User'],
  'audit.action': ['操作', 'Action'],
  'audit.outcome': ['结果', 'Outcome'],
  'audit.at': ['时间', 'Time'],
  'audit.role': ['角色', 'Role'],
  'audit.target': ['对象', 'Target'],
  'audit.jurisdiction': ['区划', 'Division'],
  'audit.purpose': ['目的', 'Purpose'],
  'audit.ip': ['IP', 'IP'],
  'audit.requestId': ['请求号', 'Request ID'],
  'audit.details': ['详细信息', 'Details'],
  'audit.sealed': ['已封存', 'Sealed'],
  'audit.pendingSeal': ['待封存', 'Not sealed yet'],
  'audit.verify': ['校验日志链', 'Verify chain'],
  'audit.verifyOk': [
    '日志链完整：已校验 {checked} 条，待封存 {pending} 条',
    'Chain intact: {checked} checked, {pending} pending',
  ],
  'audit.verifyBad': ['日志链校验发现问题（已校验 {checked} 条）', 'Problems found ({checked} checked)'],
  'outcome.success': ['成功', 'Success'],
  'outcome.denied': ['拒绝', 'Denied'],
  'outcome.failed': ['失败', 'Failed'],
  ...registerMessages,
  ...registerFormMessages,
  ...statisticsMessages,
  ...projectionMessages,
  ...benefitsMessages,
  ...recordsMessages,
} satisfies Record<string, readonly [string, string]>;

export type MessageKey = keyof typeof messages;
export type Params = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = messages[key][lang === 'zh' ? 0 : 1];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isMessageKey(key: string): key is MessageKey {
  return key in messages;
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
}

export const I18nContext = createContext<I18n>({
  lang: 'zh',
  setLang: () => undefined,
  t: (key, params) => translate('zh', key, params),
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}

const storageKey = 'renkou.lang';

export function storedLang(): Lang {
  try {
    return window.localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function storeLang(lang: Lang): void {
  try {
    window.localStorage.setItem(storageKey, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
