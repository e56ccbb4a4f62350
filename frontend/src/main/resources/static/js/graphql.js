// The GraphQL client: one POST to /graphql of a document of queries.js, data and errors handed back as the
// server sent them.
import { T } from './strings.js';
import { graphQlDocument } from './queries.js';

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

/** The messages of GraphQL errors, as one line for the user. */
export function errorMessage(errors) {
  return errors.map((e) => e.message).join(' ; ') || T.emptyResponse;
}

/** Runs the document `name`; resolves to { data, errors } (partial data kept), rejects on transport failure. */
export async function request(name, variables = {}) {
  const query = await graphQlDocument(name);
  const send = () => fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json', ...csrfHeader() },
    body: JSON.stringify({ query, variables }),
  });
  let response = await send();
  if (await refusedForCsrf(response)) {
    await fetch('/auth/session', { credentials: 'same-origin' });
    response = await send();
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new Error(`HTTP ${response.status}`);
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
