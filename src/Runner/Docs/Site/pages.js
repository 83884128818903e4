// The pages: overview, a node (model, seed, snapshot, source, test, macro), the lineage graph, search results.
(function () {
  'use strict';
  function A() { return window.ForgeApp; }
  var TYPE_LABEL = { model: 'Model', seed: 'Seed', snapshot: 'Snapshot', source: 'Source', test: 'Test', macro: 'Macro', analysis: 'Analysis' };

  function statusPill(run) {
    if (!run) return '';
    var s = run.status, cls = s === 'success' || s === 'pass' ? 'ok' : s === 'error' || s === 'fail' ? 'bad' : s === 'warn' ? 'warn' : 'muted';
    return '<span class="status status-' + cls + '" title="' + A().esc(run.message || '') + '">' + A().esc(s) + ' · ' + run.time.toFixed(2) + 's</span>';
  }

  function overview(main) {
    var D = A().data, counts = {};
    D.nodes.forEach(function (n) { counts[n.type] = (counts[n.type] || 0) + 1; });
    var stats = ['model', 'source', 'seed', 'snapshot', 'test', 'macro'].filter(function (t) { return counts[t]; }).map(function (t) {
      return '<div class="stat"><div class="stat-value">' + counts[t] + '</div><div class="stat-label">' + TYPE_LABEL[t].toLowerCase() + (counts[t] === 1 ? '' : 's') + '</div></div>';
    }).join('');
    var failed = D.nodes.map(function (n, i) { return i; }).filter(function (i) { var r = D.nodes[i].run; return r && (r.status === 'error' || r.status === 'fail'); });
    main.innerHTML = '<div class="page">' +
      '<div class="eyebrow">Project · ' + A().esc(D.target) + ' · generated ' + A().esc(D.generatedAt.replace('T', ' ').replace('Z', ' UTC')) + '</div>' +
      (D.overview ? '<div class="markdown overview">' + D.overview + '</div>' : '<h1>' + A().esc(D.project) + '</h1><p class="muted">Add a <code>{% docs __overview__ %}</code> block to a .md file under a model path to write this page.</p>') +
      '<div class="stats">' + stats + '</div>' +
      (failed.length ? '<h2>Failed in the last run</h2><ul class="plain">' + failed.map(function (i) { return '<li>' + A().link(i) + ' ' + statusPill(D.nodes[i].run) + '</li>'; }).join('') + '</ul>' : '') +
      '<p><a class="button" href="#/graph">Open the lineage graph →</a></p></div>';
  }

  function list(indices) {
    if (!indices.length) return '<p class="muted">None</p>';
    return '<ul class="node-list">' + indices.map(function (i) {
      var n = A().data.nodes[i];
      return '<li><span class="badge type-' + n.type + '">' + n.type + '</span>' + A().link(i) + '</li>';
    }).join('') + '</ul>';
  }

  function code(title, text, id) {
    return '<details class="code-block"' + (id === 'raw' ? ' open' : '') + ' data-code="' + id + '"><summary>' + title + '</summary><pre class="sql"><code>' + window.ForgeSql.highlight(text) + '</code></pre></details>';
  }

  function node(main, i, params) {
    var app = A(), D = app.data, n = D.nodes[i], esc = app.esc;
    var meta = [];
    meta.push(['Path', '<code>' + esc(n.path) + '</code>']);
    if (n.rel) meta.push(['Relation', '<code>' + esc(n.rel) + '</code>' + (n.ttype ? ' <span class="muted">(' + esc(n.ttype.toLowerCase()) + ')</span>' : '')]);
    if (n.mat) meta.push(['Materialized', esc(n.mat)]);
    if (n.tags && n.tags.length) meta.push(['Tags', n.tags.map(function (t) { return '<a class="tag" href="#/graph?select=' + encodeURIComponent('tag:' + t) + '">' + esc(t) + '</a>'; }).join(' ')]);
    if (n.run) meta.push(['Last run', statusPill(n.run) + (n.run.at ? ' <span class="muted">' + esc(n.run.at.replace('T', ' ').slice(0, 19)) + '</span>' : '') + (n.run.message ? ' <span class="muted">' + esc(n.run.message) + '</span>' : '')]);
    var parents = (n.deps || []).slice(), children = app.children[i].filter(function (c) { return D.nodes[c].type !== 'test'; });
    var tests = app.children[i].filter(function (c) { return D.nodes[c].type === 'test'; });
    var html = '<div class="page node-page" data-node="' + esc(n.id) + '">' +
      '<div class="eyebrow"><span class="badge type-' + n.type + '">' + (TYPE_LABEL[n.type] || n.type) + '</span> ' + esc(n.id) + '</div>' +
      '<h1>' + esc(n.name) + '</h1>' +
      (n.L !== undefined ? '<p class="actions"><a class="button" href="#/graph?focus=' + encodeURIComponent(n.id) + '&up=2&down=2">View lineage</a></p>' : '') +
      (n.desc ? '<div class="markdown description">' + n.desc + '</div>' : '<p class="muted">No description.</p>') +
      '<table class="meta">' + meta.map(function (m) { return '<tr><th>' + m[0] + '</th><td>' + m[1] + '</td></tr>'; }).join('') + '</table>';
    if (n.cols && n.cols.length) {
      html += '<h2>Columns <span class="count">' + n.cols.length + '</span></h2><table class="columns"><thead><tr><th>Column</th><th>Type</th><th>Description</th><th>Tests</th><th></th></tr></thead><tbody>' +
        n.cols.map(function (c) {
          var hasLineage = c.lin === 1;
          return '<tr class="column-row' + (params.get('col') === c.name ? ' selected' : '') + '" data-column="' + esc(c.name) + '">' +
            '<td class="col-name"><code>' + esc(c.name) + '</code></td><td class="col-type">' + esc(c.type || '') + '</td>' +
            '<td class="markdown">' + (c.desc || '') + '</td>' +
            '<td>' + (c.tests || []).map(function (t) { return '<span class="test-chip">' + esc(t) + '</span>'; }).join(' ') + '</td>' +
            '<td>' + (hasLineage ? '<a class="lineage-button" href="#/node/' + encodeURIComponent(n.id) + '?col=' + encodeURIComponent(c.name) + '">lineage</a>' : '') + '</td></tr>';
        }).join('') + '</tbody></table>';
      if (params.get('col')) html += columnLineage(i, params.get('col'));
    }
    if (n.tests && n.tests.length) html += '<h2>Tests on the ' + n.type + '</h2><p>' + n.tests.map(function (t) { return '<span class="test-chip">' + esc(t) + '</span>'; }).join(' ') + '</p>';
    if (n.type !== 'macro') {
      html += '<div class="relations"><div><h2>Depends on <span class="count">' + parents.length + '</span></h2>' + list(parents) + '</div>' +
        '<div><h2>Referenced by <span class="count">' + children.length + '</span></h2>' + list(children) + '</div></div>';
      if (tests.length) html += '<h2>Tests <span class="count">' + tests.length + '</span></h2>' + list(tests);
    }
    if (n.raw) html += '<h2>Code</h2>' + code(n.type === 'macro' ? 'Macro source' : 'Source', n.raw, 'raw');
    if (n.sql) html += code('Compiled SQL', n.sql, 'compiled');
    if (n.config) html += '<details class="code-block" data-code="config"><summary>Config</summary><pre><code>' + esc(JSON.stringify(n.config, null, 2)) + '</code></pre></details>';
    main.innerHTML = html + '</div>';
    main.querySelectorAll('.column-row').forEach(function (row) {
      row.addEventListener('click', function (e) {
        if (e.target.tagName === 'A' && !e.target.classList.contains('lineage-button')) return;
        e.preventDefault();
        var col = row.getAttribute('data-column');
        location.hash = '#/node/' + encodeURIComponent(n.id) + '?col=' + encodeURIComponent(col);
      });
    });
    var panel = main.querySelector('.column-lineage');
    if (panel) panel.scrollIntoView({ block: 'nearest' });
  }

  function columnLineage(i, column) {
    var app = A(), D = app.data, esc = app.esc;
    var up = app.lineage.walk(i, column, 'up'), down = app.lineage.walk(i, column, 'down'), reason = app.lineage.unresolvedReason(i, column);
    function items(list, direction) {
      if (!list.length) return '<p class="muted">' + (direction === 'up' ? 'No upstream columns recorded.' : 'No downstream columns.') + '</p>';
      return '<ol class="lineage-list">' + list.map(function (e) {
        var known = typeof e.node === 'number', id = known ? D.nodes[e.node].id : e.node, name = known ? D.nodes[e.node].name : e.node;
        return '<li class="lineage-item" data-direction="' + direction + '" data-node="' + esc(id) + '" data-column="' + esc(e.column) + '" data-kind="' + (e.transformed ? 'transformed' : 'direct') + '" style="--depth:' + (e.depth - 1) + '">' +
          '<span class="depth">' + e.depth + '</span>' +
          (known ? '<a href="#/node/' + encodeURIComponent(id) + '?col=' + encodeURIComponent(e.column) + '">' + esc(name) + '.<b>' + esc(e.column) + '</b></a>' : '<span>' + esc(name) + '.<b>' + esc(e.column) + '</b></span>') +
          '<span class="kind kind-' + (e.transformed ? 'transformed' : 'direct') + '">' + (e.transformed ? 'transformed' : 'direct') + '</span>' +
          (e.unresolved ? '<span class="unresolved">unresolved: ' + esc(e.unresolved) + '</span>' : '') + '</li>';
      }).join('') + '</ol>';
    }
    return '<section class="column-lineage" data-column="' + esc(column) + '"><h2>Column lineage of <code>' + esc(column) + '</code></h2>' +
      (reason ? '<p class="unresolved-note">Origin not fully known: ' + esc(reason) + '</p>' : '') +
      '<div class="lineage-columns"><div><h3>Upstream</h3>' + items(up, 'up') + '</div><div><h3>Downstream</h3>' + items(down, 'down') + '</div></div></section>';
  }

  var graphView = null;
  function graph(main, params) {
    var app = A(), D = app.data, esc = app.esc;
    var types = ['model', 'source', 'seed', 'snapshot', 'analysis'].filter(function (t) { return D.nodes.some(function (n) { return n.type === t && n.L !== undefined; }); });
    var chosen = params.get('types') ? params.get('types').split(',') : types;
    var focus = params.get('focus') || '', up = params.get('up') || '2', down = params.get('down') || '2', select = params.get('select') || '';
    main.innerHTML = '<div class="graph-page"><div class="graph-toolbar">' +
      '<input id="graph-find" class="find-input" list="graph-find-names" placeholder="Find a node…" spellcheck="false" autocomplete="off"><datalist id="graph-find-names"></datalist>' +
      '<input id="graph-select" class="select-input" placeholder="Select: +fct_rides  stg_rides+  tag:marts  path:models/staging  type:source" value="' + esc(select) + '" spellcheck="false">' +
      '<span class="type-filters">' + types.map(function (t) { return '<label><input type="checkbox" data-type="' + t + '"' + (chosen.indexOf(t) >= 0 ? ' checked' : '') + '><span class="dot type-' + t + '"></span>' + t + 's</label>'; }).join('') + '</span>' +
      (focus ? '<span class="focus">Focus <b>' + esc((D.nodes[app.indexOf(focus)] || { name: focus }).name) + '</b> up <input id="graph-up" type="number" min="0" max="50" value="' + esc(up) + '"> down <input id="graph-down" type="number" min="0" max="50" value="' + esc(down) + '"> <a href="#/graph" class="clear">×</a></span>' : '') +
      '<span class="spacer"></span><span id="graph-count" class="muted"></span>' +
      '<button id="graph-zoom-out" title="Zoom out">−</button><button id="graph-zoom-in" title="Zoom in">+</button><button id="graph-fit">Fit</button></div>' +
      '<div id="graph-error" class="graph-error" hidden></div><canvas id="graph-canvas" class="graph-canvas"></canvas>' +
      '<div class="legend">' + types.map(function (t) { return '<span><span class="dot type-' + t + '"></span>' + t + '</span>'; }).join('') + '<span class="muted">drag to pan · wheel to zoom · click to open</span></div></div>';
    var canvas = document.getElementById('graph-canvas');
    graphView = new window.ForgeGraph(canvas, D, function (i) { location.hash = app.nodeHref(D.nodes[i].id); }, focusOn);
    window.forgeGraph = graphView;

    function apply() {
      var sel = document.getElementById('graph-select').value, error = document.getElementById('graph-error');
      var allowed = new Set(Array.prototype.map.call(main.querySelectorAll('[data-type]:checked'), function (c) { return c.getAttribute('data-type'); }));
      var candidates = [];
      D.nodes.forEach(function (n, i) { if (n.L !== undefined && allowed.has(n.type)) candidates.push(i); });
      var shown = new Set(candidates), candidateSet = new Set(candidates);
      var parents = function (i) { return (D.nodes[i].deps || []).filter(function (p) { return candidateSet.has(p); }); };
      var children = function (i) { return app.children[i].filter(function (c) { return candidateSet.has(c); }); };
      var f = focus ? app.indexOf(focus) : undefined;
      if (f !== undefined) {
        var near = new Set([f]);
        var u = parseInt((document.getElementById('graph-up') || {}).value || up, 10), d = parseInt((document.getElementById('graph-down') || {}).value || down, 10);
        window.ForgeSelector.walk([f], parents, isNaN(u) ? 2 : u, near);
        window.ForgeSelector.walk([f], children, isNaN(d) ? 2 : d, near);
        shown = near;
        graphView.selected = f;
      }
      error.hidden = true;
      if (sel.trim()) {
        var result = window.ForgeSelector.select(sel, D.nodes, parents, children, candidates);
        if (result.error) { error.textContent = result.error; error.hidden = false; }
        else { var both = new Set(); result.nodes.forEach(function (i) { if (shown.has(i)) both.add(i); }); shown = both; }
      }
      var indices = Array.from(shown).filter(function (i) { return candidateSet.has(i) || i === f; });
      graphView.show(indices);
      document.getElementById('graph-count').textContent = (graphView.grouped ? graphView.grouped.groups.length + ' groups · ' : '') +
        indices.length + ' nodes · ' + graphView.edges.length + ' edges' + (graphView.grouped ? ' · zoom in or click a group for nodes' : '');
    }
    bindFind(D, focusOn);
    var timer = 0;
    document.getElementById('graph-select').addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(apply, 200); });
    main.querySelectorAll('[data-type], #graph-up, #graph-down').forEach(function (c) { c.addEventListener('change', apply); });
    document.getElementById('graph-fit').addEventListener('click', function () { graphView.fit(); });
    document.getElementById('graph-zoom-in').addEventListener('click', function () { graphView.zoom(1.25); });
    document.getElementById('graph-zoom-out').addEventListener('click', function () { graphView.zoom(0.8); });
    apply();
  }

  // A node's neighbourhood (parents and children) as its own graph.
  function focusOn(i) { location.hash = '#/graph?focus=' + encodeURIComponent(A().data.nodes[i].id) + '&up=1&down=1'; }

  // The toolbar's finder: names as the user types (a datalist), Enter focuses the best match.
  function bindFind(D, focus) {
    var input = document.getElementById('graph-find'), list = document.getElementById('graph-find-names');
    function matches(text, limit) {
      var q = text.trim().toLowerCase(), exact = [], prefix = [], inside = [];
      if (!q) return [];
      for (var i = 0; i < D.nodes.length && exact.length + prefix.length < limit; i++) {
        var n = D.nodes[i];
        if (n.L === undefined) continue;
        var name = n.name.toLowerCase();
        if (name === q || n.id.toLowerCase() === q) exact.push(i);
        else if (name.lastIndexOf(q, 0) === 0) prefix.push(i);
        else if (inside.length < limit && name.indexOf(q) >= 0) inside.push(i);
      }
      return exact.concat(prefix, inside).slice(0, limit);
    }
    input.addEventListener('input', function () {
      list.innerHTML = matches(input.value, 20).map(function (i) { return '<option value="' + A().esc(D.nodes[i].name) + '">'; }).join('');
    });
    input.addEventListener('keydown', function (e) {
      if (e.key !== 'Enter') return;
      var best = matches(input.value, 1);
      if (best.length) focus(best[0]);
    });
  }

  function search(main, query) {
    var app = A(), hits = app.search.query(query);
    main.innerHTML = '<div class="page"><h1>Search</h1><p class="muted">' + hits.length + ' result' + (hits.length === 1 ? '' : 's') + ' for “' + app.esc(query) + '”</p><ul class="search-page">' +
      hits.slice(0, 500).map(function (h) {
        return '<li class="search-hit-row" data-id="' + app.esc(h.node.id) + '"><span class="badge type-' + h.node.type + '">' + h.node.type + '</span>' + app.link(h.doc) + ' <span class="muted">' + app.describeHit(h) + '</span></li>';
      }).join('') + '</ul></div>';
  }

  window.ForgePages = { overview: overview, node: node, graph: graph, search: search };
})();
