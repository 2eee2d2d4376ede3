// Chinese (or English) names for codes that come from the server.
import { isRole, roleLabels } from '@renkou/core';
import { isMessageKey, translate, type Lang } from './i18n';

export function roleLabel(role: string | null | undefined, lang: Lang): string {
  if (!role) return '—';
  return isRole(role) ? roleLabels[role][lang] : role;
}

export function levelLabel(level: number, lang: Lang): string {
  const key = `level.${level}`;
  return isMessageKey(key) ? translate(lang, key) : String(level);
}

export function outcomeLabel(outcome: string, lang: Lang): string {
  const key = `outcome.${outcome}`;
  return isMessageKey(key) ? translate(lang, key) : outcome;
}
