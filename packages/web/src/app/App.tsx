import { App as AntApp, ConfigProvider, theme as antdTheme, type ThemeConfig } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useCallback, useMemo, useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { I18nContext, storeLang, storedLang, translate, type I18n, type Lang } from '../lib/i18n';
import { useIsMobile } from '../lib/responsive';
import { AuthProvider } from './AuthProvider';
import { router } from './routes';

const baseTheme: ThemeConfig = {
  algorithm: antdTheme.defaultAlgorithm,
  token: { colorPrimary: '#1f5fbf', borderRadius: 6 },
};

// On a phone every control is at least 40 px high, so it can be hit with a thumb.
const mobileTheme: ThemeConfig = {
  ...baseTheme,
  token: { ...baseTheme.token, controlHeight: 40, fontSize: 15 },
  components: {
    Menu: { itemHeight: 48 },
    Tree: { titleHeight: 40 },
    Table: { cellPaddingBlockSM: 10 },
  },
};

function applyLang(lang: Lang) {
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = translate(lang, 'app.title');
}

export function App() {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = storedLang();
    applyLang(initial);
    return initial;
  });
  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    applyLang(next);
    setLangState(next);
  }, []);
  const i18n = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  const mobile = useIsMobile();

  return (
    <I18nContext.Provider value={i18n}>
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={mobile ? mobileTheme : baseTheme}>
        <AntApp>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
