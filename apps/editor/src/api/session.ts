/** Where the access token is kept: this tab only (sessionStorage), or this browser when "keep me signed in". */
const tokenKey = 'clinicflow.session.token';
/** Set when the API refused the token, so the login page can say why the user is back there. */
const expiredKey = 'clinicflow.session.expired';
/**
 * Set when a user signs out on purpose (in this browser, every tab): the next sign-in starts on its home page,
 * not on the page the previous user was on (which may be one the next user may not see).
 */
const signedOutKey = 'clinicflow.session.signed-out';
/** Fired on window when the token is set, cleared or refused, so the app re-reads the session. */
export const sessionChangedEvent = 'clinicflow:session-changed';

export function readToken(): string | null {
  return sessionStorage.getItem(tokenKey) ?? localStorage.getItem(tokenKey);
}

export function storeToken(token: string, remember: boolean) {
  clearToken();
  (remember ? localStorage : sessionStorage).setItem(tokenKey, token);
  sessionStorage.removeItem(expiredKey);
  localStorage.removeItem(signedOutKey);
  window.dispatchEvent(new Event(sessionChangedEvent));
}

/** Whether the token is kept in this browser ("keep me signed in") rather than this tab only. */
export function isRemembered(): boolean {
  return localStorage.getItem(tokenKey) !== null;
}

export function clearToken() {
  sessionStorage.removeItem(tokenKey);
  localStorage.removeItem(tokenKey);
}

export function logOut() {
  clearToken();
  localStorage.setItem(signedOutKey, '1');
  window.dispatchEvent(new Event(sessionChangedEvent));
}

/** Whether the last user signed out on purpose (rather than their session expiring, or nobody signing in yet). */
export function signedOut(): boolean {
  return localStorage.getItem(signedOutKey) === '1';
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
