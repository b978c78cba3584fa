// The household a helper last worked with, so the quick-log form opens on it.
const kKey = 'dichtbij.lastHousehold';

export function rememberHousehold(id: string): void {
  try {
    localStorage.setItem(kKey, id);
  } catch {
    // Storage refused (private browsing): the default is then the first household.
  }
}

export function lastHousehold(): string | null {
  try {
    return localStorage.getItem(kKey);
  } catch {
    return null;
  }
}
