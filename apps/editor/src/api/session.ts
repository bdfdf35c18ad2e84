/** Where the access token is kept: this tab only (sessionStorage), or this browser when "keep me signed in". */
const tokenKey = 'clinicflow.session.token';
/** Set when the API refused the token, so the login page can say why the user is back there. */
const expiredKey = 'clinicflow.session.expired';
/** Fired on window when the token is set, cleared or refused, so the app re-reads the session. */
export const sessionChangedEvent = 'clinicflow:session-changed';

export function readToken(): string | null {
  return sessionStorage.getItem(tokenKey) ?? localStorage.getItem(tokenKey);
}

export function storeToken(token: string, remember: boolean) {
  clearToken();
  (remember ? localStorage : sessionStorage).setItem(tokenKey, token);
  sessionStorage.removeItem(expiredKey);
  window.dispatchEvent(new Event(sessionChangedEvent));
}

export function clearToken() {
  sessionStorage.removeItem(tokenKey);
  localStorage.removeItem(tokenKey);
}

export function logOut() {
  clearToken();
  window.dispatchEvent(new Event(sessionChangedEvent));
}

/** The API answered 401 to our token: drop it and remember to tell the user. */
export function expireSession() {
  clearToken();
  sessionStorage.setItem(expiredKey, '1');
  window.dispatchEvent(new Event(sessionChangedEvent));
}

export function sessionExpired(): boolean {
  return sessionStorage.getItem(expiredKey) === '1';
}
