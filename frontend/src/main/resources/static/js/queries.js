// The GraphQL documents the page sends: plain files in /queries/ (written against schema/*.graphqls), the
// same files the Java tests load from the classpath. Each is fetched once; index.html preloads those the
// first view needs, so that reading them adds no round trip before the first request.

export const FIRST_VIEW = 'first-view';
export const COVERAGE = 'coverage';
export const COVERAGE_WITH_ACTIONS = 'coverage-actions';
export const TERRITORY_PANEL = 'territory-panel';
export const COVERAGE_CHANGED = 'coverage-changed';
export const PACTE_CHANGED = 'pacte-changed';
export const ACTION_EDIT = 'action-edit';
export const UPDATE_ACTION = 'update-action';
export const ACTION_HISTORY = 'action-history';

const documents = new Map();

/** The text of the document `name` (a promise, fetched on first use). */
export function graphQlDocument(name) {
  if (!documents.has(name)) {
    // Same mode and credentials as <link rel="preload" as="fetch" crossorigin>: the preloaded response is reused.
    const text = fetch(`/queries/${name}.graphql`, { credentials: 'same-origin' }).then((response) => {
      if (!response.ok) throw new Error(`${name}.graphql : HTTP ${response.status}`);
      return response.text();
    });
    text.catch(() => documents.delete(name)); // a failed fetch is tried again next time
    documents.set(name, text);
  }
  return documents.get(name);
}
