// The service's own HTTP API, and nothing else: the bearer token travels in the Authorization
// header only (never in a URL) and is kept in sessionStorage, gone when the tab closes.

const TOKEN_KEY = 'parkwatch.token';

export class ApiError extends Error {
  constructor(status, body, path) {
    super((body && (body.message || body.error)) || `HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.path = path;
  }

  /** The endpoint is not there (yet): the view shows "unavailable" instead of breaking. */
  get unavailable() {
    // A 404 naming what is missing ("unknown_point") is an answer, not a missing endpoint.
    const missingPath = this.status === 404 && (!this.body || !this.body.error || this.body.error === 'not_found');
    return missingPath || this.status === 501 || this.status === 502 || this.status === 503 || this.status === 0;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(TOKEN_KEY, value);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

function headers(extra = {}) {
  const result = { Accept: 'application/json', ...extra };
  if (token()) {
    result.Authorization = `Bearer ${token()}`;
  }
  return result;
}

async function send(path, init) {
  let response;
  try {
    response = await fetch(path, { cache: 'no-store', ...init });
  } catch (error) {
    throw new ApiError(0, { message: error.message }, path);
  }
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (error) {
    body = { message: text.slice(0, 200) };
  }
  if (!response.ok) {
    throw new ApiError(response.status, body, path);
  }
  return body;
}

export function getJson(path) {
  return send(path, { headers: headers() });
}

export function postJson(path, value) {
  return send(path, { method: 'POST', headers: headers({ 'Content-Type': 'application/json' }),
    body: JSON.stringify(value) });
}

/**
 * Reads a server-sent event stream with fetch (EventSource cannot send an Authorization
 * header), calling onEvent(name, data) per event until the stream ends or signal aborts.
 */
export async function readEvents(path, onEvent, signal) {
  const response = await fetch(path, { headers: headers({ Accept: 'text/event-stream' }), signal,
    cache: 'no-store' });
  if (!response.ok || !response.body) {
    throw new ApiError(response.status, null, path);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffered += value;
    let end;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) {
          name = line.slice(6).trim();
        } else if (line.startsWith('data:')) {
          data.push(line.slice(5).replace(/^ /, ''));
        }
      }
      if (data.length > 0) {
        onEvent(name, data.join('\n'));
      }
    }
  }
}

const DEFAULT_ZONE = 'Asia/Shanghai';
let parkList = null;

/** The registry's parks ({id, name, timeZone}); [] when /api/v1/parks is not available. */
export async function parks() {
  if (parkList === null || parkList.length === 0) {
    // Kept once known; asked again while empty (the service may still be reading the registry).
    try {
      parkList = (await getJson('/api/v1/parks')).parks || [];
    } catch (error) {
      parkList = parkList || [];
    }
  }
  return parkList;
}

/** The park's time zone, as the registry gives it. */
export function zoneOf(park) {
  const found = (parkList || []).find(p => p.id === park);
  return (found && found.timeZone) || DEFAULT_ZONE;
}

export function parkName(park) {
  const found = (parkList || []).find(p => p.id === park);
  return (found && found.name) || park;
}
