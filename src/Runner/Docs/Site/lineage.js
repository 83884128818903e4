// Column-level lineage across the whole graph, from forge-lineage.js:
// [[node index, column, [[upstream node id, column, 1 when transformed], ...], unresolved?], ...].
(function () {
  'use strict';

  function key(node, column) { return node + '\u0000' + column.toLowerCase(); }

  function ForgeLineage(list, indexOf) {
    this.up = new Map();    // key -> [{node, column, transformed}]
    this.down = new Map();
    this.unresolved = new Map();
    var self = this;
    list.forEach(function (item) {
      var n = item[0], k = key(n, item[1]);
      if (item[3]) self.unresolved.set(k, item[3]);
      var ups = [];
      item[2].forEach(function (u) {
        var from = indexOf(u[0]);
        var origin = { node: from === undefined ? u[0] : from, column: u[1], transformed: u[2] === 1 };
        ups.push(origin);
        var dk = key(origin.node, origin.column);
        if (!self.down.has(dk)) self.down.set(dk, []);
        self.down.get(dk).push({ node: n, column: item[1], transformed: origin.transformed });
      });
      self.up.set(k, ups);
    });
  }

  ForgeLineage.prototype.has = function (node, column) {
    var k = key(node, column);
    return this.up.has(k) || this.down.has(k) || this.unresolved.has(k);
  };

  ForgeLineage.prototype.unresolvedReason = function (node, column) { return this.unresolved.get(key(node, column)); };

  // Breadth-first over one direction: [{node, column, transformed, depth, unresolved}], each column once.
  ForgeLineage.prototype.walk = function (node, column, direction) {
    var edges = direction === 'up' ? this.up : this.down;
    var seen = new Set([key(node, column)]), out = [], queue = [{ node: node, column: column, depth: 0 }];
    while (queue.length) {
      var at = queue.shift();
      var next = edges.get(key(at.node, at.column)) || [];
      for (var i = 0; i < next.length; i++) {
        var e = next[i], k = key(e.node, e.column);
        if (seen.has(k)) continue;
        seen.add(k);
        var item = { node: e.node, column: e.column, transformed: e.transformed, depth: at.depth + 1, unresolved: this.unresolved.get(k) };
        out.push(item);
        if (out.length > 5000) return out;
        queue.push(item);
      }
    }
    return out;
  };

  window.ForgeLineage = ForgeLineage;
})();
