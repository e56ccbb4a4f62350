// GraphiQL against this server's /graphql, with a starter query for newcomers.
// Signed in on the map page, the browser sends the session cookie: the server then wants the CSRF token too.
const csrf = /(?:^|;\s*)XSRF-TOKEN=([^;]*)/.exec(document.cookie);
const fetcher = GraphiQL.createFetcher({
  url: new URL('/graphql', window.location.href).toString(),
  headers: csrf ? { 'X-XSRF-TOKEN': decodeURIComponent(csrf[1]) } : {},
});
const defaultQuery = `# Qui agit sur la mobilité ?
{
  coverage(theme: "mobilite") {
    territory { code name kind }
    actionCount
    actions { label priority { title } }
  }
}
`;
ReactDOM.createRoot(document.getElementById('graphiql'))
  .render(React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: false }));
