// The GraphQL client: one POST to /graphql, data and errors handed back as the server sent them.
import { T } from './strings.js';

/** The messages of GraphQL errors, as one line for the user. */
export function errorMessage(errors) {
  return errors.map((e) => e.message).join(' ; ') || T.emptyResponse;
}

/** Runs a query; resolves to { data, errors } (partial data kept), rejects on transport failure. */
export async function request(query, variables = {}) {
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

/** Runs a query that must fully succeed: rejects with the first error's message otherwise. */
export async function query(text, variables) {
  const { data, errors } = await request(text, variables);
  if (errors.length > 0 || data == null) {
    throw new Error(errorMessage(errors));
  }
  return data;
}
