import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '../format.ts';
import { messages, type Messages } from './messages.ts';

const STORAGE_KEY = 'zonegraph.dashboard.lang';

interface LanguageValue {
  lang: Lang;
  t: Messages;
  toggle(): void;
  /** The record's name in the current language, falling back to the other one. */
  name(record: { nameZh?: string | null; nameEn?: string | null } | null | undefined): string;
}

const LanguageContext = createContext<LanguageValue | null>(null);

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(storedLang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Storage may be off (private mode); the choice then lasts for this page only.
    }
  }, [lang]);
  const toggle = useCallback(() => setLang((current) => (current === 'zh' ? 'en' : 'zh')), []);
  const value = useMemo<LanguageValue>(
    () => ({
      lang,
      t: messages[lang],
      toggle,
      name: (record) => (lang === 'zh' ? (record?.nameZh ?? record?.nameEn) : (record?.nameEn ?? record?.nameZh)) ?? '—',
    }),
    [lang, toggle],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage outside LanguageProvider');
  return value;
}

/** The title in the current language: records carry `titleZh`/`titleEn` as well as names. */
export function pick(lang: Lang, zh: string | null | undefined, en: string | null | undefined): string {
  return (lang === 'zh' ? (zh ?? en) : (en ?? zh)) ?? '—';
}
