// GraphiQL against this server's /graphql, with a starter query for newcomers.
const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).toString() });
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
