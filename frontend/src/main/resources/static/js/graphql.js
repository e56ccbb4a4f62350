// The GraphQL client: a query of queries.js sent by GET with its persisted-query hash (Apollo's APQ
// convention), so that the browser and any proxy can cache and revalidate the answer (ETag, 304); by POST
// with the query when the server does not know the hash yet (which teaches it), for a mutation, or when GET is
// not possible. Data and errors are handed back as the server sent them.
import { T } from './strings.js';
import { graphQlDocument } from './queries.js';

const ACCEPT = 'application/graphql-response+json, application/json';

/** The messages of GraphQL errors, as one line for the user. */
export function errorMessage(errors) {
  return errors.map((e) => e.message).join(' ; ') || T.emptyResponse;
}

// Once a planner has signed in, the browser sends the session cookie with every request, and the server then
// wants the CSRF token too (header X-XSRF-TOKEN = cookie XSRF-TOKEN, readable by the page): it is sent whenever
// the cookie is there. When it is not (a new browser session that kept the session cookie), the refusal (403,
// code CSRF) is answered by asking /auth/session, which sets it, and sending the request once more.
function csrfHeader() {
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]*)/.exec(document.cookie);
  return match ? { 'X-XSRF-TOKEN': decodeURIComponent(match[1]) } : {};
}

async function refusedForCsrf(response) {
  if (response.status !== 403) return false;
  const body = await response.clone().json().catch(() => null);
  return body?.code === 'CSRF';
}

const hashes = new Map();

// The hex SHA-256 of the document; null where the browser has no Web Crypto (plain http off localhost).
function sha256(text) {
  if (!hashes.has(text)) {
    const digest = globalThis.crypto?.subtle
      ? crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then((buffer) =>
        Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join(''))
      : Promise.resolve(null);
    hashes.set(text, digest.catch(() => null));
  }
  return hashes.get(text);
}

async function read(response) {
  try {
    return await response.json();
  } catch {
    throw new Error(`HTTP ${response.status}`);
  }
}

async function post(body) {
  const send = () => fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: ACCEPT, ...csrfHeader() },
    body: JSON.stringify(body),
  });
  let response = await send();
  if (await refusedForCsrf(response)) {
    await fetch('/auth/session', { credentials: 'same-origin' });
    response = await send();
  }
  return response;
}

// GET with the hash alone: null when that cannot answer (unknown hash, or GET refused), so the caller POSTs.
async function getPersisted(extensions, variables) {
  const url = `/graphql?variables=${encodeURIComponent(JSON.stringify(variables))}`
    + `&extensions=${encodeURIComponent(JSON.stringify(extensions))}`;
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { Accept: ACCEPT } });
  } catch {
    return null;
  }
  if (response.status === 404 || response.status === 405 || response.status === 414) return null;
  const body = await read(response);
  const unknown = (body.errors ?? []).some((e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND');
  return unknown ? null : body;
}

const isMutation = (query) => /^\s*(#[^\n]*\n\s*)*mutation\b/.test(query);

/** Runs the document `name`; resolves to { data, errors } (partial data kept), rejects on transport failure. */
export async function request(name, variables = {}) {
  const query = await graphQlDocument(name);
  const hash = isMutation(query) ? null : await sha256(query);
  const extensions = hash && { persistedQuery: { version: 1, sha256Hash: hash } };
  let body = extensions && await getPersisted(extensions, variables);
  if (!body) {
    body = await read(await post(extensions ? { query, variables, extensions } : { query, variables }));
  }
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

/** Runs a document that must fully succeed: rejects with the errors' messages otherwise. */
export async function query(name, variables) {
  const { data, errors } = await request(name, variables);
  if (errors.length > 0 || data == null) {
    throw new Error(errorMessage(errors));
  }
  return data;
}
