// The GraphQL client: a document of queries.js sent by GET with its persisted-query hash (Apollo's APQ
// convention), so that the browser and any proxy can cache and revalidate the answer (ETag, 304); by POST
// with the query when the server does not know the hash yet (which teaches it), or when GET is not possible.
// Data and errors are handed back as the server sent them.
import { T } from './strings.js';
import { graphQlDocument } from './queries.js';

const ACCEPT = 'application/graphql-response+json, application/json';

/** The messages of GraphQL errors, as one line for the user. */
export function errorMessage(errors) {
  return errors.map((e) => e.message).join(' ; ') || T.emptyResponse;
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

function post(body) {
  return fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: ACCEPT },
    body: JSON.stringify(body),
  });
}

// GET with the hash alone: null when that cannot answer (unknown hash, or GET refused), so the caller POSTs.
async function getPersisted(extensions, variables) {
  const url = `/graphql?variables=${encodeURIComponent(JSON.stringify(variables))}`
    + `&extensions=${encodeURIComponent(JSON.stringify(extensions))}`;
  let response;
  try {
    response = await fetch(url, { headers: { Accept: ACCEPT } });
  } catch {
    return null;
  }
  if (response.status === 404 || response.status === 405 || response.status === 414) return null;
  const body = await read(response);
  const unknown = (body.errors ?? []).some((e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND');
  return unknown ? null : body;
}

/** Runs the document `name`; resolves to { data, errors } (partial data kept), rejects on transport failure. */
export async function request(name, variables = {}) {
  const query = await graphQlDocument(name);
  const hash = await sha256(query);
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
