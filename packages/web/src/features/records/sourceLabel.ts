// A department source's name for the page: its message, or the source code itself for a source the
// messages do not know yet (never a crash on a new source).
import { isMessageKey, type I18n } from '../../lib/i18n';

export function sourceLabel({ t }: Pick<I18n, 't'>, source: string): string {
  const key = `records.source.${source}`;
  return isMessageKey(key) ? t(key) : source;
}
