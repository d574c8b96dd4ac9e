// Starts GraphiQL on the gateway's GraphiQL page (gateway/src/graphiql.rs). A file, not an
// inline script, so the page's Content-Security-Policy can allow scripts from the gateway
// only. React, ReactDOM and GraphiQL are the globals of the files loaded before this one.
(function () {
  "use strict";
  var root = document.getElementById("graphiql");
  var endpoint = new URL(root.getAttribute("data-endpoint") || "/graphql", window.location.href);
  var fetcher = GraphiQL.createFetcher({ url: endpoint.href });
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
    })
  );
})();
