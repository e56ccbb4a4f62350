// Who is signed in: GET /auth/session (the account and the CSRF token), POST /auth/sign-in and /auth/sign-out.
// The session itself is an HttpOnly cookie the page never reads; the CSRF token (header X-XSRF-TOKEN) goes
// with the sign-in and sign-out here, and with every GraphQL request (graphql.js).
export class Session {
  constructor() {
    this.user = null;
    this.csrf = null;
    this.listeners = [];
  }

  get signedIn() {
    return this.user != null;
  }

  /** True for an account that may change actions (editors and administrators). */
  get canEdit() {
    return this.user != null && (this.user.role === 'EDITOR' || this.user.role === 'ADMIN');
  }

  onChange(listener) {
    this.listeners.push(listener);
  }

  async load() {
    const response = await fetch('/auth/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    this.set(await response.json());
  }

  set(body) {
    this.csrf = body.csrf ?? this.csrf;
    this.user = body.signedIn ? { login: body.login, role: body.role, territories: body.territories ?? [] } : null;
    for (const listener of this.listeners) listener(this);
  }

  /** Signs in; resolves to null, or to { code, message, retryAfter } when refused. */
  async signIn(login, password) {
    if (!this.csrf) await this.load();
    const response = await this.post('/auth/sign-in', { login, password });
    if (response.ok) {
      await this.load();
      return null;
    }
    const body = await response.json().catch(() => ({}));
    return { code: body.code ?? `HTTP ${response.status}`, message: body.message, retryAfter: response.headers.get('Retry-After') };
  }

  async signOut() {
    await this.post('/auth/sign-out', {});
    await this.load();
  }

  post(path, body) {
    return fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', [this.csrf.header]: this.csrf.token },
      body: JSON.stringify(body),
    });
  }
}
