// Loads what forge-data.js leaves out, when a page needs it: node shards (nodes/<k>.js), the
// search index and the column lineage. Script tags rather than fetch, which file:// refuses.
(function () {
  'use strict';
  var scripts = new Map(), shards = new Map(), searchIndex = null, lineage = null;

  function load(src) {
    if (scripts.has(src)) return scripts.get(src);
    var promise = new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = function () { resolve(); };
      s.onerror = function () { scripts.delete(src); s.remove(); reject(new Error('could not load ' + src + '; run `forge docs generate` again')); };
      document.head.appendChild(s);
    });
    scripts.set(src, promise);
    return promise;
  }

  // The generated files call these.
  window.forgeShard = function (k, list) { shards.set(k, list); };
  window.forgeSearchIndex = function (data) { searchIndex = data; };
  window.forgeLineage = function (list) { lineage = list; };

  window.ForgeLoader = {
    // Resolves once node i carries its details (desc, cols, sql…); merged into the node itself so pages read n.desc as before.
    node: function (i) {
      var D = window.FORGE_DATA, k = Math.floor(i / D.shardSize);
      return load('nodes/' + k + '.js').then(function () {
        var list = shards.get(k);
        if (list) {
          list.forEach(function (d, j) { Object.assign(D.nodes[k * D.shardSize + j], d); });
          shards.delete(k);
        }
      });
    },
    isLoaded: function (src) { return scripts.has(src); },
    search: function () { return load('forge-search.js').then(function () { return searchIndex; }); },
    lineage: function () { return load('forge-lineage.js').then(function () { return lineage; }); }
  };
})();
