const STORAGE_KEY = 'hirescope-api-key';

/** The key lives in sessionStorage: one tab, gone when the tab closes (same key name as GraphiQL). */
export const apiKeyStore = {
  get(): string | null {
    return sessionStorage.getItem(STORAGE_KEY);
  },
  set(key: string): void {
    sessionStorage.setItem(STORAGE_KEY, key.trim());
  },
  clear(): void {
    sessionStorage.removeItem(STORAGE_KEY);
  },
};
