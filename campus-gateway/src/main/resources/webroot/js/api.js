// The gateway's API as the app uses it: sign-in (a JWT kept in sessionStorage), authenticated
// requests, loading every twin (now or at an instant), the live change stream (SSE read with fetch,
// because EventSource cannot send the bearer token), reconnecting by itself, and the campus's
// changes in a past window (the same SSE, historical, read to its end).

const TOKEN_KEY = 'greentwin.token';
const PAGE_SIZE = 200; // the gateway's maximum search page

/** Thrown when the gateway refuses the credentials or the token (HTTP 401). */
export class AuthError extends Error {}

export class Api {
  constructor(storage = window.sessionStorage) {
    this.storage = storage;
  }

  token() {
    const saved = JSON.parse(this.storage.getItem(TOKEN_KEY) || 'null');
    return saved && saved.expiresAt > Date.now() ? saved.token : null;
  }

  /** Exchanges user and password (HTTP Basic) for a JWT. */
  async login(user, password) {
    const response = await fetch('/api/2/auth/token', {
      method: 'POST',
      headers: { Authorization: 'Basic ' + btoa(`${user}:${password}`) },
    });
    if (response.status === 401) throw new AuthError('Wrong user or password');
    if (!response.ok) throw new Error(`Sign-in failed: HTTP ${response.status}`);
    const { token, expiresIn } = await response.json();
    this.storage.setItem(TOKEN_KEY, JSON.stringify({ token, expiresAt: Date.now() + expiresIn * 1000 }));
  }

  logout() {
    this.storage.removeItem(TOKEN_KEY);
  }

  headers(extra = {}) {
    return { Authorization: `Bearer ${this.token()}`, ...extra };
  }

  /** The response of an authenticated request; AuthError on 401, an Error with the gateway's message otherwise. */
  async send(path, init = {}) {
    const response = await fetch(path, { ...init, headers: this.headers(init.headers) });
    if (response.status === 401) throw new AuthError('Signed out');
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      const message = `${path.split('?')[0]}: HTTP ${response.status} ${body.message || ''} ${body.description || ''}`;
      throw Object.assign(new Error(message.trim()), { code: body.error });
    }
    return response;
  }

  async request(path, init = {}) {
    const response = await this.send(path, init);
    return response.status === 204 ? null : response.json();
  }

  get(path) {
    return this.request(path);
  }

  /** Every twin matching a Ditto RQL filter (all when null), page by page with search cursors. */
  async search(filter, fields = 'thingId,attributes,features') {
    const items = [];
    let cursor = null;
    do {
      const options = [`size(${PAGE_SIZE})`, cursor ? `cursor(${cursor})` : 'sort(+thingId)'];
      const query = new URLSearchParams({ fields, option: options.join(',') });
      if (filter) query.set('filter', filter);
      const page = await this.get(`/api/2/search/things?${query}`);
      items.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return items;
  }

  /**
   * Every twin of the campus as it is now: one consistent snapshot ({@code /api/2/snapshot}, one
   * pass over the store) or, where the gateway has no snapshot endpoint, the search API page by page.
   */
  async loadTwins(timing = {}) {
    try {
      return await this.snapshot(new Date().toISOString(), timing);
    } catch (e) {
      if (e instanceof AuthError) throw e;
      console.warn(`snapshot unavailable (${e.message}); loading through search`);
      return this.search(null);
    }
  }

  /**
   * Every twin as it was at an instant (ISO-8601); timing gets the milliseconds until the response
   * (requestMs: the gateway's work), of its body (bodyMs), of JSON parsing (parseMs) and its size.
   */
  async snapshot(atIso, timing = {}) {
    const query = new URLSearchParams({ at: atIso, fields: 'thingId,attributes,features' });
    const t0 = performance.now();
    const response = await this.send(`/api/2/snapshot?${query}`);
    const t1 = performance.now();
    const text = await response.text();
    const t2 = performance.now();
    const items = JSON.parse(text).items;
    Object.assign(timing, { requestMs: t1 - t0, bodyMs: t2 - t1, parseMs: performance.now() - t2, chars: text.length });
    return items;
  }

  /**
   * Every change of the campus (or of the things ids names) with fromIso <= time <= toIso, in
   * commit order: the historical change stream of all things read to its end, each change with its
   * time (_modified). An Error with code 'history:too-large' when the window is too busy.
   */
  async history(fromIso, toIso, ids = null) {
    const query = new URLSearchParams({
      'from-historical-timestamp': fromIso,
      'to-historical-timestamp': toIso,
      fields: 'thingId,attributes,features,_modified',
    });
    if (ids) query.set('ids', ids.join(','));
    const response = await this.send(`/api/2/things?${query}`, { headers: { Accept: 'text/event-stream' } });
    const changes = [];
    await readEvents(response.body, (thing) => changes.push(thing), () => {});
    return changes;
  }

  /** Aggregated history of one numeric property (the time-series endpoint), up to now or toIso. */
  timeSeries(thingId, feature, property, fromIso, step = '10s', toIso = null) {
    const query = new URLSearchParams({ from: fromIso, step, agg: 'avg' });
    if (toIso) query.set('to', toIso);
    const path = ['/api/2/timeseries', thingId, 'features', feature, 'properties', property]
      .map((p, i) => (i === 0 ? p : encodeURIComponent(p)))
      .join('/');
    return this.get(`${path}?${query}`);
  }

  /**
   * Opens the live change stream and keeps it open: every event's thing JSON goes to onThing;
   * onState hears 'open', 'error' (then a retry after a growing pause) and 'auth' (token refused;
   * no retry). Returns a function that closes the stream for good.
   */
  stream(onThing, onState, { fields = 'thingId,features' } = {}) {
    let closed = false;
    let controller = null;
    let pauseMs = 500;
    const run = async () => {
      while (!closed) {
        controller = new AbortController();
        try {
          const query = new URLSearchParams({ fields });
          const response = await fetch(`/api/2/things?${query}`, {
            headers: this.headers({ Accept: 'text/event-stream' }),
            signal: controller.signal,
          });
          if (response.status === 401) {
            onState('auth');
            return;
          }
          if (!response.ok) throw new Error(`stream: HTTP ${response.status}`);
          onState('open');
          pauseMs = 500;
          await readEvents(response.body, onThing, () => onState('heartbeat'));
          if (!closed) throw new Error('stream ended');
        } catch (e) {
          if (closed) return;
          onState('error', e);
          await new Promise((resolve) => setTimeout(resolve, pauseMs));
          pauseMs = Math.min(pauseMs * 2, 10_000);
        }
      }
    };
    run();
    return () => {
      closed = true;
      if (controller) controller.abort();
    };
  }
}

/** Reads server-sent events from a byte stream: each data line is one JSON thing. */
async function readEvents(body, onThing, onHeartbeat) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5))
        .join('\n')
        .trim();
      if (data) onThing(JSON.parse(data));
      else onHeartbeat();
    }
  }
}
