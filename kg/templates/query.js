"use strict";
// kg serve's query page: YASGUI on this server's /sparql, nothing loaded from elsewhere.
(function () {
  const $ = id => document.getElementById(id);
  const examples = JSON.parse($("examples").textContent);
  const prefixes = JSON.parse($("prefixes").textContent);
  const head = Object.keys(prefixes).map(p => "PREFIX " + p + ": <" + prefixes[p] + ">").join("\n") + "\n";
  const yasgui = new Yasgui($("yasgui"), {
    requestConfig: {endpoint: new URL("sparql", window.location.href).href, method: "POST"},
    copyEndpointOnNewTab: false,
    persistenceId: null,
    populateFromUrl: false,
    endpointCatalogueOptions: {getData: () => []},
    yasqe: {value: head + "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10"},
  });
  for (const name of Object.keys(examples)) {
    const o = document.createElement("option");
    o.value = name;
    o.textContent = name;
    $("ex").appendChild(o);
  }
  $("ex").onchange = () => {
    if (examples[$("ex").value]) yasgui.getTab().setQuery(examples[$("ex").value]);
  };
  window.kgYasgui = yasgui;
})();
