// The overview layout for large graphs: nodes grouped by folder (staging/orders, marts/finance,
// sources/raw…), each group a box holding its nodes in a grid ordered by layer, and groups in
// columns by the median layer of their members, so the first view reads left to right as the
// project's layers. Edges between groups are bundled: one per pair of groups, with a count.
(function () {
  'use strict';
  var CELL_W = 220, CELL_H = 40, PAD = 16, HEADER = 40, COLUMN_GAP = 360, GROUP_GAP = 90, MAX_GROUPS = 300;

  function keyOf(node, depth) {
    var parts = (node.folder || '(root)').split('/');
    return parts.slice(0, depth).join('/');
  }

  // Folders, coarsened to fewer path segments while there are too many to read.
  function grouping(nodes, indices) {
    for (var depth = 4; depth >= 1; depth--) {
      var seen = new Set();
      for (var k = 0; k < indices.length && seen.size <= MAX_GROUPS; k++) seen.add(keyOf(nodes[indices[k]], depth));
      if (seen.size <= MAX_GROUPS || depth === 1) return depth;
    }
    return 1;
  }

  function median(values) {
    values.sort(function (a, b) { return a - b; });
    return values[values.length >> 1];
  }

  function layout(nodes, indices) {
    var depth = grouping(nodes, indices), byKey = new Map(), layerSize = new Map();
    indices.forEach(function (i) {
      var key = keyOf(nodes[i], depth);
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key).push(i);
      layerSize.set(nodes[i].L, (layerSize.get(nodes[i].L) || 0) + 1);
    });
    var groups = [];
    byKey.forEach(function (members, key) {
      members.sort(function (a, b) { return nodes[a].L - nodes[b].L || nodes[a].R - nodes[b].R; });
      var layer = median(members.map(function (i) { return nodes[i].L; }));
      var rank = 0;
      members.forEach(function (i) { rank += nodes[i].R / layerSize.get(nodes[i].L); });
      // Roughly twice as wide as tall, so a group reads as a block rather than a stripe.
      var cols = Math.max(1, Math.ceil(Math.sqrt(members.length * 1.6 * CELL_H / CELL_W * 2)));
      var rows = Math.ceil(members.length / cols);
      groups.push({ name: key, label: key.split('/').pop() || key, members: members, layer: layer, rank: rank / members.length, cols: cols, rows: rows,
        w: cols * CELL_W + 2 * PAD - (CELL_W - 190), h: HEADER + rows * CELL_H + PAD, x: 0, y: 0 });
    });

    // Columns by median layer; empty layers close up.
    var layers = Array.from(new Set(groups.map(function (g) { return g.layer; }))).sort(function (a, b) { return a - b; });
    var columns = layers.map(function () { return []; });
    groups.forEach(function (g) { g.column = layers.indexOf(g.layer); columns[g.column].push(g); });
    // A layer with many groups would make one tall stripe: wrap it into side-by-side columns no
    // taller than a view of the whole graph at about 16:9 needs.
    var area = 0;
    groups.forEach(function (g) { area += (g.w + COLUMN_GAP) * (g.h + GROUP_GAP); });
    var limit = Math.max(Math.sqrt(area / 1.8), Math.max.apply(null, groups.map(function (g) { return g.h; })));
    var x = 0, heights = [], wrapped = [];
    columns.forEach(function (column) {
      column.sort(function (a, b) { return a.rank - b.rank || (a.name < b.name ? -1 : 1); });
      var current = [], y = 0;
      column.forEach(function (g) {
        if (current.length && y + g.h > limit) { wrapped.push(current); current = []; y = 0; }
        current.push(g); y += g.h + GROUP_GAP;
      });
      if (current.length) wrapped.push(current);
    });
    wrapped.forEach(function (column) {
      var width = 0, y = 0;
      column.forEach(function (g) { g.y = y; y += g.h + GROUP_GAP; width = Math.max(width, g.w); });
      column.forEach(function (g) { g.x = x + (width - g.w) / 2; });
      heights.push(y - GROUP_GAP);
      x += width + COLUMN_GAP;
    });
    var tallest = Math.max.apply(null, heights.concat([0]));
    wrapped.forEach(function (column, c) { var dy = (tallest - heights[c]) / 2; column.forEach(function (g) { g.y += dy; }); });

    var pos = new Map(), groupOf = new Map();
    groups.forEach(function (g, gi) {
      // Column-major, so earlier layers sit on the left of the box.
      g.members.forEach(function (i, k) {
        var col = Math.floor(k / g.rows), row = k % g.rows;
        pos.set(i, { x: g.x + PAD + col * CELL_W, y: g.y + HEADER + row * CELL_H });
        groupOf.set(i, gi);
      });
    });

    var bundles = new Map();
    indices.forEach(function (i) {
      (nodes[i].deps || []).forEach(function (p) {
        if (!groupOf.has(p)) return;
        var a = groupOf.get(p), b = groupOf.get(i);
        if (a === b) return;
        var key = a * 100000 + b;
        bundles.set(key, (bundles.get(key) || 0) + 1);
      });
    });
    var groupEdges = [];
    bundles.forEach(function (count, key) { groupEdges.push([Math.floor(key / 100000), key % 100000, count]); });
    return { groups: groups, pos: pos, groupOf: groupOf, groupEdges: groupEdges,
      width: Math.max(1, x - COLUMN_GAP), height: Math.max(1, tallest) };
  }

  window.ForgeGroups = { layout: layout };
})();
