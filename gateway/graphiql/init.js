// Starts GraphiQL on the gateway's GraphiQL page (gateway/src/graphiql.rs). A file, not an
// inline script, so the page's Content-Security-Policy can allow scripts from the gateway
// only. React, ReactDOM and GraphiQL are the globals of the files loaded before this one.
(function () {
  "use strict";
  var root = document.getElementById("graphiql");
  var endpoint = new URL(root.getAttribute("data-endpoint") || "/graphql", window.location.href);
  var fetcher = GraphiQL.createFetcher({ url: endpoint.href });
  // The page's language (negotiated by the gateway) goes to the API with every query, so
  // answers come back in it; the headers tab shows it and lets the reader change it.
  var language = root.getAttribute("data-language") || "en";
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      defaultHeaders: JSON.stringify({ "Accept-Language": language }, null, 2),
    })
  );

  // GraphiQL 4's markup fails axe-core in three places it has no option for; each is
  // mended here, again whenever GraphiQL renders (tests/tests/portal.rs runs axe on it).
  function label(textarea, text) {
    if (text && textarea.getAttribute("aria-label") !== text) {
      textarea.setAttribute("aria-label", text);
    }
  }
  function mend() {
    // 1. CodeMirror's hidden textareas, where the keyboard types, have no label.
    root.querySelectorAll(".graphiql-query-editor textarea").forEach(function (t) {
      label(t, root.getAttribute("data-label-query"));
    });
    var tools = root.querySelectorAll(".graphiql-editor-tool .graphiql-editor textarea");
    if (tools[0]) label(tools[0], root.getAttribute("data-label-variables"));
    if (tools[1]) label(tools[1], root.getAttribute("data-label-headers"));
    root.querySelectorAll(".graphiql-response textarea").forEach(function (t) {
      label(t, root.getAttribute("data-label-response"));
    });
    // 2. The editors' scrolling areas cannot be reached by keyboard to scroll them.
    root.querySelectorAll(".CodeMirror-scroll").forEach(function (area) {
      if (area.getAttribute("tabindex") !== "0") area.setAttribute("tabindex", "0");
    });
    // 3. Each query tab is a `role="tab"` holding two buttons (interactive controls nested
    //    in one): the tabs become a plain list of buttons, the open one marked current.
    root.querySelectorAll('[role="tablist"]').forEach(function (list) {
      list.removeAttribute("role");
    });
    root.querySelectorAll('li[role="tab"]').forEach(function (tab) {
      var open = tab.getAttribute("aria-selected") === "true";
      tab.removeAttribute("role");
      tab.removeAttribute("aria-selected");
      var button = tab.querySelector(".graphiql-tab-button");
      if (button) {
        if (open) button.setAttribute("aria-current", "true");
        else button.removeAttribute("aria-current");
      }
    });
  }
  new MutationObserver(mend).observe(root, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["role", "aria-selected", "tabindex"],
  });
})();
