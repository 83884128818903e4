// Search over the index built by `forge docs generate`: prefix match per word, all words must match.
(function () {
  'use strict';
  var NAME = 1, COLUMN = 2, DESCRIPTION = 4, SQL = 8;

  // index: forge-search.js's {tokens, postings, cols: [[node index, [column names]], ...]}.
  function ForgeSearch(nodes, index) {
    var cols = this.cols = new Map();
    this.nodes = nodes;
    this.tokens = index.tokens;
    this.postings = index.postings;
    index.cols.forEach(function (c) { cols.set(c[0], c[1]); });
  }

  ForgeSearch.prototype.terms = function (query) {
    return query.toLowerCase().split(/[^a-z0-9_\u00c0-\uffff]+/).filter(function (t) { return t.length > 0; });
  };

  // Documents holding a token that starts with `prefix`: Map(doc -> field mask).
  ForgeSearch.prototype.lookup = function (prefix) {
    var tokens = this.tokens, lo = 0, hi = tokens.length, found = new Map();
    while (lo < hi) { var mid = (lo + hi) >> 1; if (tokens[mid] < prefix) lo = mid + 1; else hi = mid; }
    for (var t = lo; t < tokens.length && tokens[t].lastIndexOf(prefix, 0) === 0; t++) {
      var p = this.postings[t];
      for (var i = 0; i < p.length; i += 2) found.set(p[i], (found.get(p[i]) || 0) | p[i + 1]);
      if (found.size > 20000) break;
    }
    return found;
  };

  ForgeSearch.prototype.query = function (query, limit) {
    var terms = this.terms(query);
    if (terms.length === 0) return [];
    var result = null;
    for (var k = 0; k < terms.length; k++) {
      var hits = this.lookup(terms[k]);
      if (result === null) { result = new Map(); hits.forEach(function (mask, doc) { result.set(doc, [mask]); }); }
      else {
        var next = new Map();
        result.forEach(function (masks, doc) { if (hits.has(doc)) { masks.push(hits.get(doc)); next.set(doc, masks); } });
        result = next;
      }
    }
    var self = this, nodes = this.nodes, q = query.trim().toLowerCase(), list = [];
    result.forEach(function (masks, doc) {
      var score = 0, fields = 0;
      masks.forEach(function (m) { fields |= m; score += (m & NAME ? 100 : 0) + (m & COLUMN ? 20 : 0) + (m & DESCRIPTION ? 5 : 0) + (m & SQL ? 1 : 0); });
      var node = nodes[doc];
      if (node.name.toLowerCase() === q) score += 1000;
      if (node.type === 'model') score += 3;
      if (node.type === 'test') score -= 2;
      list.push({ doc: doc, node: node, fields: fields, score: score, columns: matchingColumns(self.cols.get(doc), terms, fields) });
    });
    list.sort(function (a, b) { return b.score - a.score || a.node.name.localeCompare(b.node.name); });
    return limit ? list.slice(0, limit) : list;
  };

  function matchingColumns(cols, terms, fields) {
    if (!(fields & COLUMN) || !cols) return [];
    return cols.filter(function (c) {
      var name = c.toLowerCase();
      return terms.some(function (t) { return name.indexOf(t) >= 0; });
    }).slice(0, 5);
  }

  ForgeSearch.FIELDS = { NAME: NAME, COLUMN: COLUMN, DESCRIPTION: DESCRIPTION, SQL: SQL };
  window.ForgeSearch = ForgeSearch;
})();
