// The query editor at /sparql: YASGUI, set up from the page so that it asks nothing of
// any other site. Without JavaScript (or if YASGUI fails to start) the plain form stays.
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("editor-config").textContent);
  const root = document.getElementById("editor");
  const Yasgui = window.Yasgui;
  const Yasqe = Yasgui.Yasqe;

  // Prefix completion from the dataset's own prefixes, never from prefix.cc; typing an
  // undeclared prefix such as "skos:" adds its PREFIX line. Classes and properties are
  // not completed: YASGUI would ask Linked Open Vocabularies for them.
  const prefixLines = Object.entries(config.prefixes)
    .map(([prefix, namespace]) => `${prefix}: <${namespace}>`)
    .sort();
  Yasqe.forkAutocompleter(
    "prefixes",
    { name: "datasetPrefixes", persistenceId: null, get: () => Promise.resolve(prefixLines) },
    false,
  );

  const onlyThisEndpoint = (tab) => {
    tab.requestConfig = { ...tab.requestConfig, endpoint: config.endpoint, headers: {}, args: [] };
    return tab;
  };

  const yasgui = new Yasgui(root, {
    persistenceId: "aseankg-editor",
    copyEndpointOnNewTab: false,
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    endpointCatalogueOptions: { getData: () => [{ endpoint: config.endpoint }] },
    // A link to /sparql#query=...&tabTitle=... opens its query in a new tab, here.
    populateFromUrl: onlyThisEndpoint,
    yasqe: {
      value: config.query,
      autocompleters: ["datasetPrefixes", "variables"],
      prefixCcApi: null,
      collapsePrefixesOnLoad: true,
    },
    yasr: { prefixes: config.prefixes },
  });

  // IRIs of this dataset open the pages that serve them, wherever this server runs.
  const served = (href) =>
    href.startsWith(config.publicBase)
      ? config.servedBase + href.slice(config.publicBase.length)
      : href;
  const retarget = () => {
    for (const link of root.querySelectorAll(`a[href^="${config.publicBase}"]`)) {
      link.href = served(link.getAttribute("href"));
    }
  };
  new MutationObserver(retarget).observe(root, { childList: true, subtree: true });

  const examples = new Map(config.examples.map((example) => [example.name, example]));
  const picker = document.getElementById("canned-query");
  picker.addEventListener("change", () => {
    const example = examples.get(picker.value);
    if (example) {
      yasgui.addTab(true, { name: example.name, yasqe: { value: example.query } });
    }
    picker.value = "";
  });

  document.getElementById("plain-query").hidden = true;
  document.getElementById("editor-tools").hidden = false;
  window.aseankgEditor = yasgui;
})();
