// The GraphQL client: one POST to /graphql of a document of queries.js, data and errors handed back as the
// server sent them.
import { T } from './strings.js';
import { graphQlDocument } from './queries.js';

/** The messages of GraphQL errors, as one line for the user. */
export function errorMessage(errors) {
  return errors.map((e) => e.message).join(' ; ') || T.emptyResponse;
}

/** Runs the document `name`; resolves to { data, errors } (partial data kept), rejects on transport failure. */
export async function request(name, variables = {}) {
  const query = await graphQlDocument(name);
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
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
