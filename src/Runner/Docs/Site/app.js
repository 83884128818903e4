// The docs app: boot, hash routing, the sidebar tree and the search box. Pages are in pages.js.
(function () {
  'use strict';
  var D = window.FORGE_DATA;
  var App = window.ForgeApp = { data: D };

  App.esc = function (s) {
    return String(s == null ? '' : s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  };
  App.byId = new Map();
  D.nodes.forEach(function (n, i) { App.byId.set(n.id, i); });
  App.indexOf = function (id) { return App.byId.get(id); };
  App.children = D.nodes.map(function () { return []; });
  D.nodes.forEach(function (n, i) { (n.deps || []).forEach(function (p) { App.children[p].push(i); }); });
  App.parents = function (i) { return D.nodes[i].deps || []; };
  App.link = function (i, text) {
    var n = D.nodes[i];
    return '<a href="#/node/' + encodeURIComponent(n.id) + '" class="node-link type-' + n.type + '">' + App.esc(text || n.name) + '</a>';
  };
  App.nodeHref = function (id) { return '#/node/' + encodeURIComponent(id); };
  App.pages = window.ForgePages;
  // The search index and the column lineage are loaded on first use (loader.js); until then these are null.
  App.search = null;
  App.lineage = null;
  App.searchReady = function () {
    return window.ForgeLoader.search().then(function (index) { return App.search || (App.search = new window.ForgeSearch(D.nodes, index)); });
  };
  App.lineageReady = function () {
    return window.ForgeLoader.lineage().then(function (list) { return App.lineage || (App.lineage = new window.ForgeLineage(list, App.indexOf)); });
  };

  // ---- sidebar: a tree by folder, sources and macros in their own sections ----
  function buildTree() {
    var root = { dirs: new Map(), leaves: [] };
    D.nodes.forEach(function (n, i) {
      if (n.type === 'test') return;
      var parts = n.folder ? n.folder.split('/') : [];
      var at = root;
      parts.forEach(function (p) {
        if (!at.dirs.has(p)) at.dirs.set(p, { dirs: new Map(), leaves: [] });
        at = at.dirs.get(p);
      });
      at.leaves.push(i);
    });
    return root;
  }
  function renderTree(dir, depth, path, out) {
    Array.from(dir.dirs.keys()).sort().forEach(function (name) {
      var child = dir.dirs.get(name), full = path ? path + '/' + name : name;
      out.push('<details class="tree-dir" data-path="' + App.esc(full) + '"' + (depth < 1 ? ' open' : '') + '><summary>' +
        '<span class="folder-icon"></span>' + App.esc(name) + '<span class="count">' + count(child) + '</span></summary><div class="tree-children">');
      renderTree(child, depth + 1, full, out);
      out.push('</div></details>');
    });
    dir.leaves.sort(function (a, b) { return D.nodes[a].name.localeCompare(D.nodes[b].name); }).forEach(function (i) {
      var n = D.nodes[i];
      out.push('<a class="tree-leaf" data-id="' + App.esc(n.id) + '" href="' + App.nodeHref(n.id) + '"><span class="dot type-' + n.type + '"></span>' + App.esc(n.name) + '</a>');
    });
  }
  function count(dir) {
    var c = dir.leaves.length;
    dir.dirs.forEach(function (d) { c += count(d); });
    return c;
  }
  function renderSidebar() {
    var out = [], tree = buildTree();
    renderTree(tree, 0, '', out);
    document.getElementById('sidebar').innerHTML = '<div class="sidebar-title">Project</div>' + out.join('');
  }
  App.revealInSidebar = function (id) {
    var sidebar = document.getElementById('sidebar');
    sidebar.querySelectorAll('.tree-leaf.active').forEach(function (e) { e.classList.remove('active'); });
    var leaf = Array.prototype.find.call(sidebar.querySelectorAll('.tree-leaf'), function (e) { return e.getAttribute('data-id') === id; });
    if (!leaf) return;
    leaf.classList.add('active');
    for (var p = leaf.parentElement; p && p !== sidebar; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
    var r = leaf.getBoundingClientRect(), s = sidebar.getBoundingClientRect();
    if (r.top < s.top || r.bottom > s.bottom) leaf.scrollIntoView({ block: 'center' });
  };

  // ---- search box ----
  var FIELD_NAMES = [[1, 'name'], [2, 'column'], [4, 'description'], [8, 'SQL']];
  App.describeHit = function (hit) {
    var where = FIELD_NAMES.filter(function (f) { return hit.fields & f[0]; }).map(function (f) { return f[1]; }).join(', ');
    var cols = hit.columns.length ? ' · columns: ' + hit.columns.map(App.esc).join(', ') : '';
    return 'in ' + where + cols;
  };
  function bindSearch() {
    var input = document.getElementById('search'), box = document.getElementById('search-results'), active = 0, hits = [];
    function render() {
      if (!input.value.trim()) { box.hidden = true; return; }
      if (!App.search) {
        box.innerHTML = '<div class="search-empty">Loading the index…</div>';
        box.hidden = false;
        App.searchReady().then(function () { if (document.activeElement === input || input.value.trim()) render(); }, showError);
        return;
      }
      hits = App.search.query(input.value, 12);
      box.innerHTML = hits.length === 0 ? '<div class="search-empty">No matches</div>' : hits.map(function (h, k) {
        return '<a class="search-hit' + (k === active ? ' active' : '') + '" data-id="' + App.esc(h.node.id) + '" href="' + App.nodeHref(h.node.id) + '">' +
          '<span class="badge type-' + h.node.type + '">' + h.node.type + '</span><span class="hit-name">' + App.esc(h.node.name) + '</span>' +
          '<span class="hit-where">' + App.describeHit(h) + '</span></a>';
      }).join('') + '<a class="search-all" href="#/search?q=' + encodeURIComponent(input.value) + '">All results for “' + App.esc(input.value) + '”</a>';
      box.hidden = false;
    }
    input.addEventListener('input', function () { active = 0; render(); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { active = Math.min(active + 1, hits.length - 1); render(); e.preventDefault(); }
      else if (e.key === 'ArrowUp') { active = Math.max(active - 1, 0); render(); e.preventDefault(); }
      else if (e.key === 'Enter') { if (hits[active]) location.hash = App.nodeHref(hits[active].node.id); box.hidden = true; input.blur(); }
      else if (e.key === 'Escape') { box.hidden = true; input.blur(); }
    });
    input.addEventListener('focus', function () { App.searchReady(); render(); });
    document.addEventListener('click', function (e) { if (!box.contains(e.target) && e.target !== input) box.hidden = true; });
    box.addEventListener('click', function () { box.hidden = true; });
    document.addEventListener('keydown', function (e) {
      if (e.key === '/' && document.activeElement !== input && !/INPUT|TEXTAREA/.test(document.activeElement.tagName)) { e.preventDefault(); input.focus(); }
    });
  }

  function showError(e) {
    document.getElementById('main').innerHTML = '<div class="page"><h1>Not loaded</h1><p>' + App.esc(e.message) + '</p></div>';
  }

  // ---- routing ----
  // Pages that wait for a lazily loaded file render only if the hash has not moved on meanwhile.
  var routeCount = 0;
  function whenLoaded(promise, render) {
    var mine = ++routeCount;
    promise.then(function () { if (mine === routeCount) render(); }, showError);
  }
  function route() {
    var hash = decodeURIComponent(location.hash.slice(1) || '/overview');
    var q = hash.indexOf('?'), path = q < 0 ? hash : hash.slice(0, q), params = new URLSearchParams(q < 0 ? '' : location.hash.slice(location.hash.indexOf('?') + 1));
    var main = document.getElementById('main');
    document.querySelectorAll('[data-nav]').forEach(function (a) { a.classList.toggle('active', path === '/' + a.getAttribute('data-nav')); });
    document.body.classList.toggle('graph-mode', path === '/graph');
    if (path.lastIndexOf('/node/', 0) === 0) {
      var id = path.slice(6), i = App.indexOf(id);
      if (i === undefined) main.innerHTML = '<div class="page"><h1>Not found</h1><p>No node <code>' + App.esc(id) + '</code> in this project.</p></div>';
      else {
        if (!window.ForgeLoader.isLoaded('nodes/' + Math.floor(i / D.shardSize) + '.js')) main.innerHTML = '<div class="page loading">Loading…</div>';
        whenLoaded(Promise.all([window.ForgeLoader.node(i), params.get('col') ? App.lineageReady() : null]), function () { App.pages.node(main, i, params); });
        App.revealInSidebar(id);
      }
    } else if (path === '/graph') { routeCount++; App.pages.graph(main, params); }
    else if (path === '/search') whenLoaded(App.searchReady(), function () { App.pages.search(main, params.get('q') || ''); });
    else { routeCount++; App.pages.overview(main); }
    if (path !== '/graph') main.scrollTop = 0;
  }
  App.route = route;

  document.getElementById('project-name').textContent = D.project;
  document.title = D.project + ' · ModelForge docs';
  renderSidebar();
  bindSearch();
  window.addEventListener('hashchange', route);
  route();
  window.forgeReadyAt = performance.now();
  window.forgeReady = true;
})();
